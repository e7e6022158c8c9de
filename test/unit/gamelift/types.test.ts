// The one FleetRef guard: command arguments and restored webview state pass through it.
import * as assert from 'node:assert/strict';
import { isFleetRef } from '../../../src/gamelift/types';

describe('gamelift types: isFleetRef', () => {
  it('accepts a fleet on a connection, with or without profile and endpoint', () => {
    assert.equal(isFleetRef({ fleetId: 'fleet-1', target: { region: 'us-west-2' } }), true);
    assert.equal(
      isFleetRef({ fleetId: 'fleet-1', target: { region: 'us-west-2', profile: 'p', endpoint: 'http://127.0.0.1:1' } }),
      true,
    );
  });

  it('refuses anything else', () => {
    for (const bad of [
      undefined,
      null,
      'fleet-1',
      [],
      { fleetId: 'fleet-1' },
      { fleetId: '', target: { region: 'us-west-2' } },
      { fleetId: 'fleet-1', target: { region: '' } },
      { fleetId: 'fleet-1', target: [] },
      { fleetId: 7, target: { region: 'us-west-2' } },
      { fleetId: 'fleet-1', target: { region: 'us-west-2', profile: 3 } },
      { fleetId: 'fleet-1', target: { region: 'us-west-2', endpoint: {} } },
    ]) {
      assert.equal(isFleetRef(bad), false, JSON.stringify(bad));
    }
  });
});
