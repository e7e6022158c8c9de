// The "Load more" pager against the local endpoint through the real SDK: thousands of events
// come back each exactly once and in order, one request per page; concurrent loads share one
// request; windows, resets, cancellation and injected faults behave.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../../src/gamelift/errors';
import { FleetEventPager, fetchEvents } from '../../../src/gamelift/eventPager';
import { last24Hours } from '../../../src/gamelift/timeRange';
import { startHarness, oneFleetScenario, type EmulatorHarness } from './helpers/emulator';
import { startRawEndpoint, type RawEndpoint } from './helpers/rawEndpoint';
import { buildClient } from '../../../src/gamelift/clientFactory';
import { testCredentials } from '../../emulator/credentials';

const FLEET = 'fleet-0a0b0c0d-1111-4222-8333-444455556666';
const EVENT_COUNT = 3000;
const FIXED_NOW = Date.UTC(2026, 10, 21, 1, 0, 0);

describe('FleetEventPager (local endpoint, real SDK)', function () {
  let h: EmulatorHarness;

  before(async () => {
    h = await startHarness(oneFleetScenario(FLEET, EVENT_COUNT));
  });
  after(async () => h.stop());
  beforeEach(() => {
    h.emulator.setFaults({});
    h.emulator.resetRequests();
  });

  it('pages over thousands of events: each exactly once, newest first, one request per page', async () => {
    const pager = new FleetEventPager(h.client(), FLEET, {}, 100, { now: () => FIXED_NOW });
    assert.equal(pager.hasStarted, false);
    let pages = 0;
    while (pager.hasMore) {
      const { added } = await pager.loadNextPage();
      pages++;
      assert.ok(added.length <= 100);
    }
    const expected = h.emulator.state.events(FLEET).map((e) => e.eventId);
    assert.equal(expected.length, EVENT_COUNT);
    assert.deepEqual(
      pager.events.map((e) => e.eventId),
      expected,
    );
    assert.equal(new Set(pager.events.map((e) => e.eventId)).size, EVENT_COUNT);
    for (let i = 1; i < pager.events.length; i++) {
      assert.ok(pager.events[i - 1].eventTime! >= pager.events[i].eventTime!, `newest first at ${i}`);
    }
    const calls = h.calls('DescribeFleetEvents');
    assert.equal(calls.length, pages);
    assert.equal(pages, EVENT_COUNT / 100);
    assert.ok(calls.every((c) => c.input?.Limit === 100));
    assert.equal(calls[0].input?.NextToken, undefined);
    assert.ok(calls.slice(1).every((c) => typeof c.input?.NextToken === 'string'));
    assert.ok(pager.events.every((e) => e.fetchedAt === FIXED_NOW));

    // Nothing left: another load sends nothing.
    assert.deepEqual((await pager.loadNextPage()).added, []);
    assert.equal(h.calls('DescribeFleetEvents').length, pages);
  });

  it('maps events to plain JSON with epoch-ms times', async () => {
    const pager = new FleetEventPager(h.client(), FLEET, {}, 5);
    await pager.loadNextPage();
    const source = h.emulator.state.events(FLEET)[0];
    const first = pager.events[0];
    assert.equal(first.eventId, source.eventId);
    assert.equal(first.eventCode, source.eventCode);
    assert.equal(first.message, source.message);
    assert.equal(first.resourceId, source.resourceId);
    assert.equal(first.eventTime, source.eventTime);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(pager.events)));
  });

  it('shares one request between concurrent loads (double click)', async () => {
    const pager = new FleetEventPager(h.client(), FLEET, {}, 50);
    const clicks = [
      pager.loadNextPage(),
      pager.loadNextPage(),
      pager.loadNextPage(),
      pager.loadNextPage(),
      pager.loadNextPage(),
    ];
    assert.equal(pager.isLoading, true);
    const results = await Promise.all(clicks);
    assert.equal(pager.isLoading, false);
    assert.equal(h.calls('DescribeFleetEvents').length, 1);
    assert.ok(results.every((r) => r === results[0]));
    assert.equal(pager.events.length, 50);
    await Promise.all([pager.loadNextPage(), pager.loadNextPage()]);
    assert.equal(h.calls('DescribeFleetEvents').length, 2);
    assert.equal(pager.events.length, 100);
    assert.equal(new Set(pager.events.map((e) => e.eventId)).size, 100);
  });

  it('asks only for the window, and restarts on reset', async () => {
    const now = h.emulator.now();
    const window = last24Hours(now);
    const pager = new FleetEventPager(h.client(), FLEET, window, 1000);
    while (pager.hasMore) await pager.loadNextPage();
    const expected = h.emulator.state
      .events(FLEET)
      .filter((e) => e.eventTime >= window.start!)
      .map((e) => e.eventId);
    assert.ok(
      expected.length > 0 && expected.length < EVENT_COUNT,
      `the window holds some events (${expected.length})`,
    );
    assert.deepEqual(
      pager.events.map((e) => e.eventId),
      expected,
    );
    const first = h.calls('DescribeFleetEvents')[0];
    assert.equal(Math.round(Number(first.input?.StartTime) * 1000), window.start);

    h.emulator.resetRequests();
    pager.reset({});
    assert.equal(pager.events.length, 0);
    assert.equal(pager.hasMore, true);
    await pager.loadNextPage();
    assert.equal(pager.events.length, 1000);
    const restarted = h.calls('DescribeFleetEvents')[0];
    assert.equal(restarted.input?.NextToken, undefined);
    assert.equal(restarted.input?.StartTime, undefined);
  });

  it('drops a page that arrives after a reset', async () => {
    h.emulator.setFaults({ latencyMs: 100 });
    const pager = new FleetEventPager(h.client(), FLEET, {}, 10);
    const stale = pager.loadNextPage();
    pager.reset();
    assert.deepEqual((await stale).added, []);
    assert.equal(pager.events.length, 0);
    await pager.loadNextPage();
    assert.equal(pager.events.length, 10);
  });

  it('lets one caller cancel without losing the page for the others', async () => {
    h.emulator.setFaults({ latencyMs: 150 });
    const pager = new FleetEventPager(h.client(), FLEET, {}, 20);
    const controller = new AbortController();
    const cancelled = pager.loadNextPage(controller.signal);
    const other = pager.loadNextPage();
    controller.abort();
    const error = await cancelled.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyError(error).kind, 'cancelled');
    assert.equal((await other).added.length, 20);
    assert.equal(pager.events.length, 20);
    assert.equal(h.calls('DescribeFleetEvents').length, 1);
    // An already-aborted signal sends nothing.
    const before = h.emulator.requests.length;
    await assert.rejects(pager.loadNextPage(controller.signal), { name: 'AbortError' });
    assert.equal(h.emulator.requests.length, before);
  });

  it('abortInFlight aborts the SDK request itself (the SDK reports AbortError), and the next load asks for the same page', async () => {
    h.emulator.setFaults({ latencyMs: 2_000 });
    const pager = new FleetEventPager(h.client(), FLEET, {}, 20);
    const load = pager.loadNextPage();
    await new Promise((r) => setTimeout(r, 150));
    const started = Date.now();
    pager.abortInFlight();
    const error = await load.then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal((error as { name?: string }).name, 'AbortError');
    assert.ok(Date.now() - started < 1_500, 'the request did not run to its end');
    assert.equal((pager.lastError as { name?: string }).name, 'AbortError');
    assert.equal(pager.events.length, 0);
    h.emulator.setFaults({});
    assert.equal((await pager.loadNextPage()).added.length, 20);
    const calls = h.calls('DescribeFleetEvents');
    assert.equal(calls[calls.length - 1].input?.NextToken, undefined, 'the aborted (first) page was asked for again');
  });

  it('keeps the error, then loads the same page on retry (no page skipped)', async () => {
    const pager = new FleetEventPager(h.client({ maxAttempts: 1 }), FLEET, {}, 100);
    await pager.loadNextPage();
    h.emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'] }] });
    await assert.rejects(pager.loadNextPage());
    assert.equal(classifyError(pager.lastError).kind, 'internal');
    assert.equal(pager.hasMore, true);
    h.emulator.setFaults({});
    await pager.loadNextPage();
    assert.equal(pager.lastError, undefined);
    assert.deepEqual(
      pager.events.map((e) => e.eventId),
      h.emulator.state
        .events(FLEET)
        .slice(0, 200)
        .map((e) => e.eventId),
    );
  });

  it('fetchEvents stops at the limit and reports progress', async () => {
    const progress: number[] = [];
    const events = await fetchEvents(
      h.client(),
      FLEET,
      {},
      { limit: 250, pageSize: 100, onPage: (p) => progress.push(p.total) },
    );
    assert.equal(events.length, 250);
    assert.deepEqual(
      events.map((e) => e.eventId),
      h.emulator.state
        .events(FLEET)
        .slice(0, 250)
        .map((e) => e.eventId),
    );
    assert.deepEqual(progress, [100, 200, 250]);
    assert.equal(h.calls('DescribeFleetEvents').length, 3);
  });

  it('fetchEvents with a small limit asks for no more than it needs', async () => {
    const events = await fetchEvents(h.client(), FLEET, {}, { limit: 7 });
    assert.equal(events.length, 7);
    const calls = h.calls('DescribeFleetEvents');
    assert.equal(calls.length, 1);
    assert.equal(calls[0].input?.Limit, 7);
  });

  it('fetchEvents can be cancelled between pages', async () => {
    const controller = new AbortController();
    const run = fetchEvents(
      h.client(),
      FLEET,
      {},
      { pageSize: 100, signal: controller.signal, onPage: () => controller.abort() },
    );
    await assert.rejects(run, { name: 'AbortError' });
    assert.equal(h.calls('DescribeFleetEvents').length, 1);
  });
});

