// The fleet's resource rows in the real VS Code against the local endpoint: active/desired
// instances on fleet rows, the Locations row (each location with status and counts), the
// Computes row (count, worst status, computes paged with "Load more…"), a Region without
// multi-location fleets, and a container fleet whose description failed, with Retry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import {
  OVERVIEW_FLEETS,
  OVERVIEW_REGION,
  SCALE_LOCATIONS_FLEET,
  SINGLE_LOCATION_FLEET,
  SINGLE_LOCATION_REGION,
} from '../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import {
  childrenOf,
  contextValue,
  explorerHooks,
  label,
  localEndpointSuite,
  setSetting,
  snapshotSettings,
  waitFor,
} from './explorerSupport';

function fleetIdOf(node: ExplorerNode): string | undefined {
  return (node as unknown as { ref?: { fleetId: string } }).ref?.fleetId;
}

function iconOf(node: ExplorerNode): vscode.ThemeIcon {
  const icon = node.getTreeItem().iconPath;
  assert.ok(icon instanceof vscode.ThemeIcon, `${label(node)} has a codicon`);
  return icon;
}

function colourOf(node: ExplorerNode): string | undefined {
  return (iconOf(node).color as { id?: string } | undefined)?.id;
}

describe('Fleet resource rows (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;

  /** The root fleet node of `fleetId` once the tree lists the Region's fleets. */
  async function fleetNode(fleetId: string): Promise<ExplorerNode> {
    return waitFor(`fleet ${fleetId} in the tree`, async () =>
      (await childrenOf(hooks)).find((n) => fleetIdOf(n) === fleetId),
    );
  }

  async function showRegion(region: string, scenarioEndpoint = emulator.url): Promise<void> {
    await setSetting('endpoint', scenarioEndpoint);
    await setSetting('regions', [region]);
    await waitFor(`the fleets of ${region}`, async () => {
      const target = hooks.explorer.model.targets[0];
      if (target?.region !== region || target.endpoint !== scenarioEndpoint) return undefined;
      const roots = await childrenOf(hooks);
      return roots.length > 0 && roots.every((n) => contextValue(n)?.startsWith('fleet')) ? roots : undefined;
    });
    await hooks.explorer.model.connection(hooks.explorer.model.targets[0]).capacityLoad;
  }

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('events.defaultTimeRange', 'all');
    await setSetting('profile', 'local-dev');
    await showRegion(OVERVIEW_REGION);
  });

  after(async () => {
    await restoreSettings?.();
    await emulator?.stop();
  });

  afterEach(() => emulator.setFaults({ rules: [] }));

  it('shows active/desired instances on the fleet rows, none on an Anywhere fleet', async () => {
    const multi = await fleetNode(OVERVIEW_FLEETS.multiLocation);
    assert.strictEqual(multi.getTreeItem().description, 'Active · 4/4');
    assert.match(String(multi.getTreeItem().tooltip), /Instances in ap-southeast-2: 4 active of 4 desired/);
    const anywhere = await fleetNode(OVERVIEW_FLEETS.anywhere);
    assert.strictEqual(anywhere.getTreeItem().description, 'Active');
    const container = await fleetNode(OVERVIEW_FLEETS.containerRollback);
    assert.strictEqual(container.getTreeItem().description, 'Updating · 3/3');
    assert.strictEqual(container.getTreeItem().contextValue, 'fleet:transitional:container');
  });

  it('puts a Locations row and a Computes row above the event categories of a multi-location fleet', async () => {
    const fleet = await fleetNode(OVERVIEW_FLEETS.multiLocation);
    const children = await childrenOf(hooks, fleet);
    // The fleet's Diagnosis row (its ap-south-1 location failed) may lead; then Locations, Computes.
    const lead = contextValue(children[0]) === 'diagnosis' ? 1 : 0;
    const kinds = children.slice(lead).map(contextValue);
    assert.deepStrictEqual(kinds.slice(0, 2), ['locations', 'computes'], kinds.join(', '));
    // Then the event categories (and their loading row), then the fleet's CloudTrail Changes.
    assert.strictEqual(kinds[kinds.length - 1], 'changes', kinds.join(', '));
    assert.ok(
      kinds.slice(2, -1).every((k) => k === 'eventCategory' || k === 'loadMore'),
      kinds.join(', '),
    );

    const locations = children[lead];
    assert.strictEqual(label(locations), 'Locations');
    const record = emulator.state.getFleet(OVERVIEW_FLEETS.multiLocation)!;
    assert.strictEqual(locations.getTreeItem().description, `${record.locations.length} · 1 error`);
    assert.strictEqual(colourOf(locations), 'problemsErrorIcon.foreground', 'a location in ERROR colours the row');

    const rows = await childrenOf(hooks, locations);
    assert.deepStrictEqual(
      rows.map(label),
      record.locations.map((l) => l.location),
      'every location, home Region first',
    );
    const byName = new Map(rows.map((r) => [label(r), r]));
    assert.strictEqual(byName.get(OVERVIEW_REGION)!.getTreeItem().description, 'Active · 4/4');
    assert.match(String(byName.get('ap-south-1')!.getTreeItem().description), /^Error · /);
    assert.strictEqual(iconOf(byName.get('ap-south-1')!).id, 'error');
    assert.match(String(byName.get('ap-southeast-1')!.getTreeItem().description), /scaling stopped/);
    assert.match(String(byName.get('us-west-2')!.getTreeItem().description), /^Active · 1\/2 · update pending$/);
    assert.match(String(byName.get('ap-southeast-1')!.getTreeItem().tooltip), /Stopped actions: AUTO_SCALING/);

    const computes = children[lead + 1];
    assert.strictEqual(label(computes), 'Computes');
    // EC2: one compute per active or pending instance (the home Region's counts are the fleet's).
    const total = record.locations
      .map((l) => (l.location === record.region ? record.capacity : l.capacity))
      .reduce((n, c) => n + (c?.ACTIVE ?? 0) + (c?.PENDING ?? 0), 0);
    assert.match(String(computes.getTreeItem().description), new RegExp(`^${total}( · |$)`));
  });

  it('lists the computes lazily, IMPAIRED ones standing out, on an Anywhere fleet', async () => {
    const fleet = await fleetNode(OVERVIEW_FLEETS.anywhere);
    emulator.resetRequests();
    const children = await childrenOf(hooks, fleet);
    const computes = children.find((c) => contextValue(c) === 'computes');
    assert.ok(computes, children.map(label).join(' | '));
    assert.strictEqual(computes.getTreeItem().description, '4 · 1 impaired · 1 pending');
    assert.strictEqual(colourOf(computes), 'problemsErrorIcon.foreground');
    const listed = emulator.requests.filter((r) => r.operation === 'ListCompute').length;
    const rows = await childrenOf(hooks, computes);
    assert.strictEqual(
      emulator.requests.filter((r) => r.operation === 'ListCompute').length,
      listed + 1,
      'one page when the row is expanded',
    );
    assert.strictEqual(rows.length, 4, rows.map(label).join(' | '));
    const impaired = rows.find((r) => label(r) === 'studio-box-03')!;
    assert.strictEqual(impaired.getTreeItem().contextValue, 'compute:attention');
    assert.strictEqual(iconOf(impaired).id, 'error');
    assert.strictEqual(colourOf(impaired), 'problemsErrorIcon.foreground');
    assert.match(String(impaired.getTreeItem().description), /^Impaired · custom-studio-sydney · 192\.168\.10\.23$/);
    const healthy = rows.find((r) => label(r) === 'studio-box-01')!;
    assert.strictEqual(healthy.getTreeItem().contextValue, 'compute');
    assert.notStrictEqual(iconOf(healthy).id, 'error');
  });

  it('shows no Locations row for a fleet in a Region without multi-location fleets, and no error', async () => {
    await showRegion(SINGLE_LOCATION_REGION);
    try {
      const fleet = await fleetNode(SINGLE_LOCATION_FLEET);
      const kinds = (await childrenOf(hooks, fleet)).map(contextValue);
      assert.ok(!kinds.includes('locations'), kinds.join(', '));
      assert.ok(!kinds.includes('error'), kinds.join(', '));
      assert.ok(kinds.includes('computes'), kinds.join(', '));
      assert.ok(
        emulator.requests.some(
          (r) => r.operation === 'DescribeFleetLocationAttributes' && r.errorCode === 'UnsupportedRegionException',
        ),
        'the service said the Region has no multi-location fleets',
      );
    } finally {
      await showRegion(OVERVIEW_REGION);
    }
  });

  it('shows a container fleet whose description failed with its ID, the error and the backoff; Retry describes it', async () => {
    emulator.setFaults({
      rules: [{ kind: 'internalError', operations: ['DescribeContainerFleet', 'ListContainerFleets'] }],
    });
    await vscode.commands.executeCommand('gamelift.refresh');
    const failed = await waitFor('the failed container fleet row', async () => {
      const node = (await childrenOf(hooks)).find((n) => fleetIdOf(n) === OVERVIEW_FLEETS.containerRollback);
      return node?.getTreeItem().contextValue?.includes(':describeFailed') ? node : undefined;
    });
    const item = failed.getTreeItem();
    assert.strictEqual(label(failed), OVERVIEW_FLEETS.containerRollback, 'the ID, all that is known');
    assert.match(String(item.description), /^not described · retry in \d+ (second|minute)s?$/);
    assert.strictEqual(iconOf(failed).id, 'warning');
    assert.match(String(item.tooltip), /Describing container fleet|Listing container fleets/);
    assert.match(String(item.tooltip), /The next listing tries again in/);
    const firstChild = (await childrenOf(hooks, failed))[0];
    assert.strictEqual(contextValue(firstChild), 'error');
    assert.match(label(firstChild), /internal error/i);

    // Other fleets of the Region are unaffected.
    assert.strictEqual((await fleetNode(OVERVIEW_FLEETS.multiLocation)).getTreeItem().description, 'Active · 4/4');

    // A listing inside the wait does not call again.
    const calls = () =>
      emulator.requests.filter((r) => r.operation === 'DescribeContainerFleet' || r.operation === 'ListContainerFleets')
        .length;
    const before = calls();
    await hooks.explorer.model.connection(hooks.explorer.model.targets[0]).load();
    assert.strictEqual(calls(), before, 'the failed calls wait out their backoff');

    emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand('gamelift.retryFleetDescribe', failed);
    assert.ok(calls() > before, 'Retry calls at once');
    const described = await waitFor('the described container fleet row', async () => {
      const node = (await childrenOf(hooks)).find((n) => fleetIdOf(n) === OVERVIEW_FLEETS.containerRollback);
      return node && !node.getTreeItem().contextValue?.includes(':describeFailed') ? node : undefined;
    });
    assert.match(String(described.getTreeItem().description), /^Updating/);
  });
});

