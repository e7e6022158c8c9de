// What each bundle holds (scripts/build.mjs): activation's dist/extension.js stays light (no AWS
// SDK, no CloudTrail core, none of the GameLift features), the on-demand bundles hold them, and
// the light bundle loads them by a run-time require. Builds into a temporary folder (development
// build, whose module comments name every bundled file) and reads what went where.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The files esbuild put in a development bundle (it writes `// <path>` above each module). */
function modulesOf(bundle: string): string[] {
  return [...bundle.matchAll(/^\/\/ ((?:src|node_modules|package\.json)[^\s]*)$/gm)].map((m) => m[1]);
}

describe('bundles: activation loads only what the moment needs', function () {
  this.timeout(120_000);
  let dist: string;
  let extension: string[];
  let extensionText: string;

  before(() => {
    dist = mkdtempSync(join(tmpdir(), 'gamelift-bundles-'));
    const built = spawnSync(process.execPath, ['scripts/build.mjs', `--outdir=${dist}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    extensionText = readFileSync(join(dist, 'extension.js'), 'utf8');
    extension = modulesOf(extensionText);
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  // gamelift-log: documents are registered at activation (a tab restored after a reload needs its
  // provider), with the log outline; downloading and unpacking logs stay in the GameLift bundle.
  it('keeps the AWS SDK, the CloudTrail core and the GameLift features out of dist/extension.js', () => {
    assert.ok(extension.includes('src/extension.ts'), `read the bundle's modules: ${extension.slice(0, 5).join(', ')}`);
    const heavy = extension.filter((m) =>
      /^node_modules\/(@(aws-sdk|smithy)\/|fflate\/)|^src\/cloudtrail\/[^/]+\.ts$|^src\/(explorer\/(model|nodes|commands)|details|timeline|panel|diagnosis|fleetDiagnosis|eventLogs|history)\/|^src\/logs\/(?!outline\.ts$)/.test(
        m,
      ),
    );
    assert.deepEqual(heavy, []);
  });

  it('loads the on-demand bundles by a run-time require beside it', () => {
    for (const name of ['gamelift', 'cloudtrail']) {
      assert.ok(extensionText.includes(`require("./${name}.js")`), `dist/extension.js requires ./${name}.js`);
      const modules = modulesOf(readFileSync(join(dist, `${name}.js`), 'utf8'));
      assert.ok(modules.length > 0, `dist/${name}.js was built`);
    }
    const gamelift = modulesOf(readFileSync(join(dist, 'gamelift.js'), 'utf8'));
    assert.ok(
      gamelift.some((m) => m.startsWith('node_modules/@aws-sdk/client-gamelift/')),
      'the SDK is in dist/gamelift.js',
    );
    const cloudtrail = modulesOf(readFileSync(join(dist, 'cloudtrail.js'), 'utf8'));
    assert.ok(cloudtrail.includes('src/cloudtrail/validate.ts'), 'the core is in dist/cloudtrail.js');
    assert.ok(!cloudtrail.some((m) => m.startsWith('node_modules/@aws-sdk/')), 'no AWS SDK in dist/cloudtrail.js');
  });
});
