// Which fleet states are watched, and how states and severities look.
import * as assert from 'node:assert/strict';
import { fleetStatusIcon, fleetStatusLabel, severityIcon } from '../../../src/explorer/model/fleetStatus';
import { isTransitional } from '../../../src/gamelift/fleetStatus';

describe('explorer: fleet status', () => {
  it('treats the in-between states as transitional', () => {
    for (const s of [
      'NEW',
      'DOWNLOADING',
      'VALIDATING',
      'BUILDING',
      'ACTIVATING',
      'DELETING',
      'PENDING',
      'CREATING',
      'UPDATING',
    ]) {
      assert.equal(isTransitional(s), true, s);
    }
    for (const s of ['ACTIVE', 'ERROR', 'TERMINATED', 'CREATED', undefined])
      assert.equal(isTransitional(s), false, String(s));
  });
  it('gives each state an icon with a theme colour', () => {
    assert.deepEqual(fleetStatusIcon('ACTIVE'), { icon: 'pass', color: 'testing.iconPassed' });
    assert.equal(fleetStatusIcon('ERROR').icon, 'error');
    assert.equal(fleetStatusIcon('BUILDING').icon, 'sync~spin');
    assert.equal(severityIcon('warning').color, 'problemsWarningIcon.foreground');
  });
  it('words a status as the console does, one capital, narrower than the API value', () => {
    assert.equal(fleetStatusLabel('DELETING'), 'Deleting');
    assert.equal(fleetStatusLabel('ACTIVE'), 'Active');
    assert.equal(fleetStatusLabel('NOT_FOUND'), 'Not found');
    assert.equal(fleetStatusLabel(undefined), '');
  });
});
