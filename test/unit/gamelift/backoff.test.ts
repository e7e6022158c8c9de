// When describing a container fleet fails, the listing keeps the fleet with its ID and the
// error, and the failing call waits out a growing backoff instead of running on every listing
// and watcher tick (local endpoint, real SDK).
import * as assert from 'node:assert/strict';
import { BACKOFF_FIRST_MS, BACKOFF_MAX_MS, CallBackoff } from '../../../src/gamelift/backoff';
import { classifyError } from '../../../src/gamelift/errors';
import { containerCallKey, listFleets } from '../../../src/gamelift/fleetService';
import type { Scenario } from '../../emulator/server';
import { REGION, startHarness } from './helpers/emulator';

describe('CallBackoff', () => {
  const retryable = classifyError(Object.assign(new Error('boom'), { name: 'InternalServiceException' }));
  const denied = classifyError(Object.assign(new Error('no'), { name: 'UnauthorizedException' }));

  it('doubles the wait after each failure, up to the maximum', () => {
    let now = 1_000;
    const backoff = new CallBackoff({ now: () => now });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const retryAt = backoff.failed('k', retryable);
      waits.push(retryAt - now);
      now = retryAt;
    }
    assert.deepEqual(waits, [
      BACKOFF_FIRST_MS,
      2 * BACKOFF_FIRST_MS,
      4 * BACKOFF_FIRST_MS,
      8 * BACKOFF_FIRST_MS,
      BACKOFF_MAX_MS,
      BACKOFF_MAX_MS,
    ]);
  });

  it('waits the longest for an error retrying cannot fix', () => {
    const backoff = new CallBackoff({ now: () => 0 });
    assert.equal(backoff.failed('k', denied), BACKOFF_MAX_MS);
  });

  it('says what is waiting until the wait is over; success and Retry clear it', () => {
    let now = 0;
    const backoff = new CallBackoff({ now: () => now });
    backoff.failed('a', retryable);
    backoff.failed('b', retryable);
    assert.equal(backoff.waiting('a')?.error, retryable);
    now = BACKOFF_FIRST_MS;
    assert.equal(backoff.waiting('a'), undefined, 'the wait is over');
    now = 0;
    backoff.succeeded('a');
    assert.equal(backoff.waiting('a'), undefined);
    assert.ok(backoff.waiting('b'));
    backoff.clear('b');
    assert.equal(backoff.waiting('b'), undefined);
    backoff.failed('c', retryable);
    backoff.clear();
    assert.equal(backoff.waiting('c'), undefined);
  });
});

