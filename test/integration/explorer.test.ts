// The fleet explorer inside a real VS Code, against its own local GameLift endpoint: the
// tree for the default scenario, Load more, the filter, profile/region switches, an error
// node with Retry, and "Fetch fleet events" with a pasted ARN.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { TEST_ACCOUNTS } from '../emulator/credentials';
import { DEFAULT_FLEETS } from '../emulator/fixtures';
import { EVENT_CATEGORIES, lookupEventCode, titleForCode } from '../../src/gamelift/eventCatalog';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { FetchResult } from '../../src/explorer/commands/fetchFleetEvents';
import { fleetStatusLabel } from '../../src/explorer/model/fleetStatus';
import type { FleetRef } from '../../src/gamelift/types';
import { presetWindow } from '../../src/gamelift/timeRange';
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

const DEV = TEST_ACCOUNTS.find((a) => a.profile === 'local-dev')!;
const QA = TEST_ACCOUNTS.find((a) => a.profile === 'local-qa')!;

describe('Fleet explorer (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;

  /** Waits until the roots are fleet nodes of exactly these IDs (settings changes are asynchronous). */
  async function rootsAreFleets(ids: readonly string[]): Promise<ExplorerNode[]> {
    const want = [...ids].sort().join(',');
    return waitFor(`root fleets ${want}`, async () => {
      const roots = await childrenOf(hooks);
      const got = roots
        .filter((n) => contextValue(n)?.startsWith('fleet'))
        .map((n) => (n as unknown as { ref: { fleetId: string } }).ref.fleetId);
      return got.length === roots.length && got.sort().join(',') === want ? roots : undefined;
    });
  }

  function fleetIdsOf(accountId: string, region: string): string[] {
    return emulator.state.fleetsOf(accountId, region).map((f) => f.fleetId);
  }

  async function fleetNode(fleetId: string): Promise<ExplorerNode> {
    const roots = await childrenOf(hooks);
    const node = roots.find((n) => (n as unknown as { ref?: { fleetId: string } }).ref?.fleetId === fleetId);
    assert.ok(node, `fleet ${fleetId} is a root`);
    return node;
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('events.pageSize', 100);
    await setSetting('events.defaultTimeRange', 'all');
    await setSetting('profile', 'local-dev');
    await setSetting('regions', ['us-west-2']);
    await setSetting('endpoint', emulator.url);
  });

  after(async () => {
    hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
    hooks.explorer.setFilter({});
    await restoreSettings?.();
    await emulator?.stop();
  });

  it('lists the fleets of the profile and region, with status, icon and tooltip', async () => {
    const expected = fleetIdsOf(DEV.accountId, 'us-west-2');
    assert.ok(expected.length >= 5, 'scenario has fleets in us-west-2');
    const roots = await rootsAreFleets(expected);
    // The rows' active/desired counts come from one capacity read after the listing.
    await hooks.explorer.model.connection(hooks.explorer.model.targets[0]).capacityLoad;
    for (const node of roots) {
      const fleetId = (node as unknown as { ref: { fleetId: string } }).ref.fleetId;
      const record = emulator.state.getFleet(fleetId)!;
      const item = node.getTreeItem();
      if (record.name) assert.strictEqual(label(node), record.name);
      else assert.ok(label(node).length > 0, `${fleetId} has a label`);
      // Status first, then active/desired instances (none for Anywhere fleets): the default time
      // range is not repeated, the ID is in the tooltip.
      const { ACTIVE, DESIRED } = record.capacity;
      const counts = record.kind === 'anywhere' || ACTIVE + DESIRED === 0 ? '' : ` · ${ACTIVE}/${DESIRED}`;
      assert.strictEqual(item.description, `${fleetStatusLabel(record.status)}${counts}`, `${fleetId} description`);
      assert.ok(String(item.tooltip).includes(fleetId));
      assert.ok(String(item.tooltip).includes(`Status: ${record.status}`));
      assert.ok(
        String(item.tooltip).includes('Events: all events'),
        'the time range (the default here) is in the tooltip',
      );
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      const transitional = [
        'NEW',
        'DOWNLOADING',
        'VALIDATING',
        'BUILDING',
        'ACTIVATING',
        'DELETING',
        'PENDING',
        'CREATING',
        'UPDATING',
      ].includes(record.status);
      const container = record.kind === 'container' ? ':container' : '';
      assert.strictEqual(item.contextValue, `fleet${transitional ? ':transitional' : ''}${container}`);
    }
    const container = roots.find((n) =>
      (n as unknown as { ref: { fleetId: string } }).ref.fleetId.startsWith('containerfleet-'),
    );
    assert.ok(container, 'container fleets are listed too');
  });

  it("groups a fleet's events into categories with counts, like the endpoint holds them", async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const node = await fleetNode(fleet.fleetId);
    const children = await childrenOf(hooks, node);
    const categories = children.filter((c) => contextValue(c) === 'eventCategory');
    // Expected from the endpoint's own state: counts per category in catalog order.
    const expected = EVENT_CATEGORIES.map((c) => ({
      label: c.label,
      events: fleet.events.filter((e) => lookupEventCode(e.eventCode).category === c.id),
    })).filter((c) => c.events.length > 0);
    assert.ok(fleet.events.length > 0 && fleet.events.length < 100, 'fits in one page');
    assert.deepStrictEqual(
      categories.map((c) => [label(c), c.getTreeItem().description]),
      expected.map((c) => [c.label, String(c.events.length)]),
    );
    assert.ok(!children.some((c) => contextValue(c) === 'loadMore'), 'no Load more when everything is loaded');
    for (const [i, category] of categories.entries()) {
      const events = await childrenOf(hooks, category);
      assert.deepStrictEqual(
        events.map((e) => (e as unknown as { event: { eventId: string } }).event.eventId),
        expected[i].events.map((e) => e.eventId),
        `${label(category)} lists its events newest first`,
      );
      for (const [j, eventNode] of events.entries()) {
        const item = eventNode.getTreeItem();
        assert.strictEqual(item.label, titleForCode(expected[i].events[j].eventCode));
        assert.strictEqual(item.command?.command, 'gamelift.showEventDetails');
        const arg = item.command?.arguments?.[0] as { ref: { fleetId: string }; event: { eventId: string } };
        assert.strictEqual(arg.ref.fleetId, fleet.fleetId);
        assert.strictEqual(arg.event.eventId, expected[i].events[j].eventId);
        assert.strictEqual(item.tooltip, undefined, 'tooltips are resolved on hover, not built per node');
        const tooltip = hooks.explorer.provider.resolveTreeItem(item, eventNode).tooltip;
        assert.strictEqual(typeof tooltip, 'string', 'a plain-text tooltip (not markdown)');
        assert.ok(String(tooltip).includes(expected[i].events[j].message), 'message in the tooltip');
        assert.match(String(item.contextValue), /^event(:log)?$/);
      }
    }
    // The details panel sees the same events through the explorer API.
    assert.strictEqual(
      hooks.explorer.model.findFleet({
        target: (node as unknown as { ref: { target: never } }).ref.target,
        fleetId: fleet.fleetId,
      })?.events.length,
      fleet.events.length,
    );
  });

  it('shows event times in UTC or local time, by setting', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const firstEvent = async () => {
      const node = await fleetNode(fleet.fleetId);
      const category = (await childrenOf(hooks, node)).find((c) => contextValue(c) === 'eventCategory')!;
      return (await childrenOf(hooks, category))[0];
    };
    try {
      await setSetting('events.timeZone', 'utc');
      await waitFor('UTC setting applied', () => (hooks.explorer.settings.timeZone === 'utc' ? true : undefined));
      const utc = await firstEvent();
      const time = (utc as unknown as { event: { eventTime: number } }).event.eventTime;
      assert.strictEqual(
        utc.getTreeItem().description,
        `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`,
      );
      await setSetting('events.timeZone', 'local');
      await waitFor('local setting applied', () => (hooks.explorer.settings.timeZone === 'local' ? true : undefined));
      const local = await firstEvent();
      const d = new Date(time);
      const pad = (n: number) => String(n).padStart(2, '0');
      assert.strictEqual(
        local.getTreeItem().description,
        `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
      );
      assert.match(String(local.getTreeItem().accessibilityInformation?.label), /, (error|warning|info), /);
    } finally {
      await setSetting('events.timeZone', undefined);
    }
  });

  it('keeps unknown event codes in "Other"', async () => {
    const withUnknown = emulator.state
      .fleetsOf(DEV.accountId, 'us-west-2')
      .find((f) => f.events.length < 100 && f.events.some((e) => !lookupEventCode(e.eventCode).known));
    if (!withUnknown) {
      // The unknown code may live on a big fleet; then check it through the catalog only.
      const anywhere = emulator.state
        .allFleets()
        .some((f) => f.events.some((e) => !lookupEventCode(e.eventCode).known));
      assert.ok(anywhere, 'the scenario has an unknown event code somewhere');
      return;
    }
    const node = await fleetNode(withUnknown.fleetId);
    const children = await childrenOf(hooks, node);
    const otherLabel = EVENT_CATEGORIES.find((c) => c.id === 'other')!.label;
    const other = children.find((c) => label(c) === otherLabel);
    assert.ok(other, `an "${otherLabel}" category (got ${children.map(label).join(' | ')})`);
    const events = await childrenOf(hooks, other);
    const unknown = withUnknown.events.filter((e) => !lookupEventCode(e.eventCode).known).map((e) => e.eventId);
    for (const id of unknown)
      assert.ok(events.some((e) => (e as unknown as { event: { eventId: string } }).event.eventId === id));
  });

  it('"Load more…" fetches the next page once, even when clicked twice', async () => {
    await setSetting('events.pageSize', 7);
    await waitFor('page size applied', () => (hooks.explorer.settings.pageSize === 7 ? true : undefined));
    const big = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.events.length > 1000)!;
    assert.ok(big, 'a fleet with thousands of events');
    const node = await fleetNode(big.fleetId);
    hooks.explorer.refreshFleet((node as unknown as { ref: never }).ref);
    const state = () => hooks.explorer.model.findFleet((node as unknown as { ref: never }).ref)!;
    let children = await childrenOf(hooks, node);
    const loaded = state().events.length;
    assert.strictEqual(loaded, 7, 'the first page has gamelift.events.pageSize events');
    const loadMore = children.find((c) => contextValue(c) === 'loadMore');
    assert.ok(loadMore, 'a Load more node');
    assert.strictEqual(children.filter((c) => contextValue(c) === 'loadMore').length, 1, 'exactly one Load more node');
    emulator.resetRequests();
    await Promise.all([
      vscode.commands.executeCommand('gamelift.explorer.loadMore', loadMore),
      vscode.commands.executeCommand('gamelift.explorer.loadMore', loadMore),
    ]);
    const calls = emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents');
    assert.strictEqual(calls.length, 1, 'one DescribeFleetEvents call for two clicks');
    const events = state().events;
    assert.strictEqual(events.length, loaded * 2, 'one more page');
    assert.strictEqual(new Set(events.map((e) => e.eventId)).size, events.length, 'no duplicate EventIds');
    assert.deepStrictEqual(
      events.map((e) => e.eventId),
      big.events.slice(0, events.length).map((e) => e.eventId),
      'newest first, as the endpoint holds them',
    );
    children = await childrenOf(hooks, node);
    const total = await Promise.all(
      children.filter((c) => contextValue(c) === 'eventCategory').map(async (c) => (await childrenOf(hooks, c)).length),
    );
    assert.strictEqual(
      total.reduce((a, b) => a + b, 0),
      events.length,
      'every loaded event is in one category',
    );
    await setSetting('events.pageSize', 100);
  });

  it('shows a category\'s newest 500 events, then "Show more…"; revealing an older event extends what is shown', async () => {
    await setSetting('events.pageSize', 1000);
    await waitFor('page size applied', () => (hooks.explorer.settings.pageSize === 1000 ? true : undefined));
    const big = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.events.length > 1000)!;
    const node = await fleetNode(big.fleetId);
    const ref = (node as unknown as { ref: { target: never; fleetId: string } }).ref;
    hooks.explorer.refreshFleet(ref);
    await childrenOf(hooks, node);
    const state = hooks.explorer.model.findFleet(ref)!;
    // Load until one category holds more than two chunks.
    const biggest = () => state.groups(hooks.explorer.model.filter).reduce((a, b) => (b.count > a.count ? b : a));
    while (biggest().count <= 1000 && state.hasMore) await state.loadMore();
    const group = biggest();
    assert.ok(group.count > 1000, `a category with more than 1000 events (${group.count})`);
    const category = (await childrenOf(hooks, node)).find(
      (c) => contextValue(c) === 'eventCategory' && label(c) === group.label,
    )!;
    assert.strictEqual(category.getTreeItem().description, String(group.count), 'the count shows every loaded event');
    let children = await childrenOf(hooks, category);
    assert.strictEqual(children.filter((c) => contextValue(c)?.startsWith('event')).length, 500);
    const more = children[children.length - 1];
    assert.strictEqual(contextValue(more), 'showMore');
    assert.strictEqual(label(more), 'Show more…');
    await vscode.commands.executeCommand('gamelift.explorer.loadMore', more);
    children = await childrenOf(hooks, category);
    assert.strictEqual(children.filter((c) => contextValue(c)?.startsWith('event')).length, 1000);
    // The oldest event is beyond the 1000 shown: revealing it extends the shown chunk.
    const oldest = group.events[group.count - 1].event;
    await hooks.explorer.revealEvent(ref, oldest.eventId);
    children = await childrenOf(hooks, category);
    assert.ok(
      children.some((c) => (c as unknown as { event?: { eventId: string } }).event?.eventId === oldest.eventId),
      'the revealed event is shown',
    );
    // The selection reaches the extension host after the reveal resolves: wait for it.
    const selectedId = () =>
      (hooks.explorer.view.selection[0] as unknown as { event?: { eventId: string } } | undefined)?.event?.eventId;
    await waitFor(
      'the revealed event selected',
      () => (selectedId() === oldest.eventId ? true : undefined),
      5_000,
    ).catch(() => undefined);
    assert.strictEqual(selectedId(), oldest.eventId, 'and selected');
    await setSetting('events.pageSize', 100);
  });

  it('filters events by severity and text from the view title, and clears the filter', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const node = await fleetNode(fleet.fleetId);
    await vscode.commands.executeCommand('gamelift.filterEvents', { errorsOnly: true });
    assert.match(String(hooks.explorer.view.description), /errors only/);
    let categories = (await childrenOf(hooks, node)).filter((c) => contextValue(c) === 'eventCategory');
    const errors = fleet.events.filter((e) => lookupEventCode(e.eventCode).severity === 'error');
    const shown = (await Promise.all(categories.map((c) => childrenOf(hooks, c)))).flat();
    assert.strictEqual(shown.length, errors.length, 'only error events');
    for (const c of categories) assert.strictEqual((c.getTreeItem().iconPath as vscode.ThemeIcon).id, 'error');

    const code = fleet.events[0].eventCode;
    await vscode.commands.executeCommand('gamelift.filterEvents', { text: code.toLowerCase() });
    categories = (await childrenOf(hooks, node)).filter((c) => contextValue(c) === 'eventCategory');
    const byText = (await Promise.all(categories.map((c) => childrenOf(hooks, c)))).flat();
    assert.ok(byText.length > 0);
    for (const e of byText) {
      const ev = (e as unknown as { event: { eventCode: string; message: string } }).event;
      assert.ok(
        ev.eventCode.toLowerCase().includes(code.toLowerCase()) ||
          ev.message.toLowerCase().includes(code.toLowerCase()),
      );
    }

    await vscode.commands.executeCommand('gamelift.clearEventFilter');
    assert.strictEqual(hooks.explorer.view.description, undefined);
    const all = (
      await Promise.all(
        (await childrenOf(hooks, node))
          .filter((c) => contextValue(c) === 'eventCategory')
          .map((c) => childrenOf(hooks, c)),
      )
    ).flat();
    assert.strictEqual(all.length, fleet.events.length);
  });

  it('rebuilds the tree when the profile or the regions change', async () => {
    await setSetting('profile', 'local-qa');
    await rootsAreFleets(fleetIdsOf(QA.accountId, 'us-west-2'));

    await setSetting('profile', ['local-dev', 'local-qa']);
    const profiles = await waitFor('two profile roots', async () => {
      const roots = await childrenOf(hooks);
      return roots.length === 2 && roots.every((r) => contextValue(r) === 'profile') ? roots : undefined;
    });
    assert.deepStrictEqual(profiles.map(label), ['local-dev', 'local-qa']);
    const qaFleets = await childrenOf(hooks, profiles[1]);
    assert.deepStrictEqual(
      qaFleets.map((f) => (f as unknown as { ref: { fleetId: string } }).ref.fleetId).sort(),
      fleetIdsOf(QA.accountId, 'us-west-2').sort(),
    );

    await setSetting('profile', 'local-dev');
    await setSetting('regions', ['us-west-2', 'eu-west-1']);
    const regions = await waitFor('two region roots', async () => {
      const roots = await childrenOf(hooks);
      return roots.length === 2 && roots.every((r) => contextValue(r) === 'region') ? roots : undefined;
    });
    assert.deepStrictEqual(regions.map(label), ['us-west-2', 'eu-west-1']);
    const eu = await childrenOf(hooks, regions[1]);
    assert.deepStrictEqual(
      eu.map((f) => (f as unknown as { ref: { fleetId: string } }).ref.fleetId).sort(),
      fleetIdsOf(DEV.accountId, 'eu-west-1').sort(),
    );

    await setSetting('regions', ['us-west-2']);
    await rootsAreFleets(fleetIdsOf(DEV.accountId, 'us-west-2'));
  });

  it('shows an error node with Retry when GameLift fails, and recovers on Retry', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const node = await fleetNode(fleet.fleetId);
    const ref = (node as unknown as { ref: never }).ref;
    const marker = `retry-me-${Date.now()}`;
    emulator.setFaults({
      rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'], fleetId: fleet.fleetId, message: marker }],
    });
    try {
      hooks.explorer.refreshFleet(ref);
      const children = await childrenOf(hooks, node);
      const error = children.find((c) => contextValue(c) === 'error');
      assert.ok(error, `an error node (got ${children.map(label).join(' | ')})`);
      assert.match(label(error), /internal error/i);
      assert.match(label(error), new RegExp(fleet.fleetId));
      // The explorer's line for it (the SDK's own error line also names the marker) says once what was being done.
      const logLine = await waitFor('the failure in the log', () =>
        logFiles(hooks)
          .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n'))
          .find((l) => l.includes(marker) && l.includes('[internal')),
      );
      assert.strictEqual(logLine.split(`Fetching events for ${fleet.fleetId}`).length - 1, 1, logLine);
      assert.match(logLine, /\[internal, InternalServiceException, request ID /);
      assert.strictEqual(error.getTreeItem().command?.command, 'gamelift.explorer.retry');
      // The rest of the tree keeps working.
      const other = await fleetNode(
        emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'racing-qa')!.fleetId,
      );
      assert.ok((await childrenOf(hooks, other)).some((c) => contextValue(c) === 'eventCategory'));

      emulator.setFaults({ rules: [] });
      await vscode.commands.executeCommand('gamelift.explorer.retry', error);
      const after = await childrenOf(hooks, node);
      assert.ok(!after.some((c) => contextValue(c) === 'error'), 'error gone after Retry');
      assert.ok(
        after.some((c) => contextValue(c) === 'eventCategory'),
        'categories after Retry',
      );
    } finally {
      emulator.setFaults({ rules: [] });
    }
  });

  it('"Fetch fleet events" takes a pasted ARN, uses its region, reveals the fleet and opens JSON', async () => {
    const target = emulator.state.fleetsOf(DEV.accountId, 'eu-west-1').find((f) => f.events.length > 10)!;
    assert.ok(target, 'an eu-west-1 fleet with events');
    const prompts = new ScriptedPrompts({
      typed: { fleet: `  ${target.fleetArn} ` },
      pick: { timeRange: (items) => items.find((i) => i.label === 'All events') },
      input: { 'fetch.limit': '5' },
      message: [{ match: /fetched 5 events/, answer: 'Open as JSON' }],
    });
    hooks.prompts.current = prompts;
    try {
      const result = await vscode.commands.executeCommand<FetchResult>('gamelift.fetchFleetEvents');
      assert.ok(
        result,
        `the command returns its result (asked: ${prompts.asked.join(', ')}; messages: ${prompts.messages.join(' | ')})`,
      );
      assert.strictEqual(result.ref.fleetId, target.fleetId);
      assert.strictEqual(result.ref.target.region, 'eu-west-1', "the ARN's region is used");
      assert.strictEqual(result.fetched, 5);
      assert.deepStrictEqual(prompts.asked, ['fleet', 'timeRange', 'fetch.limit']);

      const editor = await waitFor('the JSON document', () =>
        vscode.window.activeTextEditor?.document.languageId === 'json' ? vscode.window.activeTextEditor : undefined,
      );
      assert.strictEqual(editor.document.isUntitled, true);
      const json = JSON.parse(editor.document.getText()) as { events: { eventId: string }[] };
      assert.deepStrictEqual(
        json.events.map((e) => e.eventId),
        target.events.slice(0, 5).map((e) => e.eventId),
      );

      // The fleet is in the tree (under its own region node, since settings list only us-west-2).
      const roots = await childrenOf(hooks);
      const region = roots.find((r) => contextValue(r) === 'region' && label(r).includes('eu-west-1'));
      assert.ok(region, "a node for the ARN's connection");
      const fleets = await childrenOf(hooks, region);
      const fetched = fleets.find((f) => (f as unknown as { ref: { fleetId: string } }).ref.fleetId === target.fleetId);
      assert.ok(fetched, 'the fetched fleet is shown');
      // The selection reaches the extension host after the reveal resolves: wait for it.
      const isSelected = () => hooks.explorer.view.selection.some((n) => n.id === fetched.id);
      await waitFor('the fetched fleet selected', () => (isSelected() ? true : undefined), 5_000).catch(
        () => undefined,
      );
      assert.ok(isSelected(), 'and revealed (selected)');
      const categories = (await childrenOf(hooks, fetched)).filter((c) => contextValue(c) === 'eventCategory');
      const shown = (await Promise.all(categories.map((c) => childrenOf(hooks, c)))).flat();
      assert.strictEqual(shown.length, 5, 'the tree holds the 5 fetched events, no more');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('"Fetch fleet events" rejects text that is not a fleet ID or ARN', async () => {
    const prompts = new ScriptedPrompts({ typed: { fleet: 'arn:aws:ec2:us-west-2:111122223333:instance/i-123' } });
    hooks.prompts.current = prompts;
    const result = await vscode.commands.executeCommand<FetchResult | undefined>('gamelift.fetchFleetEvents');
    assert.strictEqual(result, undefined);
    assert.strictEqual(prompts.messages.length, 1);
    assert.match(prompts.messages[0], /not a fleet/);
  });

  it('accepts {fleetId, target} to skip the fleet pick', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const prompts = new ScriptedPrompts({
      pick: { timeRange: (items) => items.find((i) => i.label === 'Last 30 days') },
      input: { 'fetch.limit': '' },
      message: [{ match: /fetched/, answer: undefined }],
    });
    hooks.prompts.current = prompts;
    const result = await vscode.commands.executeCommand<FetchResult>('gamelift.fetchFleetEvents', {
      fleetId: fleet.fleetId,
      target: { profile: 'local-dev', region: 'us-west-2', endpoint: emulator.url },
    });
    assert.deepStrictEqual(prompts.asked, ['timeRange', 'fetch.limit']);
    assert.strictEqual(result.fetched, fleet.events.length);
    const node = await fleetNode(fleet.fleetId);
    assert.match(String(node.getTreeItem().description), /last 30 days/);
  });
  it('watches transitional fleets and notifies about a new error event, with "Show" revealing it', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'racing-qa')!;
    assert.strictEqual(fleet.status, 'ACTIVATING');
    const prompts = new ScriptedPrompts({ message: [{ match: /Fleet activation failed/i, answer: 'Show' }] });
    hooks.prompts.current = prompts;
    const node = await fleetNode(fleet.fleetId);
    await childrenOf(hooks, node); // loaded once: the baseline
    await hooks.watcher.tick();
    assert.deepStrictEqual(prompts.messages, [], 'nothing new, no notification');

    const added = emulator.state.addEvent(fleet.fleetId, {
      eventCode: 'FLEET_ACTIVATION_FAILED',
      message: 'Activation failed: no healthy processes.',
    });
    emulator.state.setFleetStatus(fleet.fleetId, 'ERROR');
    emulator.resetRequests();
    await hooks.watcher.tick();
    assert.ok(
      emulator.requests.some((r) => r.operation === 'DescribeFleetEvents' && r.input?.FleetId === fleet.fleetId),
      'the watcher polled the fleet',
    );
    assert.strictEqual(prompts.messages.length, 1, `one notification (got ${prompts.messages.join(' | ')})`);
    assert.match(prompts.messages[0], /racing-qa/);
    const selected = await waitFor('the event revealed', () => {
      const sel = hooks.explorer.view.selection[0] as unknown as { event?: { eventId: string } } | undefined;
      return sel?.event?.eventId === added.eventId ? sel : undefined;
    });
    assert.ok(selected);
    assert.match(String(node.getTreeItem().description), /^Error( · |$)/, 'status refreshed');

    // Settled (no longer transitional): polled once more, then left alone.
    await hooks.watcher.tick();
    emulator.resetRequests();
    await hooks.watcher.tick();
    const polled = (r: { operation: string; input?: Readonly<Record<string, unknown>> }) =>
      r.operation === 'DescribeFleetEvents' && r.input?.FleetId === fleet.fleetId;
    assert.ok(!emulator.requests.some(polled), 'settled fleets are not polled');
  });

  it('empties the tree for the credentials welcome view when a profile has no credentials', async () => {
    await setSetting('profile', 'no-such-profile');
    await waitFor('credentials missing', async () => {
      const roots = await childrenOf(hooks);
      return roots.length === 0 && hooks.explorer.credentialsMissing ? true : undefined;
    });
    await setSetting('profile', 'local-dev');
    await rootsAreFleets(fleetIdsOf(DEV.accountId, 'us-west-2'));
    assert.strictEqual(hooks.explorer.credentialsMissing, false);
  });

  it('offers "Sign in" for an expired SSO session, opening a terminal with aws sso login', async () => {
    // A fresh config file path: the SDK caches shared config files by path for the process.
    const original = fs.readFileSync(path.join(os.homedir(), '.aws', 'config'), 'utf8');
    const configFile = path.join(os.tmpdir(), `gamelift-sso-config-${process.pid}-${Date.now()}`);
    fs.writeFileSync(
      configFile,
      `${original}\n[profile local-sso]\nsso_start_url = https://example.invalid/start\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = us-west-2\n`,
    );
    const previousConfigFile = process.env.AWS_CONFIG_FILE;
    process.env.AWS_CONFIG_FILE = configFile;
    const prompts = new ScriptedPrompts({ message: [{ match: /SSO session/, answer: 'Sign in' }] });
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.refresh');
      await setSetting('profile', 'local-sso');
      const error = await waitFor('an SSO error node', async () => {
        const roots = await childrenOf(hooks);
        return roots.length === 1 && contextValue(roots[0]) === 'error' ? roots[0] : undefined;
      });
      assert.match(label(error), /SSO/);
      const terminal = await waitFor('the sign-in terminal', () =>
        vscode.window.terminals.find((t) => t.name === 'AWS SSO sign-in'),
      );
      assert.ok(
        prompts.messages.some((m) => m.includes('aws sso login --profile local-sso')),
        prompts.messages.join(' | '),
      );
      terminal.dispose();
    } finally {
      if (previousConfigFile === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = previousConfigFile;
      fs.rmSync(configFile, { force: true });
      await setSetting('profile', 'local-dev');
    }
  });
  for (const fault of [
    { kind: 'notFound', expect: /not found/i },
    { kind: 'throttle', expect: /limiting requests/i },
    { kind: 'dropConnection', expect: /reach GameLift|network|timed out|dropped|could not be read/i },
    { kind: 'malformedJson', expect: /could not be read/i },
    { kind: 'unauthorized', expect: /Not allowed.*gamelift:DescribeFleetEvents/i },
    { kind: 'invalidRequest', expect: /GameLift refused the request/i },
    // No `times`: every attempt fails, so the SDK's retries give up and the node shows it.
    { kind: 'internalError', expect: /internal error/i },
  ] as const) {
    it(`shows ${fault.kind} as an error node with Retry while other fleets keep working`, async () => {
      const fleets = emulator.state.fleetsOf(DEV.accountId, 'us-west-2');
      const broken = fleets.find((f) => f.name === 'battle-royale-spot')!;
      const healthy = fleets.find((f) => f.name === 'arena-staging')!;
      const node = await fleetNode(broken.fleetId);
      emulator.setFaults({
        rules: [{ kind: fault.kind, operations: ['DescribeFleetEvents'], fleetId: broken.fleetId }],
      });
      try {
        hooks.explorer.refreshFleet((node as unknown as { ref: never }).ref);
        const children = await childrenOf(hooks, node);
        const error = children.find((c) => contextValue(c) === 'error');
        assert.ok(error, `an error node (got ${children.map(label).join(' | ')})`);
        assert.match(label(error), fault.expect);
        assert.strictEqual(error.getTreeItem().command?.command, 'gamelift.explorer.retry');
        const okNode = await fleetNode(healthy.fleetId);
        hooks.explorer.refreshFleet((okNode as unknown as { ref: never }).ref);
        assert.ok(
          (await childrenOf(hooks, okNode)).some((c) => contextValue(c) === 'eventCategory'),
          'the rest of the tree works',
        );
      } finally {
        emulator.setFaults({ rules: [] });
      }
      const error = (await childrenOf(hooks, node)).find((c) => contextValue(c) === 'error')!;
      await vscode.commands.executeCommand('gamelift.explorer.retry', error);
      assert.ok(
        (await childrenOf(hooks, node)).some((c) => contextValue(c) === 'eventCategory'),
        'Retry recovers',
      );
    });
  }

  for (const bad of ['javascript:alert(1)', 'ftp://x']) {
    it(`refuses the endpoint setting "${bad}" with an error node naming the setting, builds no client, and recovers`, async () => {
      // The capacity read that follows a listing is done before counting.
      await hooks.explorer.model.connection(hooks.explorer.model.targets[0]).capacityLoad;
      const before = emulator.requests.length;
      try {
        await setSetting('endpoint', bad);
        const error = await waitFor('the endpoint error node', async () => {
          const roots = await childrenOf(hooks);
          return roots.length === 1 && contextValue(roots[0]) === 'error' ? roots[0] : undefined;
        });
        assert.match(label(error), /gamelift\.endpoint/);
        assert.match(label(error), bad.startsWith('ftp') ? /"ftp:"/ : /"javascript:"/);
        const item = error.getTreeItem();
        assert.strictEqual(item.description, 'Open Setting');
        assert.strictEqual(item.command?.command, 'gamelift.explorer.retry');
        assert.deepStrictEqual(hooks.explorer.model.targets, [], 'no connection (so no client) for a refused endpoint');
        // "Fetch fleet events" refuses too, with the same reason and the same action.
        const prompts = new ScriptedPrompts({ message: [{ match: /gamelift\.endpoint/, answer: undefined }] });
        hooks.prompts.current = prompts;
        const result = await vscode.commands.executeCommand('gamelift.fetchFleetEvents', {
          fleetId: DEFAULT_FLEETS.busy,
        });
        assert.strictEqual(result, undefined);
        assert.ok(
          prompts.messages.some((m) => /gamelift\.endpoint/.test(m)),
          prompts.messages.join(' | '),
        );
        // The node's action opens the Settings editor at the setting (it must not throw).
        await vscode.commands.executeCommand('gamelift.explorer.retry', error);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        assert.strictEqual(emulator.requests.length, before, 'nothing was sent anywhere');
      } finally {
        hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
        await setSetting('endpoint', emulator.url);
      }
      await rootsAreFleets(fleetIdsOf(DEV.accountId, 'us-west-2'));
    });
  }

  it('shows invalid credentials (wrong secret → InvalidSignatureException) as an error node with Retry while another profile keeps working', async () => {
    // A fresh credentials file path (the SDK caches shared files by path) with one more profile:
    // the right access key ID, the wrong secret.
    const originalFile = process.env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(os.homedir(), '.aws', 'credentials');
    const credentialsFile = path.join(os.tmpdir(), `gamelift-badsecret-${process.pid}-${Date.now()}`);
    fs.writeFileSync(
      credentialsFile,
      `${fs.readFileSync(originalFile, 'utf8')}\n[local-badsecret]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = wrong${DEV.secretAccessKey.slice(5)}\n`,
      { mode: 0o600 },
    );
    const previous = process.env.AWS_SHARED_CREDENTIALS_FILE;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentialsFile;
    const prompts = new ScriptedPrompts({ message: [{ match: /.*/, answer: undefined }] });
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.refresh');
      await setSetting('profile', ['local-dev', 'local-badsecret']);
      const roots = await waitFor('two profile roots', async () => {
        const r = await childrenOf(hooks);
        return r.length === 2 && r.every((n) => contextValue(n) === 'profile') ? r : undefined;
      });
      const bad = roots.find((n) => label(n).includes('local-badsecret'))!;
      const good = roots.find((n) => label(n).includes('local-dev'))!;
      assert.ok(bad && good, roots.map(label).join(' | '));
      const error = await waitFor('the credentials error node', async () => {
        const children = await childrenOf(hooks, bad);
        return children.find((c) => contextValue(c) === 'error');
      });
      assert.match(label(error), /AWS rejected the credentials/);
      assert.match(label(error), /local-badsecret/);
      assert.match(label(error), /signature/i);
      assert.ok(!label(error).includes(DEV.secretAccessKey.slice(5)), 'no secret in the message');
      assert.strictEqual(error.getTreeItem().command?.command, 'gamelift.explorer.retry');
      const fleets = await waitFor('fleets of the working profile', async () => {
        const children = await childrenOf(hooks, good);
        return children.some((c) => contextValue(c)?.startsWith('fleet')) ? children : undefined;
      });
      const fleet = fleets.find((c) => contextValue(c)?.startsWith('fleet'))!;
      assert.ok(
        (await childrenOf(hooks, fleet)).some((c) => contextValue(c) === 'eventCategory'),
        'the rest of the tree works',
      );
    } finally {
      hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
      if (previous === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      else process.env.AWS_SHARED_CREDENTIALS_FILE = previous;
      fs.rmSync(credentialsFile, { force: true });
      await setSetting('profile', 'local-dev');
    }
    await rootsAreFleets(fleetIdsOf(DEV.accountId, 'us-west-2'));
  });

  it('sets a custom time range on a fleet (validated) and shows it in the description', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-prod')!;
    const node = await fleetNode(fleet.fleetId);
    const bad = new ScriptedPrompts({
      pick: { timeRange: (items) => items.find((i) => i.label === 'Custom range…') },
      input: { 'timeRange.start': 'yesterday-ish' },
    });
    hooks.prompts.current = bad;
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('gamelift.setFleetTimeRange', node)),
      /rejected "yesterday-ish"/,
    );

    const start = new Date(Date.now() - 2 * 3600_000).toISOString().slice(0, 16) + 'Z';
    const good = new ScriptedPrompts({
      pick: { timeRange: (items) => items.find((i) => i.label === 'Custom range…') },
      input: { 'timeRange.start': start, 'timeRange.end': '' },
    });
    hooks.prompts.current = good;
    await vscode.commands.executeCommand('gamelift.setFleetTimeRange', node);
    assert.match(String(node.getTreeItem().description), /since \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    emulator.resetRequests();
    const children = await childrenOf(hooks, node);
    const call = emulator.requests.find((r) => r.operation === 'DescribeFleetEvents');
    assert.ok(call && typeof call.input?.StartTime === 'number', 'StartTime sent');
    assert.ok(Math.abs(call.input.StartTime * 1000 - Date.parse(start)) < 1000);
    const shown = (
      await Promise.all(children.filter((c) => contextValue(c) === 'eventCategory').map((c) => childrenOf(hooks, c)))
    ).flat();
    const inWindow = fleet.events.filter((e) => e.eventTime >= Date.parse(start));
    assert.strictEqual(shown.length, Math.min(inWindow.length, hooks.explorer.settings.pageSize));
  });

  it("exports a fleet's loaded events as CSV and JSON, and copies IDs", async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    emulator.state.addEvent(fleet.fleetId, {
      eventCode: 'GENERIC_EVENT',
      message: '=HYPERLINK("http://127.0.0.1/x","click")',
    });
    const node = await fleetNode(fleet.fleetId);
    hooks.explorer.refreshFleet((node as unknown as { ref: never }).ref);
    await childrenOf(hooks, node);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-export-'));
    const prompts = new ScriptedPrompts({ message: [{ match: /exported/, answer: undefined }] });
    let n = 0;
    prompts.saveUri = async () => vscode.Uri.file(path.join(dir, `export-${n++}`));
    hooks.prompts.current = prompts;
    await vscode.commands.executeCommand('gamelift.exportEventsCsv', node);
    await vscode.commands.executeCommand('gamelift.exportEventsJson', node);
    const csv = fs.readFileSync(path.join(dir, 'export-0'), 'utf8').trim().split(/\r?\n/);
    assert.strictEqual(csv.length, fleet.events.length + 1, 'header + one row per loaded event');
    assert.ok(!csv.some((line) => /(^|,)"?=HYPERLINK/.test(line)), 'formula cells are neutralised (CSV injection)');
    assert.ok(
      csv.some((line) => line.includes("'=HYPERLINK")),
      'the hostile message is still exported, as text',
    );
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'export-1'), 'utf8')) as { events: { eventId: string }[] };
    assert.deepStrictEqual(
      json.events.map((e) => e.eventId),
      fleet.events.map((e) => e.eventId),
    );
    fs.rmSync(dir, { recursive: true, force: true });

    await vscode.commands.executeCommand('gamelift.copyFleetId', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), fleet.fleetId);
    const category = (await childrenOf(hooks, node)).find((c) => contextValue(c) === 'eventCategory')!;
    const eventNode = (await childrenOf(hooks, category))[0];
    await vscode.commands.executeCommand('gamelift.copyEventJson', eventNode);
    const copied = JSON.parse(await vscode.env.clipboard.readText()) as { eventId: string; preSignedLogUrl?: string };
    assert.strictEqual(copied.eventId, (eventNode as unknown as { event: { eventId: string } }).event.eventId);
    assert.strictEqual(copied.preSignedLogUrl, undefined, 'no bearer log link in the clipboard');
  });
  it('filters by resource ID and event ID, and exports only what the filter shows when asked', async () => {
    const fleet = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.name === 'arena-staging')!;
    const chased = emulator.state.addEvent(fleet.fleetId, {
      eventCode: 'SERVER_PROCESS_CRASHED',
      message: 'Server process exited with code 139.',
      resourceId: 'i-0feedc0ffee123456',
    });
    const node = await fleetNode(fleet.fleetId);
    const ref = (node as unknown as { ref: FleetRef }).ref;
    hooks.explorer.refreshFleet(ref);
    await childrenOf(hooks, node);
    const shownIds = async () =>
      (
        await Promise.all(
          (await childrenOf(hooks, node))
            .filter((c) => contextValue(c) === 'eventCategory')
            .map((c) => childrenOf(hooks, c)),
        )
      )
        .flat()
        .map((e) => (e as unknown as { event: { eventId: string } }).event.eventId);
    await vscode.commands.executeCommand('gamelift.filterEvents', { text: 'I-0FEEDC0FFEE' });
    assert.deepStrictEqual(await shownIds(), [chased.eventId], 'the resource ID matches');
    await vscode.commands.executeCommand('gamelift.filterEvents', { text: chased.eventId.slice(0, 13) });
    assert.deepStrictEqual(await shownIds(), [chased.eventId], 'the event ID matches');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-export-'));
    const prompts = new ScriptedPrompts({
      pick: { 'export.scope': (items) => items[0] },
      message: [{ match: /exported/, answer: undefined }],
    });
    prompts.saveUri = async () => vscode.Uri.file(path.join(dir, 'filtered.json'));
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.exportEventsJson', node);
    } finally {
      await vscode.commands.executeCommand('gamelift.clearEventFilter');
    }
    assert.deepStrictEqual(prompts.asked, ['export.scope'], 'asked which events');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'filtered.json'), 'utf8')) as {
      events: { eventId: string }[];
    };
    assert.deepStrictEqual(
      json.events.map((e) => e.eventId),
      [chased.eventId],
      'only what the filter shows',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"Load all in this range" loads every page of the fleet\'s range in one go', async () => {
    const big = emulator.state.fleetsOf(DEV.accountId, 'us-west-2').find((f) => f.events.length > 1000)!;
    const node = await fleetNode(big.fleetId);
    const ref = (node as unknown as { ref: FleetRef }).ref;
    hooks.explorer.setWindow(ref, presetWindow('all', Date.now()));
    const children = await childrenOf(hooks, node);
    const more = children.find((c) => contextValue(c) === 'loadMore');
    assert.ok(more, 'a Load more node to load all beside');
    emulator.resetRequests();
    const result = await vscode.commands.executeCommand<{ loaded: number; cancelled: boolean }>(
      'gamelift.explorer.loadAllInRange',
      more,
    );
    const state = hooks.explorer.model.findFleet(ref)!;
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(state.hasMore, false, 'nothing left to load');
    assert.strictEqual(result.loaded, big.events.length);
    assert.strictEqual(new Set(state.events.map((e) => e.eventId)).size, big.events.length, 'no duplicates');
    const pages = emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents').length;
    const expected = Math.ceil(big.events.length / hooks.explorer.settings.pageSize) - 1;
    assert.ok(pages >= expected && pages <= expected + 1, `one call per page (${pages} for ${expected} pages)`);
    assert.ok(!(await childrenOf(hooks, node)).some((c) => contextValue(c) === 'loadMore'), 'no Load more left');
  });

  it('"Select profile" and "Select regions" offer the config files\' profiles and write the settings', async () => {
    let offered: string[] = [];
    const prompts = new ScriptedPrompts({
      pickMany: {
        profiles: (items) => {
          offered = items.map((i) => i.label);
          return items.filter((i) => i.label === 'local-qa');
        },
        regions: (items) => {
          assert.ok(
            items.some((i) => i.label === 'us-west-2' && i.picked),
            'current region pre-selected',
          );
          return items.filter((i) => i.label === 'us-west-2' || i.label === 'eu-west-1');
        },
      },
    });
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.selectProfile');
      assert.ok(
        offered.includes('local-dev') && offered.includes('local-qa'),
        `profiles from ~/.aws: ${offered.join(', ')}`,
      );
      assert.strictEqual(vscode.workspace.getConfiguration('gamelift').get('profile'), 'local-qa');
      await rootsAreFleets(fleetIdsOf(QA.accountId, 'us-west-2'));

      await vscode.commands.executeCommand('gamelift.selectRegions');
      assert.deepStrictEqual(vscode.workspace.getConfiguration('gamelift').get('regions'), ['us-west-2', 'eu-west-1']);
      const roots = await waitFor('region roots', async () => {
        const r = await childrenOf(hooks);
        return r.length === 2 && r.every((n) => contextValue(n) === 'region') ? r : undefined;
      });
      assert.deepStrictEqual(roots.map(label), ['us-west-2', 'eu-west-1']);
    } finally {
      await setSetting('profile', 'local-dev');
      await setSetting('regions', ['us-west-2']);
    }
  });
  it('never writes credentials or presigned URL signatures to the log', async () => {
    const fleet = emulator.state
      .fleetsOf(DEV.accountId, 'us-west-2')
      .find((f) => f.name === 'dev-workstations-anywhere')!;
    const marker = `boom-${Date.now()}`;
    const leaky = `${marker} see https://logs.example.invalid/x.log?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${DEV.accessKeyId}%2F20261120&X-Amz-Signature=deadbeefcafe aws_secret_access_key=${DEV.secretAccessKey}`;
    emulator.setFaults({
      rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'], fleetId: fleet.fleetId, message: leaky }],
    });
    try {
      const node = await fleetNode(fleet.fleetId);
      hooks.explorer.refreshFleet((node as unknown as { ref: never }).ref);
      const error = (await childrenOf(hooks, node)).find((c) => contextValue(c) === 'error');
      assert.ok(error, 'an error node');
      assert.ok(label(error).includes(marker), 'the service message is shown');
      const logText = await waitFor('the error in the log', () => {
        const text = logFiles(hooks)
          .map((f) => fs.readFileSync(f, 'utf8'))
          .join('\n');
        return text.includes(marker) ? text : undefined;
      });
      for (const secret of [DEV.accessKeyId, DEV.secretAccessKey, QA.accessKeyId, QA.secretAccessKey, 'deadbeefcafe']) {
        assert.ok(!logText.includes(secret), `the log must not contain ${secret.slice(0, 6)}…`);
        assert.ok(!label(error).includes(secret), `the error node must not show ${secret.slice(0, 6)}…`);
      }
    } finally {
      emulator.setFaults({ rules: [] });
    }
  });
});

/** The extension's log files (the GameLift output channel is written under `context.logUri`). */
function logFiles(hooks: ExplorerTestHooks): string[] {
  const dir = path.dirname(hooks.logUri.fsPath);
  return fs.existsSync(dir) ? walk(dir).filter((f) => f.endsWith('.log')) : [];
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
