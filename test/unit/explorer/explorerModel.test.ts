// The explorer's model (connections, fleet state, paging, cancel, errors) through the real
// SDK against the local endpoint — the same client factory the extension uses, minus vscode.
import * as assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/explorer/model/explorerModel';
import { SHOW_CHUNK } from '../../../src/explorer/model/fleetState';
import { createClientFactory, type ClientFactory } from '../../../src/gamelift/clientFactory';
import type { ConnectionTarget } from '../../../src/gamelift/types';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('explorer: model against the local endpoint', () => {
  let emulator: RunningEmulator;
  let clients: ClientFactory;
  let model: ExplorerModel;
  let target: ConnectionTarget;

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    target = { profile: DEFAULT_TEST_ACCOUNT.profile, region: 'us-west-2', endpoint: emulator.url };
  });

  beforeEach(() => {
    emulator.setFaults({ rules: [] });
    emulator.resetRequests();
    clients = createClientFactory({
      credentials: testCredentials(),
      maxAttempts: 2,
    });
    model = new ExplorerModel(clients, {
      pageSize: 10,
      defaultWindow: () => ({ preset: 'all' }),
      now: () => Date.now(),
    });
    model.setTargets([target]);
  });

  afterEach(() => {
    model.dispose();
    clients.forget();
  });

  after(async () => {
    await emulator.stop();
  });

  function bigFleetId(): string {
    return emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, 'us-west-2').find((f) => f.events.length > 1000)!
      .fleetId;
  }

  it("lists the connection's fleets once, sharing a load in flight", async () => {
    const connection = model.connection(target);
    await Promise.all([connection.ensureLoaded(), connection.ensureLoaded(), connection.load()]);
    const expected = emulator.state
      .fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, 'us-west-2')
      .map((f) => f.fleetId)
      .sort();
    assert.deepEqual(connection.fleets?.map((f) => f.fleetId).sort(), expected);
    assert.equal(emulator.requests.filter((r) => r.operation === 'ListFleets').length, 1);
  });

  it('loads one page per "Load more", even when asked twice at once, without duplicates', async () => {
    const fleetId = bigFleetId();
    const state = model.fleet({ target, fleetId });
    await state.ensureStarted();
    assert.equal(state.events.length, 10);
    assert.equal(state.hasMore, true);
    const before = state.generation;
    await Promise.all([state.loadMore(), state.loadMore(), state.ensureStarted()]);
    assert.equal(state.events.length, 20);
    assert.equal(emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length, 2);
    assert.equal(new Set(state.events.map((e) => e.eventId)).size, 20);
    assert.ok(state.generation > before, 'the generation moves so groupings are recomputed');
    const groups = state.groups({});
    assert.equal(state.groups({}), groups, 'no filter: the incremental grouping of all events, unchanged');
    const active = { severities: ['info', 'warning', 'error'] as const };
    const filtered = state.groups({ ...active });
    assert.equal(state.groups({ ...active }) === filtered, false, 'a new filter object regroups');
    const filter = { ...active };
    assert.equal(state.groups(filter), state.groups(filter), 'same filter and events: cached');
    assert.equal(
      groups.reduce((n, g) => n + g.count, 0),
      20,
    );
  });

  it('cancel aborts the SDK call in flight (AbortSignal), and is not reported as an error', async () => {
    const fleetId = bigFleetId();
    emulator.setFaults({ rules: [{ kind: 'latency', ms: 5_000, operations: ['DescribeFleetEvents'] }] });
    const state = model.fleet({ target, fleetId });
    const load = state.loadMore();
    await new Promise((r) => setTimeout(r, 200)); // let the request leave
    state.cancel();
    await load;
    for (let i = 0; i < 100 && state.isLoading; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(
      (state.lastPagerError as { name?: string } | undefined)?.name,
      'AbortError',
      'the SDK call itself was aborted',
    );
    assert.equal(state.error, undefined);
    assert.equal(state.events.length, 0);
  });

  it('classifies failures with context and recovers on retry', async () => {
    const fleetId = bigFleetId();
    emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'] }] });
    const state = model.fleet({ target, fleetId });
    await state.ensureStarted();
    assert.equal(state.error?.kind, 'internal');
    assert.match(state.error.message, new RegExp(`Fetching events for ${fleetId}`));
    assert.equal(state.error.retryable, true);
    emulator.setFaults({ rules: [] });
    await state.loadMore();
    assert.equal(state.error, undefined);
    assert.equal(state.events.length, 10);
  });

  it('groups pages as they arrive and caps what a category shows, extendable to reach any event', async () => {
    const state = model.fleet({ target, fleetId: bigFleetId() });
    await state.ensureStarted();
    await state.loadMore();
    await state.loadMore();
    assert.equal(state.events.length, 30);
    const groups = state.groups(model.filter);
    assert.equal(
      groups.reduce((n, g) => n + g.count, 0),
      30,
      'every loaded event is counted once',
    );
    const ids = new Set(groups.flatMap((g) => g.events.slice(0, g.count).map((v) => v.event.eventId)));
    assert.deepEqual([...ids].sort(), state.events.map((e) => e.eventId).sort());
    const id = groups[0].id;
    assert.equal(state.shownCount(id), SHOW_CHUNK);
    state.showMore(id);
    assert.equal(state.shownCount(id), 2 * SHOW_CHUNK);
    state.showAtLeast(id, 5 * SHOW_CHUNK + 1);
    assert.equal(state.shownCount(id), 6 * SHOW_CHUNK);
    state.showAtLeast(id, 3);
    assert.equal(state.shownCount(id), 6 * SHOW_CHUNK, 'never shrinks');
    state.reset();
    assert.equal(state.shownCount(id), SHOW_CHUNK);
    assert.deepEqual(state.groups(model.filter), []);
  });

  it('a poll adds only new events, keeping pages loaded with Load more and the Load-more position', async () => {
    const fleetId = bigFleetId();
    const state = model.fleet({ target, fleetId });
    await state.ensureStarted();
    await state.loadMore();
    await state.loadMore();
    const before = state.events.map((e) => e.eventId);
    assert.equal(before.length, 30);
    const groupedBefore = state.groups(model.filter).reduce((n, g) => n + g.count, 0);
    assert.equal(groupedBefore, 30);
    const added = emulator.state.addEvent(fleetId, { eventCode: 'SERVER_PROCESS_CRASHED' });
    emulator.resetRequests();
    const polled = await state.poll();
    assert.deepEqual(
      polled.map((e) => e.eventId),
      [added.eventId],
      'the poll resolves to what it added',
    );
    assert.equal(state.error, undefined);
    const after = state.events.map((e) => e.eventId);
    assert.equal(after.length, 31);
    assert.equal(new Set(after).size, 31, 'each event exactly once');
    assert.equal(after[0], added.eventId, 'the new event is the newest');
    for (const id of before) assert.ok(after.includes(id), `kept ${id}`);
    assert.equal(
      emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length,
      1,
      'stopped at the page with known events',
    );
    assert.equal(
      state.groups(model.filter).reduce((n, g) => n + g.count, 0),
      31,
      'the categories count the new event',
    );
    // "Load more" continues where it was: the next ten events, none twice.
    assert.equal(state.hasMore, true);
    await state.loadMore();
    const endpointOrder = emulator.state
      .fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, 'us-west-2')
      .find((f) => f.fleetId === fleetId)!
      .events.map((e) => e.eventId);
    assert.deepEqual(
      state.events.map((e) => e.eventId),
      endpointOrder.slice(0, 41),
    );
  });

  it('pins fleets from other connections and drops pins when the connections change', () => {
    const elsewhere = { target: { ...target, region: 'eu-west-1' }, fleetId: 'fleet-123' };
    model.pin(elsewhere);
    assert.deepEqual(model.extraTargets(), [elsewhere.target]);
    assert.deepEqual(
      model.fleetsOf(elsewhere.target)?.map((f) => f.fleetId),
      ['fleet-123'],
    );
    model.setTargets([target]);
    assert.deepEqual(model.extraTargets(), []);
  });

  it('puts a fresh copy of a loaded event in its place, regroups, keeps Load more, and tells who listens', async () => {
    const changes: { fleetId: string; replaced?: string }[] = [];
    model.options.onFleetChanged = (ref, replaced) =>
      changes.push({ fleetId: ref.fleetId, ...(replaced ? { replaced: replaced.preSignedLogUrl } : {}) });
    const ref = { target, fleetId: bigFleetId() };
    const state = model.fleet(ref);
    await state.loadMore();
    await state.loadMore();
    assert.ok(changes.length >= 2, 'each settled load is announced');
    const before = state.events;
    const old = before[13];
    const fresh = { ...old, preSignedLogUrl: 'https://example.s3.amazonaws.com/fresh', fetchedAt: old.fetchedAt + 1 };
    assert.equal(state.replaceEvent(fresh), true);
    assert.equal(state.events.length, before.length);
    assert.equal(state.events[13], fresh, 'same place');
    assert.deepEqual(
      state.events.map((e) => e.eventId),
      before.map((e) => e.eventId),
    );
    const grouped = state.groups({}).flatMap((g) => g.events.map((v) => v.event));
    assert.ok(grouped.includes(fresh) && !grouped.includes(old), 'the tree groups the fresh copy');
    assert.deepEqual(changes.at(-1), { fleetId: ref.fleetId, replaced: fresh.preSignedLogUrl });
    assert.equal(state.hasMore, true);
    await state.loadMore();
    assert.equal(state.events.length, before.length + 10, 'Load more goes on from where it was');
    assert.equal(state.replaceEvent({ ...fresh, eventId: 'not-loaded' }), false);
  });
});
