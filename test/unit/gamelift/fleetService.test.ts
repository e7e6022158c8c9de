// Fleet listing against the local endpoint: one ListFleets per page, one
// DescribeFleetAttributes per batch (never one per fleet), container fleets included.
import * as assert from 'node:assert/strict';
import { DEFAULT_ATTRIBUTES_BATCH_SIZE, describeFleet, listFleets } from '../../../src/gamelift/fleetService';
import { classifyError } from '../../../src/gamelift/errors';
import { DEFAULT_TEST_ACCOUNT, TEST_ACCOUNTS } from '../../emulator/credentials';
import type { Scenario } from '../../emulator/server';
import { REGION, startHarness, type EmulatorHarness } from './helpers/emulator';

const MANY: Scenario = {
  accounts: [{ profile: DEFAULT_TEST_ACCOUNT.profile, generateFleets: { count: 500, regions: [REGION], seed: 3 } }],
};

describe('listFleets with 500 fleets (local endpoint, real SDK)', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness(MANY);
  });
  after(async () => h.stop());
  beforeEach(() => h.emulator.resetRequests());

  it('uses one ListFleets per page and one DescribeFleetAttributes per batch', async () => {
    const pagesSeen: number[] = [];
    const fleets = await listFleets(h.client(), { pageSize: 100, onPage: (p) => pagesSeen.push(p.length) });
    const expected = h.emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION).map((f) => f.fleetId);
    assert.equal(expected.length, 500);
    assert.deepEqual(
      fleets.map((f) => f.fleetId),
      expected,
    );

    const list = h.calls('ListFleets');
    const describe = h.calls('DescribeFleetAttributes');
    assert.equal(list.length, 5);
    assert.ok(list.every((c) => c.input?.Limit === 100));
    assert.equal(describe.length, Math.ceil(100 / DEFAULT_ATTRIBUTES_BATCH_SIZE) * 5);
    const described = describe.flatMap((c) => c.input?.FleetIds as string[]);
    assert.ok(describe.every((c) => (c.input?.FleetIds as string[]).length <= DEFAULT_ATTRIBUTES_BATCH_SIZE));
    assert.deepEqual(described, expected, 'every fleet described once, in order');
    assert.deepEqual(pagesSeen, Array(10).fill(50), 'fleets arrive batch by batch');
    assert.equal(h.emulator.requests.length, list.length + describe.length, 'no other calls');
  });

  it('maps attributes to FleetSummary with epoch-ms times', async () => {
    const fleets = await listFleets(h.client(), { pageSize: 250, batchSize: 250 });
    assert.equal(h.calls('ListFleets').length, 2);
    assert.equal(h.calls('DescribeFleetAttributes').length, 2);
    const record = h.emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION)[7];
    const summary = fleets.find((f) => f.fleetId === record.fleetId)!;
    assert.equal(summary.name, record.name);
    assert.equal(summary.status, record.status);
    assert.equal(summary.fleetArn, record.fleetArn);
    assert.equal(summary.instanceType, record.instanceType);
    assert.equal(summary.creationTime, record.creationTime);
    assert.equal(typeof summary.creationTime, 'number');
    assert.equal(summary.isContainerFleet, undefined);
  });

  it('finds nothing for another account', async () => {
    const fleets = await listFleets(h.client({ account: TEST_ACCOUNTS[1] }));
    assert.deepEqual(fleets, []);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = listFleets(h.client(), { pageSize: 100, signal: controller.signal, onPage: () => controller.abort() });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyError(error).kind, 'cancelled');
    assert.equal(h.calls('ListFleets').length, 1);
  });
});

