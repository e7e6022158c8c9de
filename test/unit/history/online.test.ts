// The online history core through the real @aws-sdk/client-cloudtrail against the local
// endpoint: ceil(N/50) LookupEvents calls for N events and never more than 2 per second (one
// limiter shared by every window of an account and Region), pages cached per window, a fleet's
// write calls found on our side, denied calls naming cloudtrail:LookupEvents, cancellation.
import * as assert from 'node:assert/strict';
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { buildClient } from '../../../src/gamelift/clientFactory';
import { classifyLookupError } from '../../../src/history/online/lookupErrors';
import { fleetChangesIn, loadFleetChanges } from '../../../src/history/online/fleetChanges';
import { LookupHistory, recentWindow, type LookupWindowRange } from '../../../src/history/online/lookupHistory';
import { RateLimiter } from '../../../src/history/online/rateLimiter';
import { busiestWindow } from '../../support/busiestWindow';
import { seededRandom } from '../../support/seededRandom';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import { fleetStory } from '../../emulator/cloudtrail/fleetHistory';
import { ACTORS, cloudTrailRecord, FLEET_CALLS } from '../../emulator/cloudtrail/records';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

const KEY = `${DEFAULT_TEST_ACCOUNT.accountId}/us-west-2`;

/** The most LookupEvents calls that arrived within any 1000 ms, and how many were throttled. */
function rateOf(emulator: RunningEmulator): { calls: number; maxPerSecond: number; throttled: number } {
  const calls = emulator.requests.filter((r) => r.operation === 'LookupEvents');
  const maxPerSecond = busiestWindow(calls.map((r) => r.at));
  return {
    calls: calls.length,
    maxPerSecond,
    throttled: calls.filter((r) => r.errorCode === 'ThrottlingException').length,
  };
}

