// The fleet overview panel inside the real VS Code against the local endpoint, for each fleet
// kind (EC2 multi-location, Anywhere, container): its sections in order, each loaded on its own;
// one section failing while the others show, and its Retry; computes paged and filtered; the
// command from a fleet row and from the palette.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { OverviewsSnapshot } from '../../src/overview/overviews';
import type { SectionState, SectionView } from '../../src/overview/protocol';
import { OVERVIEW_FLEETS, OVERVIEW_REGION } from '../emulator/fixtures';
import { childrenOf, localEndpointSuite, ScriptedPrompts, waitFor } from './explorerSupport';

type Overview = OverviewsSnapshot['overviews'][number];

describe('Fleet overview (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  const suite = localEndpointSuite(OVERVIEW_REGION);
  const target = () => suite.hooks.explorer.model.targets[0];

  async function snapshot(): Promise<OverviewsSnapshot> {
    return vscode.commands.executeCommand<OverviewsSnapshot>('gamelift.overview._snapshot');
  }

  async function open(fleetId: string): Promise<Overview> {
    await vscode.commands.executeCommand('gamelift.showFleetOverview', { ref: { target: target(), fleetId } });
    return overviewOf(fleetId);
  }

  async function overviewOf(fleetId: string): Promise<Overview> {
    const found = (await snapshot()).overviews.find((o) => o.ref.fleetId === fleetId);
    assert.ok(found, `an overview of ${fleetId} is open`);
    return found;
  }

  function ready<K extends SectionView['kind']>(o: Overview, id: K): Extract<SectionView, { kind: K }> {
    const state = o.sections.find((s) => s.id === id);
    assert.ok(state?.state === 'ready', `${id} is ready: ${JSON.stringify(state)}`);
    assert.strictEqual(state.view.kind, id);
    return state.view as Extract<SectionView, { kind: K }>;
  }

  async function deliver(fleetId: string, message: unknown): Promise<Overview> {
    await vscode.commands.executeCommand('gamelift.overview._deliver', fleetId, message);
    return overviewOf(fleetId);
  }

  it('EC2 multi-location: attributes, launch paths, capacity and status per location, computes', async () => {
    const o = await open(OVERVIEW_FLEETS.multiLocation);
    assert.deepStrictEqual(
      o.sections.map((s) => s.id),
      ['attributes', 'runtime', 'locations', 'computes'],
    );
    assert.strictEqual(o.title, 'Overview: arena-global');
    const attributes = ready(o, 'attributes');
    assert.ok(attributes.fields.some((f) => f.label === 'Instance type' && f.value === 'c6i.xlarge'));
    assert.ok(ready(o, 'runtime').processes.length > 0);
    const locations = ready(o, 'locations');
    const record = suite.emulator.state.getFleet(OVERVIEW_FLEETS.multiLocation)!;
    assert.deepStrictEqual(
      locations.locations.map((l) => l.location),
      record.locations.map((l) => l.location),
    );
    assert.strictEqual(locations.locations.find((l) => l.location === 'ap-south-1')?.status?.tone, 'error');
    assert.strictEqual(locations.locations[0].instances?.active, 4);
    const computes = ready(o, 'computes');
    assert.ok(computes.computes.length > 0);
    assert.strictEqual(computes.statusFilter, false);
  });

  it('Anywhere: locations without counts, the IMPAIRED compute standing out, filtered by location', async () => {
    const o = await open(OVERVIEW_FLEETS.anywhere);
    assert.deepStrictEqual(
      o.sections.map((s) => s.id),
      ['attributes', 'runtime', 'locations', 'computes'],
    );
    assert.strictEqual(ready(o, 'locations').hasCounts, false);
    const computes = ready(o, 'computes');
    assert.strictEqual(computes.computes.length, 4);
    assert.ok(computes.computes.find((c) => c.name === 'studio-box-03')?.attention);
    suite.emulator.resetRequests();
    const filtered = ready(
      await deliver(OVERVIEW_FLEETS.anywhere, { type: 'filterComputes', filter: { location: 'custom-home-lab' } }),
      'computes',
    );
    const call = suite.emulator.requests.find((r) => r.operation === 'ListCompute');
    assert.strictEqual(call?.input?.Location, 'custom-home-lab', 'the filter goes to ListCompute');
    assert.deepStrictEqual(filtered.filter, { location: 'custom-home-lab' });
    assert.ok(filtered.computes.length > 0 && filtered.computes.every((c) => c.location === 'custom-home-lab'));
    assert.strictEqual(
      suite.emulator.requests.filter((r) => r.operation !== 'ListCompute').length,
      0,
      'no other section reloads',
    );
  });

  it('container: deployments with the rollback, the log group, IMPAIRED computes by filter', async () => {
    const o = await open(OVERVIEW_FLEETS.containerRollback);
    assert.deepStrictEqual(
      o.sections.map((s) => s.id),
      ['attributes', 'locations', 'computes', 'deployments', 'logs'],
    );
    const deployments = ready(o, 'deployments');
    assert.strictEqual(deployments.deployments[0].status.status, 'ROLLBACK_IN_PROGRESS');
    assert.ok(deployments.latest && deployments.latest.locations.length >= 2);
    const logs = ready(o, 'logs');
    assert.strictEqual(logs.destination, 'cloudwatch');
    assert.ok(ready(o, 'computes').statusFilter);
    const impaired = ready(
      await deliver(OVERVIEW_FLEETS.containerRollback, { type: 'filterComputes', filter: { status: 'IMPAIRED' } }),
      'computes',
    );
    assert.ok(impaired.computes.length > 0);
    assert.ok(impaired.computes.every((c) => c.status.status === 'IMPAIRED' && c.attention));
    for (const [fleetId, destination, advice] of [
      [OVERVIEW_FLEETS.containerS3Logs, 's3', /S3 bucket/],
      [OVERVIEW_FLEETS.containerNoLogs, 'none', /LogDestination=CLOUDWATCH/],
    ] as const) {
      const other = ready(await open(fleetId), 'logs');
      assert.strictEqual(other.destination, destination);
      assert.match(other.advice ?? '', advice);
    }
  });

  it('shows one failing section with its error while the others load, and Retry brings it back', async () => {
    suite.emulator.setFaults({ rules: [{ kind: 'unauthorized', operations: ['DescribeFleetLocationAttributes'] }] });
    const o = await open(OVERVIEW_FLEETS.multiLocation);
    const failed = o.sections.find((s) => s.id === 'locations') as Extract<SectionState, { state: 'error' }>;
    assert.strictEqual(failed.state, 'error');
    assert.match(failed.message, /^Reading the locations and capacity of fleet-/);
    assert.match(failed.message, /gamelift:DescribeFleetLocationAttributes/);
    for (const id of ['attributes', 'runtime', 'computes'] as const) ready(o, id);

    suite.emulator.setFaults({ rules: [] });
    suite.emulator.resetRequests();
    const retried = await deliver(OVERVIEW_FLEETS.multiLocation, { type: 'refresh', section: 'locations' });
    assert.ok(ready(retried, 'locations').locations.length > 1);
    assert.ok(
      !suite.emulator.requests.some((r) => r.operation === 'DescribeFleetAttributes' || r.operation === 'ListCompute'),
      'Retry reloads only its section',
    );
  });

  it('a slow section does not hold up the others', async () => {
    suite.emulator.setFaults({ rules: [{ kind: 'latency', ms: 3000, operations: ['DescribeRuntimeConfiguration'] }] });
    await vscode.commands.executeCommand('gamelift.showFleetOverview', {
      ref: { target: target(), fleetId: OVERVIEW_FLEETS.multiLocation },
    });
    // The panel's state as it is (the snapshot hook does not wait for it to settle).
    const early = await waitFor('attributes, locations and computes shown', async () => {
      const now = await vscode.commands.executeCommand<OverviewsSnapshot>('gamelift.overview._snapshot', false);
      const o = now.overviews.find((x) => x.ref.fleetId === OVERVIEW_FLEETS.multiLocation);
      const shown = o?.sections.filter((s) => s.state === 'ready').map((s) => s.id) ?? [];
      return ['attributes', 'locations', 'computes'].every((id) => shown.includes(id as never)) ? o : undefined;
    });
    assert.strictEqual(early.sections.find((s) => s.id === 'runtime')?.state, 'loading');
    ready(await overviewOf(OVERVIEW_FLEETS.multiLocation), 'runtime');
  });

  it('loads more computes page by page; a second click while one loads joins it', async () => {
    const o = await open(OVERVIEW_FLEETS.multiLocation);
    const first = ready(o, 'computes');
    // The default scenario's fleet has fewer computes than a page: nothing more to load.
    assert.strictEqual(first.hasMore, false);
    suite.emulator.resetRequests();
    await Promise.all([
      vscode.commands.executeCommand('gamelift.overview._deliver', OVERVIEW_FLEETS.multiLocation, {
        type: 'loadMoreComputes',
      }),
      vscode.commands.executeCommand('gamelift.overview._deliver', OVERVIEW_FLEETS.multiLocation, {
        type: 'loadMoreComputes',
      }),
    ]);
    assert.strictEqual(suite.emulator.requests.filter((r) => r.operation === 'ListCompute').length, 0);
  });

  it('opens from a fleet row (its inline action passes the node) and from the palette with the fleet pick', async () => {
    const node = await waitFor('the Anywhere fleet row', async () =>
      (await childrenOf(suite.hooks)).find(
        (n) => (n as unknown as { ref?: { fleetId: string } }).ref?.fleetId === OVERVIEW_FLEETS.anywhere,
      ),
    );
    await vscode.commands.executeCommand('gamelift.showFleetOverview', node);
    assert.ok((await snapshot()).overviews.some((x) => x.ref.fleetId === OVERVIEW_FLEETS.anywhere));

    const prompts = new ScriptedPrompts({
      pick: {
        fleet: (items) =>
          items.find(
            (i) => (i as unknown as { ref?: { fleetId: string } }).ref?.fleetId === OVERVIEW_FLEETS.multiLocation,
          ),
      },
    });
    suite.hooks.prompts.current = prompts;
    await vscode.commands.executeCommand('gamelift.showFleetOverview');
    assert.deepStrictEqual(prompts.asked, ['fleet']);
    assert.ok((await snapshot()).overviews.some((x) => x.ref.fleetId === OVERVIEW_FLEETS.multiLocation));
    // Cancelling the pick opens nothing.
    suite.hooks.prompts.current = new ScriptedPrompts({ pick: { fleet: () => undefined } });
    const before = (await snapshot()).overviews.length;
    await vscode.commands.executeCommand('gamelift.showFleetOverview');
    assert.strictEqual((await snapshot()).overviews.length, before);
  });
});
