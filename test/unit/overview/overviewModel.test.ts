// What the overview page is given for each section of each fleet kind, built from what the real
// SDK read from the local endpoint: attributes, launch paths, locations with counts (none for
// Anywhere), computes with IMPAIRED standing out, a rolling-back deployment, and each log
// destination with its advice.
import * as assert from 'node:assert/strict';
import { ComputePager } from '../../../src/gamelift/computes';
import {
  loadOverviewSection,
  type OverviewSectionData,
  type OverviewSectionId,
} from '../../../src/gamelift/fleetOverview';
import { describeFleet } from '../../../src/gamelift/fleetService';
import { describeContainerFleetDetails } from '../../../src/gamelift/containerFleetDetails';
import type { FleetSummary } from '../../../src/gamelift/types';
import {
  attributesView,
  computesView,
  deploymentsView,
  locationsView,
  logsView,
  runtimeView,
} from '../../../src/overview/overviewModel';
import { OVERVIEW_FLEETS, OVERVIEW_REGION } from '../../emulator/fixtures';
import { type EmulatorHarness, startHarness } from '../gamelift/helpers/emulator';

describe('overview: section views from the local endpoint', () => {
  let h: EmulatorHarness;
  const client = () => h.client({ region: OVERVIEW_REGION });
  const summaryOf = async (fleetId: string): Promise<FleetSummary> =>
    (await describeFleet(client(), fleetId)) ?? (await describeContainerFleetDetails(client(), fleetId)).summary;
  async function section<K extends OverviewSectionId>(id: K, fleet: FleetSummary): Promise<OverviewSectionData[K]> {
    const outcome = await loadOverviewSection(id, { client: client(), fleet, region: OVERVIEW_REGION });
    assert.ok(outcome.ok, `${id}: ${outcome.ok ? '' : outcome.error.message}`);
    return outcome.value;
  }

  before(async () => {
    h = await startHarness('default');
  });
  after(async () => h.stop());

  it('EC2 multi-location: attributes, launch paths, every location with its counts, ERROR standing out', async () => {
    const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
    const attributes = attributesView(await section('attributes', fleet));
    const field = (label: string) => attributes.fields.find((f) => f.label === label);
    assert.equal(field('Name')?.value, 'arena-global');
    assert.equal(field('Fleet ID')?.mono, true);
    assert.equal(field('Instance type')?.value, 'c6i.xlarge');
    assert.match(field('Created')?.value ?? '', /UTC$/);
    assert.equal(field('Game server container group definition'), undefined, 'no container rows for EC2');

    const runtime = runtimeView(await section('runtime', fleet));
    assert.ok(runtime.processes.length > 0);
    assert.match(runtime.processes[0].launchPath, /^\/local\/game\//);

    const locations = locationsView(await section('locations', fleet), fleet, OVERVIEW_REGION);
    assert.equal(locations.multiLocation, true);
    assert.equal(locations.hasCounts, true);
    assert.equal(locations.locations[0].location, OVERVIEW_REGION);
    assert.equal(locations.locations[0].home, true);
    assert.deepEqual(locations.locations[0].instances, {
      desired: 4,
      minimum: 2,
      maximum: 16,
      pending: 0,
      active: 4,
      idle: 1,
      terminating: 0,
    });
    const failed = locations.locations.find((l) => l.location === 'ap-south-1');
    assert.deepEqual(failed?.status, { status: 'ERROR', label: 'Error', tone: 'error' });
    assert.deepEqual(locations.locations.find((l) => l.location === 'ap-southeast-1')?.stoppedActions, [
      'AUTO_SCALING',
    ]);
    assert.equal(locations.locations.find((l) => l.location === 'us-west-2')?.updateStatus, 'PENDING_UPDATE');
  });

  it('Anywhere: locations without counts, computes with the IMPAIRED one standing out', async () => {
    const fleet = await summaryOf(OVERVIEW_FLEETS.anywhere);
    const locations = locationsView(await section('locations', fleet), fleet, OVERVIEW_REGION);
    assert.equal(locations.hasCounts, false);
    assert.ok(locations.locations.every((l) => l.instances === undefined));
    const { pager } = await section('computes', fleet);
    const view = computesView({
      computes: pager.computes,
      hasMore: pager.hasMore,
      filter: {},
      isContainerFleet: false,
      loadingMore: false,
    });
    assert.equal(view.statusFilter, false, 'ListCompute filters by status only for container fleets');
    const impaired = view.computes.find((c) => c.name === 'studio-box-03');
    assert.deepEqual(impaired?.status, { status: 'IMPAIRED', label: 'Impaired', tone: 'error' });
    assert.equal(impaired?.attention, true);
    assert.equal(impaired?.address, '192.168.10.23');
    assert.equal(view.computes.find((c) => c.name === 'studio-box-01')?.attention, false);
  });

  it('container: a rolling-back deployment with its status per location, and the CloudWatch log group', async () => {
    const fleet = await summaryOf(OVERVIEW_FLEETS.containerRollback);
    const attributes = attributesView(await section('attributes', fleet));
    assert.ok(attributes.fields.some((f) => f.label === 'Game server container group definition'));
    const deployments = deploymentsView(await section('deployments', fleet));
    assert.equal(deployments.deployments[0].status.status, 'ROLLBACK_IN_PROGRESS');
    assert.equal(deployments.deployments[0].status.tone, 'warning');
    assert.equal(deployments.deployments[0].rollback, true);
    assert.equal(deployments.latest?.deploymentId, deployments.deployments[0].deploymentId);
    assert.deepEqual(
      deployments.latest?.locations.map((l) => [l.location, l.status.tone]),
      [
        [OVERVIEW_REGION, 'warning'],
        ['ap-northeast-1', 'error'],
      ],
    );
    assert.ok(deployments.latest?.fields.some((f) => f.label === 'When impaired' && f.value === 'ROLLBACK'));
    const logs = logsView(fleet.fleetId, await section('logs', fleet));
    assert.equal(logs.destination, 'cloudwatch');
    assert.equal(logs.advice, undefined);

    const pager = new ComputePager(client(), fleet.fleetId, { status: 'IMPAIRED' });
    await pager.loadNextPage();
    const impaired = computesView({
      computes: pager.computes,
      hasMore: pager.hasMore,
      filter: { status: 'IMPAIRED' },
      isContainerFleet: true,
      loadingMore: false,
    });
    assert.ok(impaired.computes.length > 0);
    assert.ok(impaired.computes.every((c) => c.attention && c.status.status === 'IMPAIRED'));
    assert.equal(impaired.statusFilter, true);
  });

  it('says where S3 logs are and how to turn logs on for NONE', async () => {
    const s3 = logsView(
      OVERVIEW_FLEETS.containerS3Logs,
      await section('logs', await summaryOf(OVERVIEW_FLEETS.containerS3Logs)),
    );
    assert.equal(s3.destination, 's3');
    assert.ok(s3.fields.some((f) => f.label === 'Bucket' && f.value === 'arena-container-logs-111122223333'));
    assert.match(s3.advice ?? '', /S3 bucket arena-container-logs-111122223333/);
    const none = logsView(
      OVERVIEW_FLEETS.containerNoLogs,
      await section('logs', await summaryOf(OVERVIEW_FLEETS.containerNoLogs)),
    );
    assert.equal(none.destination, 'none');
    assert.match(none.advice ?? '', /update-container-fleet .*LogDestination=CLOUDWATCH/);
  });
});