describe('listFleets and describeFleet with the default scenario', () => {
  let h: EmulatorHarness;
  before(async () => {
    h = await startHarness('default');
  });
  after(async () => h.stop());
  beforeEach(() => h.emulator.resetRequests());

  it('lists container fleets too, described without DescribeFleetAttributes', async () => {
    const fleets = await listFleets(h.client());
    const records = h.emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION);
    assert.deepEqual(fleets.map((f) => f.fleetId).sort(), records.map((r) => r.fleetId).sort());
    const containers = records.filter((r) => r.kind === 'container');
    assert.ok(containers.length > 0, 'the default scenario has a container fleet');
    for (const record of containers) {
      const summary = fleets.find((f) => f.fleetId === record.fleetId)!;
      assert.equal(summary.isContainerFleet, true);
      assert.equal(summary.status, record.status);
    }
    const describedIds = h.calls('DescribeFleetAttributes').flatMap((c) => c.input?.FleetIds as string[]);
    assert.ok(containers.every((c) => !describedIds.includes(c.fleetId)));
    if (containers.length <= 2) {
      assert.equal(h.calls('ListContainerFleets').length, 0, 'one or two container fleets are described directly');
      assert.equal(h.calls('DescribeContainerFleet').length, containers.length);
    }
  });

  it('describes one fleet by ID or ARN, and returns undefined for an unknown one', async () => {
    const record = h.emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION).find((r) => r.kind === 'ec2')!;
    const client = h.client();
    assert.equal((await describeFleet(client, record.fleetId))?.fleetArn, record.fleetArn);
    assert.equal((await describeFleet(client, record.fleetArn))?.fleetId, record.fleetId);
    assert.equal(await describeFleet(client, 'fleet-00000000-0000-4000-8000-000000000000'), undefined);
    const container = h.emulator.state
      .fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION)
      .find((r) => r.kind === 'container')!;
    const summary = await describeFleet(client, container.fleetId);
    assert.equal(summary?.isContainerFleet, true);
    await assert.rejects(
      describeFleet(client, 'not a fleet'),
      (e: unknown) => classifyError(e).kind === 'invalidRequest',
    );
  });
});

describe('listFleets with many container fleets', () => {
  const scenario = (count: number): Scenario => ({
    accounts: [
      {
        profile: DEFAULT_TEST_ACCOUNT.profile,
        regions: {
          [REGION]: Array.from({ length: count }, (_, i) => ({
            kind: 'container' as const,
            name: `c${i}`,
            status: 'ACTIVE',
          })),
        },
      },
    ],
  });
  const listContainerFleetsFails = { rules: [{ kind: 'internalError' as const, operations: ['ListContainerFleets'] }] };

  it('describes them with ListContainerFleets, not one call each', async () => {
    const h = await startHarness(scenario(12));
    try {
      const fleets = await listFleets(h.client());
      assert.equal(fleets.length, 12);
      assert.ok(
        fleets.every((f) => f.isContainerFleet === true && f.status === 'ACTIVE' && f.creationTime !== undefined),
      );
      assert.ok(h.calls('ListContainerFleets').length >= 1);
      assert.equal(h.calls('DescribeContainerFleet').length, 0);
      assert.equal(h.calls('DescribeFleetAttributes').length, 0);
    } finally {
      await h.stop();
    }
  });

  it('describes up to ten one by one when ListContainerFleets fails', async () => {
    const h = await startHarness(scenario(5), { faults: listContainerFleetsFails });
    try {
      const fleets = await listFleets(h.client({ maxAttempts: 1 }));
      assert.equal(fleets.length, 5);
      assert.ok(fleets.every((f) => f.isContainerFleet === true && f.status === 'ACTIVE'));
      assert.equal(h.calls('ListContainerFleets').length, 1);
      assert.equal(h.calls('DescribeContainerFleet').length, 5);
    } finally {
      await h.stop();
    }
  });

  it('shows more than ten as bare container-fleet summaries when ListContainerFleets fails', async () => {
    const h = await startHarness(scenario(12), { faults: listContainerFleetsFails });
    try {
      const fleets = await listFleets(h.client({ maxAttempts: 1 }));
      assert.equal(fleets.length, 12);
      assert.ok(
        fleets.every(
          (f) => f.isContainerFleet === true && f.fleetId.startsWith('containerfleet-') && f.status === undefined,
        ),
      );
      assert.equal(h.calls('DescribeContainerFleet').length, 0);
    } finally {
      await h.stop();
    }
  });
});
