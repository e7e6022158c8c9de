// The explorer model's resource rows through the real SDK against the local endpoint: the fleet
// rows' capacities after a listing (one call, not holding up the list), the Locations/Computes
// summary shared while it loads, computes paged with a shared "Load more", errors kept for Retry,
// Refresh dropping what is in flight, and Retry of a failed container-fleet description.
import * as assert from 'node:assert/strict';
import { ExplorerModel } from '../../../src/explorer/model/explorerModel';
import { createClientFactory, type ClientFactory } from '../../../src/gamelift/clientFactory';
import type { ConnectionTarget } from '../../../src/gamelift/types';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../../emulator/credentials';
import {
  OVERVIEW_FLEETS,
  OVERVIEW_REGION,
  SINGLE_LOCATION_FLEET,
  SINGLE_LOCATION_REGION,
} from '../../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('explorer: fleet resource rows against the local endpoint', () => {
  let emulator: RunningEmulator;
  let clients: ClientFactory;
  let model: ExplorerModel;
  let target: ConnectionTarget;
  let capacityEvents: ConnectionTarget[];
  const calls = (operation: string) => emulator.requests.filter((r) => r.operation === operation);

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    target = { profile: DEFAULT_TEST_ACCOUNT.profile, region: OVERVIEW_REGION, endpoint: emulator.url };
  });

  beforeEach(() => {
    emulator.setFaults({ rules: [] });
    emulator.resetRequests();
    clients = createClientFactory({ credentials: testCredentials(), maxAttempts: 1 });
    capacityEvents = [];
    model = new ExplorerModel(clients, {
      pageSize: 10,
      defaultWindow: () => ({ preset: 'all' }),
      now: () => Date.now(),
      onCapacities: (t) => capacityEvents.push(t),
    });
    model.setTargets([target]);
  });

  afterEach(() => {
    model.dispose();
    clients.forget();
  });

  after(async () => emulator.stop());

  const fleetState = async (fleetId: string, where = target) => {
    const connection = model.connection(where);
    await connection.ensureLoaded();
    const summary = connection.fleets?.find((f) => f.fleetId === fleetId);
    assert.ok(summary, `${fleetId} is listed`);
    return model.fleet({ target: where, fleetId }, summary);
  };

  it("reads the listed fleets' home capacities with one call after the listing, Anywhere fleets left out", async () => {
    const connection = model.connection(target);
    await connection.ensureLoaded();
    assert.ok(connection.fleets?.length, 'the fleets are listed before their capacities arrive');
    await connection.capacityLoad;
    assert.equal(calls('DescribeFleetCapacity').length, 1);
    const asked = calls('DescribeFleetCapacity')[0].input as { FleetIds: string[] };
    assert.ok(!asked.FleetIds.includes(OVERVIEW_FLEETS.anywhere), 'Anywhere fleets have no instances to count');
    const home = connection.capacities?.get(OVERVIEW_FLEETS.multiLocation);
    assert.equal(home?.instances.active, 4);
    assert.equal(home?.instances.desired, 4);
    assert.deepEqual(capacityEvents, [target], 'the view is told once');
  });

  it('keeps the fleets listed when the capacity read fails, and says why', async () => {
    emulator.setFaults({ rules: [{ kind: 'unauthorized', operations: ['DescribeFleetCapacity'] }] });
    const connection = model.connection(target);
    await connection.ensureLoaded();
    await connection.capacityLoad;
    assert.ok(connection.fleets?.length);
    assert.equal(connection.error, undefined);
    assert.equal(connection.capacities, undefined);
    assert.match(connection.capacityError?.message ?? '', /^Reading the capacity of the fleets in ap-southeast-2/);
  });

  it('summarizes locations and computes once while the summary loads, reusing the listed capacity', async () => {
    const fleet = await fleetState(OVERVIEW_FLEETS.multiLocation);
    const connection = model.connection(target);
    await connection.capacityLoad;
    emulator.resetRequests();
    const capacity = connection.capacities?.get(OVERVIEW_FLEETS.multiLocation);
    await Promise.all([
      fleet.resources.ensureLoaded(fleet.summary!, capacity),
      fleet.resources.ensureLoaded(fleet.summary!, capacity),
    ]);
    assert.equal(calls('DescribeFleetLocationAttributes').length, 1);
    assert.equal(calls('DescribeFleetCapacity').length, 0, 'the home Region came from the listing');
    const summary = fleet.resources.summary;
    assert.ok(summary?.locations.ok && summary.computes.ok);
    assert.equal(summary.locations.value.multiLocation, true);
    assert.equal(summary.locations.value.locations[0].location, OVERVIEW_REGION, 'home Region first');
    assert.equal(summary.locations.value.worstStatus, 'ERROR');
    assert.ok(summary.computes.value.count > 0);
    // Loaded: no more calls.
    await fleet.resources.ensureLoaded(fleet.summary!, capacity);
    assert.equal(calls('DescribeFleetLocationAttributes').length, 1);
  });

  it('knows a fleet in a Region without multi-location fleets has only its home Region', async () => {
    const single = { ...target, region: SINGLE_LOCATION_REGION };
    model.setTargets([target, single]);
    const fleet = await fleetState(SINGLE_LOCATION_FLEET, single);
    await fleet.resources.ensureLoaded(fleet.summary!);
    const locations = fleet.resources.summary?.locations;
    assert.ok(locations?.ok);
    assert.equal(locations.value.multiLocation, false);
    assert.deepEqual(
      locations.value.locations.map((l) => l.location),
      [SINGLE_LOCATION_REGION],
    );
  });

  it('pages computes, a double "Load more" loading one page, and keeps a failed page for Retry', async () => {
    const fleet = await fleetState(OVERVIEW_FLEETS.anywhere);
    const resources = fleet.resources;
    assert.equal(resources.computesStarted, false);
    await Promise.all([resources.loadMoreComputes(), resources.loadMoreComputes()]);
    assert.equal(calls('ListCompute').length, 1);
    const statuses = resources.computes.map((c) => c.status);
    assert.ok(statuses.includes('IMPAIRED'), `an IMPAIRED compute among ${statuses.join(', ')}`);

    emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['ListCompute'] }] });
    const paged = model.fleet({ target, fleetId: OVERVIEW_FLEETS.multiLocation });
    await paged.resources.loadMoreComputes();
    assert.match(paged.resources.computesError?.message ?? '', /^Listing the computes of fleet-/);
    assert.equal(paged.resources.computes.length, 0);
    emulator.setFaults({ rules: [] });
    await paged.resources.loadMoreComputes();
    assert.equal(paged.resources.computesError, undefined);
    assert.ok(paged.resources.computes.length > 0, 'Retry loads the page');
  });

  it('drops a summary still loading on Refresh; the next expansion loads again', async () => {
    const fleet = await fleetState(OVERVIEW_FLEETS.multiLocation);
    emulator.setFaults({ rules: [{ kind: 'latency', ms: 300, operations: ['DescribeFleetLocationAttributes'] }] });
    const first = fleet.resources.ensureLoaded(fleet.summary!);
    assert.equal(fleet.resources.isLoading, true);
    const summary = () => fleet.resources.summary;
    fleet.resources.reset();
    await first;
    assert.equal(summary(), undefined, 'a dropped load leaves nothing behind');
    emulator.setFaults({ rules: [] });
    await fleet.resources.ensureLoaded(fleet.summary!);
    assert.ok(summary()?.locations.ok);
  });

  it('Retry describes a container fleet whose description failed at once, despite its backoff', async () => {
    emulator.setFaults({
      rules: [{ kind: 'internalError', operations: ['DescribeContainerFleet', 'ListContainerFleets'] }],
    });
    const connection = model.connection(target);
    await connection.ensureLoaded();
    const failed = connection.fleets?.find((f) => f.fleetId === OVERVIEW_FLEETS.containerRollback);
    assert.ok(failed?.describeError, 'the fleet is listed with its error');
    assert.ok((failed.describeRetryAt ?? 0) > Date.now(), 'with the time of the next try');
    // A listing within the wait does not call again.
    const before = calls('DescribeContainerFleet').length + calls('ListContainerFleets').length;
    await connection.load();
    assert.equal(calls('DescribeContainerFleet').length + calls('ListContainerFleets').length, before);
    emulator.setFaults({ rules: [] });
    await connection.retryDescribe(OVERVIEW_FLEETS.containerRollback);
    const described = connection.fleets?.find((f) => f.fleetId === OVERVIEW_FLEETS.containerRollback);
    assert.equal(described?.describeError, undefined);
    assert.ok(described?.name, 'described: it has its name');
  });
});