describe('FleetEventPager de-duplication (scripted endpoint)', () => {
  let raw: RawEndpoint;
  const T = Date.UTC(2026, 10, 20, 12, 0, 0) / 1000;
  const ev = (id: string, secondsAgo: number) => ({
    EventId: id,
    EventCode: 'GENERIC_EVENT',
    EventTime: T - secondsAgo,
    Message: id,
  });
  before(async () => {
    // Two pages that overlap (a new event pushed the old ones down between calls).
    raw = await startRawEndpoint((_req, i) =>
      i === 0
        ? { body: { Events: [ev('a', 0), ev('b', 10), ev('c', 20)], NextToken: 'page-2' } }
        : { body: { Events: [ev('c', 20), ev('d', 30), ev('b', 10)] } },
    );
  });
  after(async () => raw.stop());

  it('keeps each EventId once, in time order', async () => {
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: raw.url },
      {
        credentials: testCredentials(),
      },
    );
    const pager = new FleetEventPager(client, FLEET, {}, 3);
    await pager.loadNextPage();
    const { added } = await pager.loadNextPage();
    assert.deepEqual(
      added.map((e) => e.eventId),
      ['d'],
    );
    assert.deepEqual(
      pager.events.map((e) => e.eventId),
      ['a', 'b', 'c', 'd'],
    );
    assert.equal(pager.hasMore, false);
    assert.equal(raw.requests[1].body.NextToken, 'page-2');
    client.destroy();
  });
});