describe('history online: LookupEvents core', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let client: CloudTrailClient;
  let range: LookupWindowRange;

  beforeEach(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = buildClient(
      'cloudtrail',
      { region: 'us-west-2', endpoint: emulator.url },
      {
        credentials: testCredentials(),
        maxAttempts: 1, // a throttled call would fail the test instead of being retried quietly
      },
    );
    range = recentWindow(emulator.now());
  });
  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  /** Adds `count` GameLift calls on the busy fleet (and returns how many GameLift events the place has). */
  function addCalls(count: number): number {
    const fleet = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
    const random = seededRandom(3);
    for (let i = 0; i < count; i++) {
      const actor = ACTORS[i % 5];
      const shape = i % 2 ? FLEET_CALLS.describeEvents(fleet) : FLEET_CALLS.scale(fleet, i % 7);
      const record = cloudTrailRecord(
        {
          time: emulator.now() - (i + 1) * 61_000,
          accountId: fleet.accountId,
          region: fleet.region,
          actor,
          eventSource: 'gamelift.amazonaws.com',
          ...shape,
        },
        random,
      );
      emulator.trail.add(record, actor);
    }
    return emulator.trail
      .events(fleet.accountId, fleet.region)
      .filter(
        (e) => e.eventSource === 'gamelift.amazonaws.com' && e.eventTime >= range.start && e.eventTime <= range.end,
      ).length;
  }

  it('reads N events in ceil(N/50) calls, never more than 2 per second, newest first', async () => {
    const n = addCalls(180);
    const history = new LookupHistory(client, { limiter: new RateLimiter(), limiterKey: KEY });
    const window = history.window(range);
    await window.loadUntil(() => false);
    assert.ok(window.complete);
    assert.equal(window.events.length, n);
    const rate = rateOf(emulator);
    assert.equal(rate.calls, Math.ceil(n / 50));
    assert.equal(window.callCount, rate.calls);
    assert.ok(rate.maxPerSecond <= 2, `${rate.maxPerSecond} calls within a second`);
    assert.equal(rate.throttled, 0);
    const times = window.events.map((e) => e.summary.time);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    for (const input of emulator.requests.map((r) => r.input!)) {
      assert.deepEqual(input.LookupAttributes, [
        { AttributeKey: 'EventSource', AttributeValue: 'gamelift.amazonaws.com' },
      ]);
      assert.equal(input.MaxResults, 50);
    }
  });

  it('shares one limiter between windows and callers of an account and Region', async () => {
    addCalls(120);
    const limiter = new RateLimiter();
    const a = new LookupHistory(client, { limiter, limiterKey: KEY }).window(range);
    const b = new LookupHistory(client, { limiter, limiterKey: KEY }).window({
      start: range.start,
      end: range.end - 60_000,
    });
    await Promise.all([a.loadUntil(() => false), b.loadUntil(() => false), a.loadNextPage(), a.loadNextPage()]);
    const rate = rateOf(emulator);
    assert.equal(rate.throttled, 0);
    assert.ok(rate.maxPerSecond <= 2, `${rate.maxPerSecond} calls within a second`);
    assert.equal(rate.calls, a.callCount + b.callCount);
  });

  it("finds a fleet's write calls from requestParameters and responseElements, with who, when and errors", async () => {
    const history = new LookupHistory(client, { limiter: new RateLimiter(), limiterKey: KEY });
    const window = history.window(range);
    const fleet = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
    const result = await loadFleetChanges(window, fleet.fleetArn, { wanted: 1000 });
    assert.ok(result.complete);
    const story = fleetStory(fleet, emulator.trail.startedAt)
      .filter((c) => !c.shape.readOnly)
      .reverse();
    assert.deepEqual(
      result.changes.map((c) => [c.eventName, c.errorCode ?? '', c.time]),
      story.map((c) => [c.shape.eventName, c.errorCode ?? '', Math.floor(c.time / 1000) * 1000]),
    );
    assert.equal(result.changes[result.changes.length - 1].eventName, 'CreateFleet', 'found in responseElements');
    const zero = result.changes.find(
      (c) => c.eventName === 'UpdateFleetCapacity' && JSON.parse(c.text).requestParameters.desiredInstances === 0,
    )!;
    assert.equal(zero.who, 'live-ops-bot');
    assert.equal(zero.principal, `arn:aws:iam::${fleet.accountId}:user/live-ops-bot`);
    const failed = result.changes.find((c) => c.errorCode)!;
    assert.equal(failed.errorCode, 'LimitExceededException');
    assert.match(failed.errorMessage!, /instance limit/);
    // Other fleets' changes come from the same pages: no new call.
    const calls = emulator.requests.length;
    const deleting = fleetChangesIn(window.events, DEFAULT_FLEETS.deleting);
    assert.equal(deleting[0].eventName, 'DeleteFleet');
    assert.equal(history.window(range), window, 'the window (and its pages) is cached');
    await loadFleetChanges(history.window(range), DEFAULT_FLEETS.spot);
    assert.equal(emulator.requests.length, calls);
    // With reads included the list is longer, and never holds another fleet.
    const all = fleetChangesIn(window.events, fleet.fleetId, { writesOnly: false });
    assert.ok(all.length > result.changes.length);
    assert.ok(all.every((c) => c.text.includes(fleet.fleetId)));
  });

  it('stops paging once enough changes are known', async () => {
    addCalls(200);
    const window = new LookupHistory(client, { limiter: new RateLimiter(), limiterKey: KEY }).window(range);
    const result = await loadFleetChanges(window, DEFAULT_FLEETS.busy, { wanted: 3 });
    assert.equal(result.complete, false);
    assert.ok(result.changes.length >= 3);
    assert.equal(rateOf(emulator).calls, 1);
  });

  it('says which permission is missing when the call is denied', async () => {
    emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['LookupEvents'] }] });
    const window = new LookupHistory(client, { limiter: new RateLimiter(), limiterKey: KEY }).window(range);
    const err = await window.loadNextPage().then(
      () => assert.fail('should be denied'),
      (e: unknown) => e,
    );
    const classified = classifyLookupError(err, { profile: 'local-dev', region: 'us-west-2' });
    assert.equal(classified.kind, 'unauthorized');
    assert.match(classified.message, /needs the permission cloudtrail:LookupEvents/);
    assert.match(classified.message, /profile "local-dev", us-west-2/);
    assert.equal(classified.retryable, false);
    // The next load asks again (nothing is cached from a failure).
    emulator.setFaults({});
    await new Promise((r) => setTimeout(r, 1100));
    assert.ok((await window.loadNextPage()).length > 0);
  });

  it('holds each slot from the start of a call until a window after its end, first come first served', async () => {
    const limiter = new RateLimiter({ perWindow: 2, windowMs: 200, marginMs: 0 });
    const spans: Array<{ i: number; start: number; end: number }> = [];
    const call = (i: number, ms: number) =>
      limiter.run('k', async () => {
        const start = performance.now();
        await new Promise((r) => setTimeout(r, ms));
        spans.push({ i, start, end: performance.now() });
      });
    await Promise.all([call(0, 120), call(1, 10), call(2, 10), call(3, 10), call(4, 10)]);
    const byStart = [...spans].sort((a, b) => a.start - b.start);
    assert.deepEqual(
      byStart.map((s) => s.i),
      [0, 1, 2, 3, 4],
    );
    for (let k = 2; k < byStart.length; k++) {
      // Of any three calls, the third starts a window after one of the first two ended.
      const freed = Math.min(byStart[k - 1].end, byStart[k - 2].end);
      assert.ok(
        byStart[k].start >= freed + 199,
        `call ${k} started ${byStart[k].start - freed} ms after a slot was freed`,
      );
    }
    // A slow call keeps its slot: call 2 waited for call 1 (fast), not for call 0 (slow).
    assert.ok(byStart[2].start < byStart[0].end + 199);
  });

  it("names throttling as CloudTrail's and leaves other failures to the common classification", () => {
    const throttled = classifyLookupError(
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { attempts: 5 } }),
      { region: 'eu-west-1' },
    );
    assert.equal(throttled.kind, 'throttled');
    assert.match(throttled.message, /2 per second per account and Region\) and they still failed after 5 attempts/);
    const network = classifyLookupError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    assert.equal(network.kind, 'network');
    assert.match(network.message, /^Reading the CloudTrail event history: /);
  });

  it('cancels: a caller stops waiting alone, abortInFlight stops the call, waiting callers give up their turn', async () => {
    emulator.setFaults({ rules: [{ kind: 'latency', ms: 400, operations: ['LookupEvents'] }] });
    const window = new LookupHistory(client, { limiter: new RateLimiter(), limiterKey: KEY }).window(range);
    const leaving = new AbortController();
    const first = window.loadNextPage(leaving.signal);
    const staying = window.loadNextPage();
    leaving.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.ok((await staying).length > 0, 'the shared page still arrives');
    const owner = window.loadNextPage();
    setTimeout(() => window.abortInFlight(), 50);
    await assert.rejects(owner, { name: 'AbortError' });

    const limiter = new RateLimiter({ perWindow: 1, windowMs: 300, marginMs: 0 });
    await limiter.run('k', async () => undefined);
    const gaveUp = new AbortController();
    const order: string[] = [];
    const waiting = limiter
      .run('k', async () => order.push('gave up?'), gaveUp.signal)
      .catch(() => order.push('cancelled'));
    const next = limiter.run('k', async () => order.push('next'));
    gaveUp.abort();
    await Promise.all([waiting, next]);
    assert.deepEqual(order, ['cancelled', 'next']);
    assert.ok(limiter.delayFor('k') > 200, 'the cancelled caller did not use the slot');
  });
});
