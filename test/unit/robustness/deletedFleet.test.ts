// A fleet deleted between ListFleets and DescribeFleetAttributes: GameLift answers the
// batch with NotFoundException. The list must still show every other fleet, once.
import * as assert from 'node:assert/strict';
import { buildClient } from '../../../src/gamelift/clientFactory';
import { listFleets } from '../../../src/gamelift/fleetService';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('Fleet deleted while the list is being described', () => {
  let emulator: RunningEmulator;
  const ids = Array.from({ length: 12 }, (_, i) => `fleet-dddddddd-0000-4000-8000-${String(i).padStart(12, '0')}`);
  before(async () => {
    emulator = await startEmulator({
      port: 0,
      scenario: {
        accounts: [
          {
            profile: DEFAULT_TEST_ACCOUNT.profile,
            regions: { 'us-west-2': ids.map((fleetId, i) => ({ fleetId, name: `f${i}`, status: 'ACTIVE' })) },
          },
        ],
      },
    });
  });
  after(async () => emulator.stop());

  it('leaves out the deleted fleet and describes the rest of its batch one by one', async () => {
    const deleted = ids[6];
    // Every call naming the deleted fleet answers NotFound, as GameLift does.
    emulator.setFaults({ rules: [{ kind: 'notFound', operations: ['DescribeFleetAttributes'], fleetId: deleted }] });
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: emulator.url },
      {
        credentials: testCredentials(),
        maxAttempts: 1,
      },
    );
    try {
      const fleets = await listFleets(client, { pageSize: 5, batchSize: 5 });
      assert.deepEqual(
        fleets.map((f) => f.fleetId),
        ids.filter((id) => id !== deleted),
      );
      assert.ok(
        fleets.every((f) => f.name !== undefined && f.status === 'ACTIVE'),
        'the others keep their attributes',
      );
      const describes = emulator.requests.filter((r) => r.operation === 'DescribeFleetAttributes');
      // 3 batches; the failed one (5 fleets) is described again fleet by fleet.
      assert.equal(describes.length, 3 + 5);
    } finally {
      client.destroy();
    }
  });

  it('still fails the list for errors other than NotFound', async () => {
    emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['DescribeFleetAttributes'] }] });
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: emulator.url },
      {
        credentials: testCredentials(),
        maxAttempts: 1,
      },
    );
    try {
      await assert.rejects(listFleets(client, { pageSize: 5, batchSize: 5 }), { name: 'InternalServiceException' });
    } finally {
      client.destroy();
    }
  });
});
