// Robustness inside a real VS Code: the explorer under faults from its own local endpoint
// (a representative part of the fault matrix in test/unit/robustness): an error node with a
// clear message and Retry, the fault cleared, Retry and Load more until done, and then the
// tree shows every event the endpoint holds exactly once. Also: cancelling "Fetch fleet
// events" from its progress notification stops requests promptly and leaves the tree consistent.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startEmulator, type FaultRule, type RunningEmulator, type Scenario } from '../emulator/server';
import { DEFAULT_TEST_ACCOUNT } from '../emulator/credentials';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { FetchResult } from '../../src/explorer/commands/fetchFleetEvents';
import {
  ScriptedPrompts,
  childrenOf,
  contextValue,
  explorerHooks,
  label,
  setSetting,
  snapshotSettings,
  waitFor,
} from './explorerSupport';

const REGION = 'us-west-2';
const BIG = 'fleet-0b0b0b0b-1111-4222-8333-000000000350';
const SMALL = ['fleet-0b0b0b0b-1111-4222-8333-000000000001', 'fleet-0b0b0b0b-1111-4222-8333-000000000002'];

const SCENARIO: Scenario = {
  description: 'robustness.test.ts: one fleet with 350 events (4 pages) and two small ones',
  accounts: [
    {
      profile: DEFAULT_TEST_ACCOUNT.profile,
      regions: {
        [REGION]: [
          {
            fleetId: BIG,
            name: 'robust-big',
            status: 'ACTIVE',
            createdMinutesAgo: 60 * 24 * 30,
            generate: { count: 350, seed: 35, spanMinutes: 60 * 24 * 20 },
          },
          ...SMALL.map((fleetId, i) => ({
            fleetId,
            name: `robust-small-${i}`,
            status: 'ACTIVE',
            createdMinutesAgo: 60 * 24,
            story: 'activated' as const,
          })),
        ],
      },
    },
  ],
};

interface RefHolder {
  ref: { target: { profile?: string; region: string; endpoint?: string }; fleetId: string };
}