describe('listFleets with failing container-fleet calls (local endpoint, real SDK)', () => {
  const containers = (n: number): Scenario => ({
    accounts: [
      {
        profile: 'local-dev',
        regions: {
          [REGION]: [
            { fleetId: 'fleet-aaaaaaaa-0000-4000-8000-000000000001', name: 'plain', story: 'activated' as const },
            ...Array.from({ length: n }, (_, i) => ({
              fleetId: `containerfleet-bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`,
              kind: 'container' as const,
              story: 'containerActivated' as const,
            })),
          ],
        },
      },
    ],
  });
  const first = 'containerfleet-bbbbbbbb-0000-4000-8000-000000000000';

  it('keeps a fleet whose DescribeContainerFleet fails, with the error, and backs the call off', async () => {
    const h = await startHarness(containers(1), {
      faults: { rules: [{ kind: 'internalError', operations: ['DescribeContainerFleet'] }] },
    });
    try {
      let now = 5_000_000;
      const backoff = new CallBackoff({ now: () => now });
      const client = h.client({ maxAttempts: 1 });
      const options = { backoff, errorContext: { profile: 'local-dev', region: REGION } };

      const fleets = await listFleets(client, options);
      const failed = fleets.find((f) => f.fleetId === first);
      assert.ok(failed);
      assert.equal(failed.isContainerFleet, true);
      assert.equal(failed.status, undefined);
      assert.equal(failed.describeError?.kind, 'internal');
      assert.match(
        failed.describeError?.message ?? '',
        /^Describing container fleet containerfleet-bbbbbbbb.*local-dev/,
      );
      assert.equal(failed.describeRetryAt, now + BACKOFF_FIRST_MS);
      assert.equal(fleets.find((f) => f.name === 'plain')?.describeError, undefined, 'other fleets are unaffected');
      assert.equal(h.calls('DescribeContainerFleet').length, 1);

      // The next listings (a watcher tick, a refresh of the tree) do not repeat the call.
      now += 30_000;
      const again = await listFleets(client, options);
      assert.equal(h.calls('DescribeContainerFleet').length, 1);
      assert.equal(again.find((f) => f.fleetId === first)?.describeError?.kind, 'internal');

      // After the wait, one more try; when it works the fleet is described and the backoff forgotten.
      now += BACKOFF_FIRST_MS;
      h.emulator.setFaults({});
      const healed = await listFleets(client, options);
      assert.equal(h.calls('DescribeContainerFleet').length, 2);
      const fleet = healed.find((f) => f.fleetId === first);
      assert.equal(fleet?.status, 'ACTIVE');
      assert.equal(fleet?.describeError, undefined);
      assert.equal(backoff.waiting(containerCallKey('DescribeContainerFleet', first)), undefined);
    } finally {
      await h.stop();
    }
  });

  it('Retry (clearing the key) makes the call at once', async () => {
    const h = await startHarness(containers(1), {
      faults: { rules: [{ kind: 'internalError', operations: ['DescribeContainerFleet'], times: 1 }] },
    });
    try {
      const backoff = new CallBackoff();
      const client = h.client({ maxAttempts: 1 });
      assert.ok((await listFleets(client, { backoff })).find((f) => f.fleetId === first)?.describeError);
      backoff.clear(containerCallKey('DescribeContainerFleet', first));
      assert.equal((await listFleets(client, { backoff })).find((f) => f.fleetId === first)?.status, 'ACTIVE');
      assert.equal(h.calls('DescribeContainerFleet').length, 2);
    } finally {
      await h.stop();
    }
  });

  it('backs off a failing ListContainerFleets and describes a few fleets one by one meanwhile', async () => {
    const h = await startHarness(containers(4), {
      faults: { rules: [{ kind: 'unauthorized', operations: ['ListContainerFleets'] }] },
    });
    try {
      const backoff = new CallBackoff();
      const client = h.client({ maxAttempts: 1 });
      for (let i = 0; i < 3; i++) {
        const fleets = await listFleets(client, { backoff });
        assert.ok(fleets.filter((f) => f.isContainerFleet).every((f) => f.status === 'ACTIVE' && !f.describeError));
      }
      assert.equal(h.calls('ListContainerFleets').length, 1, 'the denied call is not repeated');
      assert.equal(h.calls('DescribeContainerFleet').length, 12);
      assert.equal(backoff.waiting(containerCallKey('ListContainerFleets'))?.error.kind, 'unauthorized');
    } finally {
      await h.stop();
    }
  });

  it('marks many fleets with the ListContainerFleets error when they are too many to describe one by one', async () => {
    const h = await startHarness(containers(12), {
      faults: { rules: [{ kind: 'internalError', operations: ['ListContainerFleets'] }] },
    });
    try {
      const fleets = await listFleets(h.client({ maxAttempts: 1 }), { backoff: new CallBackoff() });
      const bare = fleets.filter((f) => f.isContainerFleet);
      assert.equal(bare.length, 12);
      assert.ok(bare.every((f) => f.describeError?.kind === 'internal' && f.describeRetryAt !== undefined));
      assert.match(bare[0].describeError?.message ?? '', /^Listing container fleets/);
      assert.equal(h.calls('DescribeContainerFleet').length, 0);
    } finally {
      await h.stop();
    }
  });
});
