// The settings table (src/settings/table.ts) against package.json: the same keys, defaults,
// ranges and choices, and each reader turns what a user may store into a usable value.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS, settingId, type SettingKey } from '../../src/settings/table';

const ROOT = join(__dirname, '..', '..', '..');
interface ManifestSetting {
  default: unknown;
  minimum?: number;
  maximum?: number;
  enum?: string[];
}
const declared = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ManifestSetting> } };
  }
).contributes.configuration.properties;

describe('settings: the table against package.json', () => {
  const keys = Object.keys(SETTINGS) as SettingKey[];

  it('has exactly the contributed settings', () => {
    assert.deepEqual(keys.map((k) => settingId(k)).sort(), Object.keys(declared).sort());
  });

  it('declares each default, range and choice as the manifest does', () => {
    for (const key of keys) {
      const setting: { default: unknown; minimum?: number; maximum?: number; values?: readonly string[] } =
        SETTINGS[key];
      const manifest = declared[settingId(key)];
      assert.deepEqual(setting.default, manifest.default, `${key} default`);
      assert.equal(setting.minimum, manifest.minimum, `${key} minimum`);
      assert.equal(setting.maximum, manifest.maximum, `${key} maximum`);
      assert.deepEqual(setting.values, manifest.enum, `${key} choices`);
    }
  });

  it('reads the default and anything of the wrong type as the default, and clamps numbers', () => {
    for (const key of keys) {
      const setting = SETTINGS[key];
      const fromDefault = setting.read(setting.default);
      assert.deepEqual(setting.read(undefined), key === 'endpoint' ? undefined : fromDefault, key);
    }
    assert.equal(SETTINGS['events.pageSize'].read(5000), 1000);
    assert.equal(SETTINGS['events.pageSize'].read(0), 1);
    assert.equal(SETTINGS['events.pageSize'].read(12.7), 12);
    assert.equal(SETTINGS['events.pageSize'].read('50'), 100);
    assert.equal(SETTINGS['watch.intervalSeconds'].read(-3), 0);
    assert.equal(SETTINGS['events.timeZone'].read('UTC'), 'local');
    assert.equal(SETTINGS['cloudtrail.validate'].read('false'), true);
    assert.deepEqual(SETTINGS['cloudtrail.rules'].read([]), {});
    assert.deepEqual(SETTINGS.profile.read(' dev '), ['dev']);
    assert.deepEqual(SETTINGS.profile.read(['a', ' a', '', 7, 'b']), ['a', 'b']);
    assert.deepEqual(SETTINGS.regions.read(['us-west-2', 'eu-west-1 ']), ['us-west-2', 'eu-west-1']);
  });
});