describe('Robustness in real VS Code (faults, Retry, cancellation)', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;

  async function fleetNode(fleetId: string): Promise<ExplorerNode> {
    return waitFor(`fleet ${fleetId} in the tree`, async () =>
      (await childrenOf(hooks)).find((n) => (n as unknown as Partial<RefHolder>).ref?.fleetId === fleetId),
    );
  }

  /** Event IDs as the tree shows them: every event node under every category of the fleet. */
  async function shownEventIds(node: ExplorerNode): Promise<string[]> {
    const categories = (await childrenOf(hooks, node)).filter((c) => contextValue(c) === 'eventCategory');
    const events = (await Promise.all(categories.map((c) => childrenOf(hooks, c)))).flat();
    return events.map((e) => (e as unknown as { event: { eventId: string } }).event.eventId);
  }

  /** Clicks "Load more…" until the fleet has no more pages (or shows an error). */
  async function loadAll(node: ExplorerNode): Promise<ExplorerNode[]> {
    for (let i = 0; i < 50; i++) {
      const children = await childrenOf(hooks, node);
      const more = children.find((c) => contextValue(c) === 'loadMore');
      if (!more) return children;
      await vscode.commands.executeCommand('gamelift.explorer.loadMore', more);
    }
    throw new Error('Load more never ended');
  }

  function assertExactlyOnce(ids: readonly string[], fleetId: string): void {
    const expected = emulator.state.events(fleetId).map((e) => e.eventId);
    assert.strictEqual(
      new Set(ids).size,
      ids.length,
      `no event shown twice (${ids.length - new Set(ids).size} duplicates)`,
    );
    assert.deepStrictEqual([...ids].sort(), [...expected].sort(), 'every event the endpoint holds, and nothing else');
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: SCENARIO });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('events.pageSize', 100);
    await setSetting('events.defaultTimeRange', 'all');
    await setSetting('profile', DEFAULT_TEST_ACCOUNT.profile);
    await setSetting('regions', [REGION]);
    await setSetting('endpoint', emulator.url);
    await fleetNode(BIG);
  });

  after(async () => {
    emulator?.setFaults({ rules: [] });
    if (hooks) hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
    await restoreSettings?.();
    await emulator?.stop();
  });

  afterEach(() => emulator.setFaults({ rules: [] }));

  const eventFaults: Array<{ name: string; rules: FaultRule[]; says: RegExp }> = [
    {
      name: 'a malformed JSON body',
      rules: [{ kind: 'malformedJson', operations: ['DescribeFleetEvents'] }],
      says: /sent a response that could not be read/,
    },
    {
      name: 'a body without Events',
      rules: [{ kind: 'wrongShape', shape: 'missingList', operations: ['DescribeFleetEvents'] }],
      says: /no Events list/,
    },
    {
      name: 'EventTime as a string',
      rules: [{ kind: 'wrongShape', shape: 'timeAsString', operations: ['DescribeFleetEvents'] }],
      says: /could not be read/,
    },
    {
      name: 'throttling forever',
      rules: [{ kind: 'throttle', operations: ['DescribeFleetEvents'] }],
      says: /limiting requests.*after 5 attempts.*retry/i,
    },
    {
      name: 'NotFoundException (fleet deleted between pages)',
      rules: [{ kind: 'notFound', operations: ['DescribeFleetEvents'] }],
      says: /not found.*may have been deleted/,
    },
  ];

  for (const fault of eventFaults) {
    it(`DescribeFleetEvents, ${fault.name} on page 2: error node with Retry, then every event exactly once`, async () => {
      const node = await fleetNode(BIG);
      hooks.explorer.refreshFleet((node as unknown as RefHolder).ref);
      let children = await childrenOf(hooks, node);
      const more = children.find((c) => contextValue(c) === 'loadMore');
      assert.ok(more, `page 1 loaded with a Load more node (got ${children.map(label).join(' | ')})`);
      const page1 = await shownEventIds(node);
      assert.strictEqual(page1.length, 100);

      emulator.setFaults({ rules: fault.rules });
      await vscode.commands.executeCommand('gamelift.explorer.loadMore', more);
      children = await childrenOf(hooks, node);
      const error = children.find((c) => contextValue(c) === 'error');
      assert.ok(error, `an error node (got ${children.map(label).join(' | ')})`);
      assert.match(label(error), new RegExp(`^Fetching events for ${BIG}: `));
      assert.match(label(error), fault.says);
      assert.strictEqual(error.getTreeItem().command?.command, 'gamelift.explorer.retry');
      assert.ok(!children.some((c) => contextValue(c) === 'loadMore'), 'no Load more next to the error');
      assert.deepStrictEqual(await shownEventIds(node), page1, 'page 1 stays shown, unchanged');

      emulator.setFaults({ rules: [] });
      await vscode.commands.executeCommand('gamelift.explorer.retry', error);
      const last = await loadAll(node);
      assert.ok(!last.some((c) => contextValue(c) === 'error'), 'no error left');
      assertExactlyOnce(await shownEventIds(node), BIG);
    });
  }

  it('ListFleets, a malformed body: error node at the root with Retry, then every fleet exactly once', async () => {
    emulator.setFaults({ rules: [{ kind: 'malformedJson', operations: ['ListFleets'] }] });
    await vscode.commands.executeCommand('gamelift.refresh');
    const error = await waitFor('a root error node', async () =>
      (await childrenOf(hooks)).find((n) => contextValue(n) === 'error'),
    );
    assert.match(label(error), /^Listing fleets in us-west-2: .*could not be read/);
    assert.strictEqual(error.getTreeItem().command?.command, 'gamelift.explorer.retry');

    emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand('gamelift.explorer.retry', error);
    const want = emulator.state
      .fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION)
      .map((f) => f.fleetId)
      .sort();
    const roots = await waitFor('the fleets after Retry', async () => {
      const nodes = await childrenOf(hooks);
      return nodes.length === want.length && nodes.every((n) => contextValue(n)?.startsWith('fleet'))
        ? nodes
        : undefined;
    });
    assert.deepStrictEqual(roots.map((n) => (n as unknown as RefHolder).ref.fleetId).sort(), want);
  });

  it('Cancel on the "Fetch fleet events" progress stops requests promptly and leaves the tree consistent', async () => {
    const latencyMs = 400;
    const node = await fleetNode(BIG);
    hooks.explorer.refreshFleet((node as unknown as RefHolder).ref);
    await vscode.commands.executeCommand('notifications.clearAll');
    emulator.setFaults({ latencyMs });
    emulator.resetRequests();
    hooks.prompts.current = new ScriptedPrompts({
      pick: { timeRange: (items) => items.find((i) => i.label === 'All events') },
      input: { 'fetch.limit': '' },
      message: [{ match: /fetched/, answer: undefined }],
    });
    const describes = () => emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length;
    let result: FetchResult | undefined;
    const run = Promise.resolve(
      vscode.commands.executeCommand<FetchResult>('gamelift.fetchFleetEvents', {
        fleetId: BIG,
        target: { profile: DEFAULT_TEST_ACCOUNT.profile, region: REGION, endpoint: emulator.url },
      }),
    ).then((r) => (result = r));
    // Page 1 answered, page 2 on its way: press the notification's Cancel (its primary action).
    await waitFor('page 1', () => (describes() >= 1 ? true : undefined));
    const answeredBeforeCancel = describes();
    for (let i = 0; i < 200 && !result; i++) {
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
      await new Promise((r) => setTimeout(r, 50));
    }
    await run;
    assert.ok(result, 'the command finished');
    assert.strictEqual(result.cancelled, true, `cancelled (got ${JSON.stringify(result)})`);

    // At most the request in flight completes; nothing is sent after it.
    await new Promise((r) => setTimeout(r, 3 * latencyMs));
    const sent = describes();
    await new Promise((r) => setTimeout(r, 3 * latencyMs));
    assert.strictEqual(describes(), sent, 'no requests after Cancel');
    assert.ok(
      sent <= answeredBeforeCancel + 2,
      `stopped within a page of Cancel (${answeredBeforeCancel} answered before, ${sent} in all)`,
    );

    const state = hooks.explorer.model.findFleet((node as unknown as RefHolder).ref)!;
    assert.strictEqual(state.isLoading, false, 'nothing left loading');
    assert.strictEqual(state.error, undefined, 'Cancel is not an error');
    const children = await childrenOf(hooks, node);
    assert.ok(
      !children.some((c) => contextValue(c) === 'error' || /Loading/.test(label(c))),
      `a settled tree (got ${children.map(label).join(' | ')})`,
    );
    assert.ok(
      children.some((c) => contextValue(c) === 'loadMore'),
      'Load more offers the rest',
    );
    const shown = await shownEventIds(node);
    assert.strictEqual(new Set(shown).size, shown.length, 'no duplicates');
    assert.strictEqual(shown.length, state.events.length, 'the tree shows what was loaded');
    assert.deepStrictEqual(
      state.events.map((e) => e.eventId),
      emulator.state
        .events(BIG)
        .slice(0, state.events.length)
        .map((e) => e.eventId),
      'a newest-first prefix',
    );

    emulator.setFaults({ rules: [] });
    await loadAll(node);
    assertExactlyOnce(await shownEventIds(node), BIG);
  });
});
