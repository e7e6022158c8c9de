// A fleet's Changes through the real CloudTrail SDK client against the local endpoint: the write
// calls of the fleet's story (who · what · when, the failed one with its error code), one shared
// window per connection (a second fleet costs no more calls while the pages suffice), the missing
// cloudtrail:LookupEvents permission as an error naming it, and Refresh starting over.
import * as assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/explorer/model/explorerModel';
import { createClientFactory, type ClientFactory } from '../../../src/gamelift/clientFactory';
import type { ConnectionTarget, FleetRef } from '../../../src/gamelift/types';
import { LookupHistories } from '../../../src/history';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('explorer: a fleet’s Changes from CloudTrail (real SDK, local endpoint)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let clients: ClientFactory;
  let model: ExplorerModel;
  let target: ConnectionTarget;
  let updates: string[];

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    target = { profile: DEFAULT_TEST_ACCOUNT.profile, region: 'us-west-2', endpoint: emulator.url };
  });
  beforeEach(() => {
    emulator.setFaults({ rules: [] });
    emulator.resetRequests();
    clients = createClientFactory({ credentials: testCredentials(), maxAttempts: 2 });
    model = new ExplorerModel(clients, {
      pageSize: 10,
      defaultWindow: () => ({ preset: 'all' }),
      now: () => emulator.now(),
      lookups: new LookupHistories(clients),
    });
    model.setTargets([target]);
    updates = [];
    model.onChangesUpdated = (state) => updates.push(state.ref.fleetId);
  });
  afterEach(() => {
    model.dispose();
    clients.forget();
  });
  after(() => emulator.stop());

  const lookups = () => emulator.requests.filter((r) => r.operation === 'LookupEvents');

  /** The fleet's write calls as the endpoint's trail holds them, newest first, as "who · what · error". */
  function expectedChanges(fleetId: string): string[] {
    const fleet = emulator.state.getFleet(fleetId)!;
    const expected = emulator.trail
      .events(fleet.accountId, fleet.region)
      .filter((e) => e.eventSource === 'gamelift.amazonaws.com' && !e.readOnly)
      .filter((e) => e.resources.some((r) => r.ResourceName === fleetId))
      .map((e) => `${e.username} · ${e.eventName} · ${(JSON.parse(e.text) as { errorCode?: string }).errorCode ?? ''}`);
    assert.ok(expected.length >= 3, `the story of ${fleetId} has write calls`);
    return expected;
  }

  it("lists the fleet's write calls, newest first, with who, what, when and the failed call's code", async () => {
    const ref: FleetRef = { target, fleetId: DEFAULT_FLEETS.busy };
    const state = model.changes(ref);
    assert.equal(state.hasStarted, false, 'nothing is read before the row is expanded');
    await state.ensureStarted();
    await state.loadMore(); // joins the batch in flight
    assert.equal(state.error, undefined);
    const got = state.changes.map((c) => `${c.who} · ${c.eventName} · ${c.errorCode ?? ''}`);
    assert.deepEqual(got, expectedChanges(DEFAULT_FLEETS.busy));
    const failed = state.changes.find((c) => c.errorCode);
    assert.equal(failed?.errorCode, 'LimitExceededException');
    assert.match(failed?.errorMessage ?? '', /exceeds the instance limit/);
    for (let i = 1; i < state.changes.length; i++) assert.ok(state.changes[i - 1].time >= state.changes[i].time);
    assert.ok(JSON.parse(state.changes[0].text).eventID, 'each change carries its whole record');
    assert.ok(updates.includes(DEFAULT_FLEETS.busy), 'the tree hears of each page');
    assert.ok(lookups().length >= 1);
  });

  it('shares the pages of a connection: a second fleet costs no calls the first one made', async () => {
    const first = model.changes({ target, fleetId: DEFAULT_FLEETS.busy });
    await first.ensureStarted();
    while (!first.complete) await first.loadMore();
    const callsAfterFirst = lookups().length;
    const second = model.changes({ target, fleetId: DEFAULT_FLEETS.spot });
    await second.ensureStarted();
    await second.loadMore();
    assert.equal(lookups().length, callsAfterFirst, 'no new LookupEvents call');
    assert.deepEqual(
      second.changes.map((c) => `${c.who} · ${c.eventName} · ${c.errorCode ?? ''}`),
      expectedChanges(DEFAULT_FLEETS.spot),
    );
  });

  it('says which permission is missing when LookupEvents is denied, and Retry reads again', async () => {
    emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['LookupEvents'] }] });
    const state = model.changes({ target, fleetId: DEFAULT_FLEETS.busy });
    await state.ensureStarted();
    await state.loadMore();
    assert.equal(state.error?.kind, 'unauthorized');
    assert.match(state.error?.message ?? '', /cloudtrail:LookupEvents/);
    assert.equal(state.changes.length, 0);
    assert.equal(state.isLoading, false);
    // GameLift itself still answers: the rest of the tree is not affected.
    const fleet = model.fleet({ target, fleetId: DEFAULT_FLEETS.busy });
    await fleet.ensureStarted();
    assert.equal(fleet.error, undefined);
    assert.ok(fleet.events.length > 0);
    emulator.setFaults({ rules: [] });
    await state.loadMore();
    assert.equal(state.error, undefined);
    assert.ok(state.changes.length > 0);
  });

  it('Refresh forgets the window and what was read; a load in flight ends quietly', async () => {
    emulator.setFaults({ rules: [{ kind: 'latency', ms: 400, operations: ['LookupEvents'] }] });
    const state = model.changes({ target, fleetId: DEFAULT_FLEETS.busy });
    const first = state.ensureStarted();
    model.resetAll();
    await first;
    assert.equal(state.hasStarted, false);
    assert.equal(state.error, undefined, 'a reset is not an error');
    assert.deepEqual(state.changes, []);
    emulator.setFaults({ rules: [] });
    await state.ensureStarted();
    await state.loadMore();
    assert.ok(state.changes.length > 0);
  });
});
