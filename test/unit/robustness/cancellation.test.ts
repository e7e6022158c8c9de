// Cancelling a fetch (what "Fetch fleet events" does on Cancel: abort + FleetState.cancel())
// stops sending requests at once and leaves the fleet's state consistent: loaded events are
// a duplicate-free prefix of the endpoint's list, nothing is loading, and the next load
// continues where the last one stopped, so in the end every event is shown exactly once.
import * as assert from 'node:assert/strict';
import { createClientFactory, type ClientFactory } from '../../../src/gamelift/clientFactory';
import { classifyError } from '../../../src/gamelift/errors';
import { fetchEvents } from '../../../src/gamelift/eventPager';
import type { ConnectionTarget } from '../../../src/gamelift/types';
import { ExplorerModel } from '../../../src/explorer/model/explorerModel';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

const FLEET = 'fleet-cccccccc-0000-4000-8000-000000000001';
const LATENCY_MS = 150;

describe('Cancelling a fetch of fleet events', function () {
  this.timeout(20_000);
  let emulator: RunningEmulator;
  let clients: ClientFactory;
  let model: ExplorerModel;
  let target: ConnectionTarget;

  before(async () => {
    emulator = await startEmulator({
      port: 0,
      scenario: {
        accounts: [
          {
            profile: DEFAULT_TEST_ACCOUNT.profile,
            regions: {
              'us-west-2': [{ fleetId: FLEET, name: 'cancel-me', status: 'ACTIVE', generate: { count: 500, seed: 3 } }],
            },
          },
        ],
      },
      faults: { latencyMs: LATENCY_MS },
    });
    target = { profile: DEFAULT_TEST_ACCOUNT.profile, region: 'us-west-2', endpoint: emulator.url };
    clients = createClientFactory({
      credentials: testCredentials(),
    });
    model = new ExplorerModel(clients, { pageSize: 50, defaultWindow: () => ({}), now: () => Date.now() });
  });
  after(async () => {
    model.dispose();
    clients.forget();
    await emulator.stop();
  });

  it('sends no request after Cancel, keeps a consistent prefix, and resumes exactly once', async () => {
    const state = model.fleet({ target, fleetId: FLEET });
    const abort = new AbortController();
    // The command's loop: load pages until cancelled.
    const loop = (async () => {
      while (!abort.signal.aborted && state.hasMore && !state.error) await state.loadMore();
    })();
    // Cancel in the middle of the third page.
    while (emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length < 2)
      await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, LATENCY_MS / 2));
    abort.abort();
    state.cancel();
    await loop;
    // The endpoint records a request when it answers: the third page is still on its way.
    assert.equal(
      emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length,
      2,
      'the loop returned without waiting for the page in flight',
    );
    assert.equal(state.isLoading, false, 'the tree shows no "Loading…" after Cancel');
    assert.equal(state.error, undefined, 'Cancel is not an error');

    // Let the request that was in flight arrive; no further request may follow it.
    await new Promise((r) => setTimeout(r, LATENCY_MS * 3));
    const sent = emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length;
    assert.equal(sent, 3, 'two pages done, the third in flight when cancelled, none after');

    const expected = emulator.state.events(FLEET).map((e) => e.eventId);
    const ids = state.events.map((e) => e.eventId);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(ids, expected.slice(0, ids.length), "a prefix of the endpoint's events, newest first");
    assert.ok(ids.length === 100 || ids.length === 150, `whole pages only (${ids.length})`);

    // Fetching again continues from there, and ends with every event exactly once.
    while (state.hasMore && !state.error) await state.loadMore();
    assert.equal(state.error, undefined);
    assert.deepEqual(
      state.events.map((e) => e.eventId),
      expected,
    );
  });

  it('cancelling the one-shot fetch stops between pages with an AbortError', async () => {
    emulator.resetRequests();
    const abort = new AbortController();
    let pages = 0;
    const run = fetchEvents(
      clients.clientFor('gamelift', target),
      FLEET,
      {},
      { pageSize: 50, signal: abort.signal, onPage: () => (++pages === 2 ? abort.abort() : undefined) },
    );
    await assert.rejects(run, (err: unknown) => classifyError(err).kind === 'cancelled');
    await new Promise((r) => setTimeout(r, LATENCY_MS * 2));
    assert.equal(
      emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length,
      2,
      'no request after the cancel',
    );
  });
});