describe('Fleet resource rows at scale (real VS Code, overview-large)', function () {
  this.timeout(180_000);
  const suite = localEndpointSuite('us-west-2', {}, 'overview-large');

  it('pages 2,000 computes 100 at a time; a double "Load more…" loads one page', async () => {
    const { emulator, hooks } = suite;
    const fleet = await waitFor('the ten-location fleet', async () =>
      (await childrenOf(hooks)).find((n) => fleetIdOf(n) === SCALE_LOCATIONS_FLEET),
    );
    const children = await childrenOf(hooks, fleet);
    const locations = children.find((c) => contextValue(c) === 'locations')!;
    assert.strictEqual((await childrenOf(hooks, locations)).length, 10);
    const computes = children.find((c) => contextValue(c) === 'computes')!;
    // EC2 fleets: counted from the instance counts (no call), which hold no terminating instances here.
    assert.strictEqual(computes.getTreeItem().description, '2,000');
    let rows = await childrenOf(hooks, computes);
    assert.strictEqual(rows.length, 101);
    const more = rows[100];
    // No "Load all in this range" for computes: the node is a plain "more" (showMore).
    assert.strictEqual(contextValue(more), 'showMore');
    assert.strictEqual(more.getTreeItem().description, '100 of 2,000 loaded');
    emulator.resetRequests();
    await Promise.all([
      vscode.commands.executeCommand('gamelift.explorer.loadMore', more),
      vscode.commands.executeCommand('gamelift.explorer.loadMore', more),
    ]);
    assert.strictEqual(emulator.requests.filter((r) => r.operation === 'ListCompute').length, 1);
    rows = await childrenOf(hooks, computes);
    assert.strictEqual(rows.length, 201);
    assert.strictEqual(rows[200].getTreeItem().description, '200 of 2,000 loaded');
    assert.ok(
      rows.some((r) => r.getTreeItem().contextValue === 'compute:attention'),
      'a TERMINATING compute among the first 200',
    );
    assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length, 'stable, unique node IDs');
  });
});