describe('FleetEventPager against an endpoint that repeats its NextToken', () => {
  it('stops instead of paging forever', async () => {
    const raw = await startRawEndpoint((_req, i) => ({
      body: {
        Events: [{ EventId: `e${i}`, EventCode: 'GENERIC_EVENT', EventTime: 1795000000 - i }],
        NextToken: 'stuck',
      },
    }));
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: raw.url },
      {
        credentials: testCredentials(),
      },
    );
    try {
      const events = await fetchEvents(client, FLEET, {}, { pageSize: 1 });
      assert.deepEqual(
        events.map((e) => e.eventId),
        ['e0', 'e1'],
      );
      assert.equal(raw.requests.length, 2);
    } finally {
      client.destroy();
      await raw.stop();
    }
  });
});

describe('FleetEventPager polls (loadNewest)', () => {
  const credentials = testCredentials();
  const event = (id: string, secondsAgo: number) => ({
    EventId: id,
    EventCode: 'GENERIC_EVENT',
    EventTime: 1795000000 - secondsAgo,
  });

  it('resolves to the events it added; concurrent polls share one request', async () => {
    const raw = await startRawEndpoint((_req, i) =>
      i === 0
        ? { body: { Events: [event('old', 100)], NextToken: 'older' } }
        : { body: { Events: [event('new', 1), event('old', 100)], NextToken: 'older' }, delayMs: 100 },
    );
    const client = buildClient('gamelift', { region: 'us-west-2', endpoint: raw.url }, { credentials });
    try {
      const pager = new FleetEventPager(client, FLEET, {}, 2);
      await pager.loadNextPage();
      const polls = await Promise.all([pager.loadNewest(), pager.loadNewest()]);
      for (const { added } of polls)
        assert.deepEqual(
          added.map((e) => e.eventId),
          ['new'],
        );
      assert.equal(raw.requests.length, 2, 'one request for both polls');
      assert.deepEqual(
        pager.events.map((e) => e.eventId),
        ['new', 'old'],
      );
    } finally {
      client.destroy();
      await raw.stop();
    }
  });

  it('loses no event when a poll fails half-way: the next poll adds them', async () => {
    const raw = await startRawEndpoint((req, i) => {
      if (i === 0) return { body: { Events: [event('e1', 400)], NextToken: 'older' } };
      if (i === 2) return { status: 500, body: { __type: 'InternalServiceException', message: 'boom' } };
      return req.body.NextToken === 'p2'
        ? { body: { Events: [event('e2', 300), event('e1', 400)], NextToken: 'older' } }
        : { body: { Events: [event('e4', 100), event('e3', 200)], NextToken: 'p2' } };
    });
    const client = buildClient('gamelift', { region: 'us-west-2', endpoint: raw.url }, { credentials, maxAttempts: 1 });
    try {
      const pager = new FleetEventPager(client, FLEET, {}, 2);
      await pager.loadNextPage();
      await assert.rejects(pager.loadNewest());
      assert.deepEqual(
        pager.events.map((e) => e.eventId),
        ['e1'],
      );
      const { added } = await pager.loadNewest();
      assert.deepEqual(
        added.map((e) => e.eventId),
        ['e4', 'e3', 'e2'],
      );
      assert.deepEqual(
        pager.events.map((e) => e.eventId),
        ['e4', 'e3', 'e2', 'e1'],
      );
    } finally {
      client.destroy();
      await raw.stop();
    }
  });

  it('is not loading from the moment abortInFlight is called', async () => {
    const raw = await startRawEndpoint(() => ({ body: { Events: [event('e1', 1)] }, delayMs: 2_000 }));
    const client = buildClient('gamelift', { region: 'us-west-2', endpoint: raw.url }, { credentials });
    try {
      const pager = new FleetEventPager(client, FLEET, {}, 2);
      const load = pager.loadNextPage().catch((e: unknown) => e);
      assert.equal(pager.isLoading, true);
      pager.abortInFlight();
      assert.equal(pager.isLoading, false);
      assert.equal(((await load) as { name?: string }).name, 'AbortError');
    } finally {
      client.destroy();
      await raw.stop();
    }
  });
});
