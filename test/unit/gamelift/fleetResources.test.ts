// The read services behind the fleet overview and the tree's Locations and Computes rows,
// through the real SDK against the local endpoint: capacity per location, location states with
// the home-Region fallback, computes (paged, filtered), deployments, the log configuration, the
// tree summaries with the fewest calls, and each overview section failing on its own.
import * as assert from 'node:assert/strict';
import { ComputePager, listComputes, worstComputeStatus } from '../../../src/gamelift/computes';
import {
  describeContainerFleetDetails,
  logDestinationAdvice,
  logDestinationOf,
  parseLogGroupArn,
} from '../../../src/gamelift/containerFleetDetails';
import { describeFleetDeployment, isRollback, listFleetDeployments } from '../../../src/gamelift/deployments';
import { describeHomeCapacities, describeLocationCapacity } from '../../../src/gamelift/fleetCapacity';
import { describeFleetLocations, describeFleetLocationsOrHome } from '../../../src/gamelift/fleetLocations';
import { loadOverviewSection, overviewSectionsFor } from '../../../src/gamelift/fleetOverview';
import {
  summarizeComputes,
  summarizeFleetResources,
  summarizeLocations,
  worstLocationStatus,
} from '../../../src/gamelift/fleetResourceSummary';
import { describeFleet } from '../../../src/gamelift/fleetService';
import type { FleetSummary } from '../../../src/gamelift/types';
import {
  DEFAULT_FLEETS,
  OVERVIEW_FLEETS,
  OVERVIEW_LOG_GROUP,
  OVERVIEW_REGION,
  SINGLE_LOCATION_FLEET,
  SINGLE_LOCATION_REGION,
} from '../../emulator/fixtures';
import { type EmulatorHarness, startHarness } from './helpers/emulator';

describe('fleet resources: capacity, locations, computes, deployments (local endpoint, real SDK)', () => {
  let h: EmulatorHarness;
  const sydney = () => h.client({ region: OVERVIEW_REGION });
  const summaryOf = async (fleetId: string, region = OVERVIEW_REGION) => {
    const client = h.client({ region });
    return (await describeFleet(client, fleetId)) ?? (await describeContainerFleetDetails(client, fleetId)).summary;
  };
  // The computes summary from the locations' counts, with only its own requests recorded.
  const computesAfterLocations = async (fleet: FleetSummary) => {
    const locations = await summarizeLocations(sydney(), fleet, { region: OVERVIEW_REGION });
    h.emulator.resetRequests();
    return summarizeComputes(
      sydney(),
      fleet,
      locations.locations.flatMap((l) => (l.instances ? [l.instances] : [])),
    );
  };
  before(async () => {
    h = await startHarness('default');
  });
  after(async () => h.stop());
  beforeEach(() => h.emulator.resetRequests());

  describe('capacity', () => {
    it('reads the home Region of many fleets with one DescribeFleetCapacity per batch', async () => {
      const ids = h.emulator.state.fleetsOf('111122223333', OVERVIEW_REGION).map((f) => f.fleetId);
      const capacities = await describeHomeCapacities(sydney(), ids, { batchSize: 2 });
      assert.equal(h.calls('DescribeFleetCapacity').length, Math.ceil(ids.length / 2));
      const home = capacities.get(OVERVIEW_FLEETS.multiLocation);
      assert.deepEqual(home?.instances, {
        desired: 4,
        minimum: 2,
        maximum: 16,
        pending: 0,
        active: 4,
        idle: 1,
        terminating: 0,
      });
      assert.equal(home?.location, OVERVIEW_REGION);
      assert.equal(capacities.get(OVERVIEW_FLEETS.containerRollback)?.containerGroups?.active, 6);
    });

    it('reads one remote location', async () => {
      const failed = await describeLocationCapacity(sydney(), OVERVIEW_FLEETS.multiLocation, 'ap-south-1');
      assert.equal(failed.location, 'ap-south-1');
      assert.equal(failed.instances.desired, 2);
      assert.equal(failed.instances.active, 0);
    });
  });

  describe('locations', () => {
    it('gives each location its status, stopped actions and update status', async () => {
      const locations = await describeFleetLocations(sydney(), OVERVIEW_FLEETS.multiLocation);
      assert.deepEqual(locations, [
        { location: OVERVIEW_REGION, status: 'ACTIVE' },
        { location: 'ap-northeast-1', status: 'ACTIVE' },
        { location: 'ap-southeast-1', status: 'ACTIVE', stoppedActions: ['AUTO_SCALING'] },
        { location: 'us-west-2', status: 'ACTIVE', updateStatus: 'PENDING_UPDATE' },
        { location: 'ap-south-1', status: 'ERROR' },
      ]);
    });

    it('pages with the SDK paginator', async () => {
      const many = await startHarness({
        accounts: [
          {
            profile: 'local-dev',
            regions: {
              'us-west-2': [
                {
                  fleetId: 'fleet-11111111-2222-4333-8444-555555555555',
                  name: 'wide',
                  locations: Array.from({ length: 150 }, (_, i) => ({ location: `custom-loc-${i}`, status: 'ACTIVE' })),
                },
              ],
            },
          },
        ],
      });
      try {
        const locations = await describeFleetLocations(many.client(), 'fleet-11111111-2222-4333-8444-555555555555');
        assert.equal(locations.length, 151);
        assert.equal(new Set(locations.map((l) => l.location)).size, 151);
        assert.equal(many.calls('DescribeFleetLocationAttributes').length, 2);
      } finally {
        await many.stop();
      }
    });

    it('falls back to the home Region quietly where the Region has no multi-location fleets', async () => {
      const paris = h.client({ region: SINGLE_LOCATION_REGION });
      const result = await describeFleetLocationsOrHome(paris, SINGLE_LOCATION_FLEET, {
        region: SINGLE_LOCATION_REGION,
        status: 'ACTIVE',
      });
      assert.deepEqual(result, {
        locations: [{ location: SINGLE_LOCATION_REGION, status: 'ACTIVE' }],
        multiLocation: false,
      });
      assert.equal(h.calls('DescribeFleetLocationAttributes')[0]?.errorCode, 'UnsupportedRegionException');
      // Other errors still surface.
      await assert.rejects(
        describeFleetLocationsOrHome(sydney(), 'fleet-00000000-0000-4000-8000-000000000000', {
          region: OVERVIEW_REGION,
        }),
        { name: 'NotFoundException' },
      );
    });

    it('summarizes locations with their counts: one attributes call, one capacity call per remote location', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
      const home = (await describeHomeCapacities(sydney(), [fleet.fleetId])).get(fleet.fleetId);
      h.emulator.resetRequests();
      const summary = await summarizeLocations(sydney(), fleet, { region: OVERVIEW_REGION, capacity: home });
      assert.equal(summary.multiLocation, true);
      assert.equal(summary.worstStatus, 'ERROR');
      assert.deepEqual(
        summary.locations.map((l) => [l.location, l.status, l.instances?.active, l.instances?.desired]),
        [
          [OVERVIEW_REGION, 'ACTIVE', 4, 4],
          ['ap-northeast-1', 'ACTIVE', 3, 3],
          ['ap-southeast-1', 'ACTIVE', 2, 2],
          ['us-west-2', 'ACTIVE', 1, 2],
          ['ap-south-1', 'ERROR', 0, 2],
        ],
      );
      assert.equal(h.calls('DescribeFleetLocationAttributes').length, 1);
      assert.equal(h.calls('DescribeFleetLocationCapacity').length, 4);
      assert.equal(h.emulator.requests.length, 5);
    });

    it('keeps the other locations when one location capacity fails', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
      h.emulator.setFaults({
        rules: [{ kind: 'internalError', operations: ['DescribeFleetLocationCapacity'], times: 5 }],
      });
      try {
        const client = h.client({ region: OVERVIEW_REGION, maxAttempts: 1 });
        const summary = await summarizeLocations(client, fleet, { region: OVERVIEW_REGION });
        const failed = summary.locations.filter((l) => l.capacityError);
        assert.equal(failed.length, 4, 'each remote location failed on its own');
        assert.equal(failed[0].capacityError?.kind, 'internal');
        assert.match(failed[0].capacityError?.message ?? '', /Reading the capacity of fleet-e7428982.* in /);
        const home = summary.locations[0];
        assert.equal(home.instances?.active, 4, 'the home Region comes from DescribeFleetCapacity');
        assert.equal(summary.locations.find((l) => l.location === 'ap-south-1')?.status, 'ERROR');
      } finally {
        h.emulator.setFaults({});
      }
    });

    it('uses DescribeFleetCapacity for the home Region of a single-location Region', async () => {
      const fleet = await summaryOf(SINGLE_LOCATION_FLEET, SINGLE_LOCATION_REGION);
      h.emulator.resetRequests();
      const summary = await summarizeLocations(h.client({ region: SINGLE_LOCATION_REGION }), fleet, {
        region: SINGLE_LOCATION_REGION,
      });
      assert.equal(summary.multiLocation, false);
      assert.deepEqual(
        summary.locations.map((l) => [l.location, l.status, l.instances?.active, l.capacityError]),
        [[SINGLE_LOCATION_REGION, 'ACTIVE', 2, undefined]],
      );
      assert.equal(h.calls('DescribeFleetLocationCapacity').length, 0);
    });

    it('ranks location statuses, ERROR first', () => {
      assert.equal(worstLocationStatus(['ACTIVE', 'UPDATING', 'ERROR']), 'ERROR');
      assert.equal(worstLocationStatus(['ACTIVE', 'ACTIVATING']), 'ACTIVATING');
      assert.equal(worstLocationStatus([undefined, 'ACTIVE']), 'ACTIVE');
      assert.equal(worstLocationStatus([]), undefined);
    });
  });

  describe('computes', () => {
    it('lists every compute with the SDK paginator, page by page', async () => {
      const pages: number[] = [];
      const computes = await listComputes(sydney(), OVERVIEW_FLEETS.multiLocation, {
        pageSize: 4,
        onPage: (page) => pages.push(page.length),
      });
      assert.equal(computes.length, 11);
      assert.deepEqual(pages, [4, 4, 3]);
      assert.equal(h.calls('ListCompute').length, 3);
      assert.ok(h.calls('ListCompute').every((c) => c.input?.Limit === 4));
      // "Active" from the service becomes ACTIVE.
      assert.deepEqual([...new Set(computes.map((c) => c.status))].sort(), ['ACTIVE', 'PENDING']);
      assert.ok(computes.every((c) => c.instanceId === c.name && c.location && typeof c.creationTime === 'number'));
    });

    it('filters by location and by status, and shows containers', async () => {
      const tokyo = await listComputes(sydney(), OVERVIEW_FLEETS.multiLocation, { location: 'ap-northeast-1' });
      assert.equal(tokyo.length, 3);
      assert.deepEqual(h.calls('ListCompute')[0]?.input?.Location, 'ap-northeast-1');
      const impaired = await listComputes(sydney(), OVERVIEW_FLEETS.containerRollback, { status: 'IMPAIRED' });
      assert.equal(impaired.length, 3);
      assert.ok(impaired.every((c) => c.status === 'IMPAIRED' && c.containers?.[0]?.name === 'game-server'));
    });

    it('pages on demand with ComputePager, sharing a load in flight', async () => {
      const pager = new ComputePager(sydney(), OVERVIEW_FLEETS.multiLocation, {}, 5);
      const [a, b] = await Promise.all([pager.loadNextPage(), pager.loadNextPage()]);
      assert.equal(a, b, 'a double click loads one page');
      assert.equal(pager.computes.length, 5);
      assert.equal(pager.hasMore, true);
      await pager.loadNextPage();
      const last = await pager.loadNextPage();
      assert.equal(last.length, 1);
      assert.equal(pager.hasMore, false);
      assert.deepEqual(await pager.loadNextPage(), []);
      assert.equal(h.calls('ListCompute').length, 3);
      assert.equal(new Set(pager.computes.map((c) => c.name)).size, 11);
    });

    it('cancels the page in flight', async () => {
      h.emulator.setFaults({ rules: [{ kind: 'latency', ms: 300, operations: ['ListCompute'] }] });
      try {
        const pager = new ComputePager(sydney(), OVERVIEW_FLEETS.multiLocation);
        const load = pager.loadNextPage();
        pager.cancel();
        await assert.rejects(load, (e: Error) => e.name === 'AbortError');
        assert.equal(pager.computes.length, 0);
        h.emulator.setFaults({});
        assert.equal((await pager.loadNextPage()).length, 11);
      } finally {
        h.emulator.setFaults({});
      }
    });

    it('ranks compute statuses: IMPAIRED, TERMINATING, PENDING, unknown, ACTIVE', () => {
      assert.equal(worstComputeStatus(['ACTIVE', 'PENDING', 'IMPAIRED', 'TERMINATING']), 'IMPAIRED');
      assert.equal(worstComputeStatus(['ACTIVE', 'TERMINATING']), 'TERMINATING');
      assert.equal(worstComputeStatus(['ACTIVE', 'REBOOTING']), 'REBOOTING');
      assert.equal(worstComputeStatus([]), undefined);
    });

    it('summarizes EC2 computes from the instance counts, without ListCompute', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
      const summary = await computesAfterLocations(fleet);
      assert.deepEqual(summary, {
        count: 11,
        byStatus: { ACTIVE: 10, PENDING: 1 },
        source: 'instanceCounts',
        worstStatus: 'PENDING',
      });
      assert.equal(h.emulator.requests.length, 0);
      // The same as listing them.
      assert.equal((await listComputes(sydney(), fleet.fleetId)).length, summary.count);
    });

    it('summarizes container computes with one ListCompute for the IMPAIRED ones', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.containerRollback);
      const summary = await computesAfterLocations(fleet);
      assert.equal(summary.worstStatus, 'IMPAIRED');
      assert.equal(summary.byStatus.IMPAIRED, 3);
      assert.equal(summary.count, 5);
      assert.equal(h.calls('ListCompute').length, 1);
      assert.equal(h.calls('ListCompute')[0]?.input?.ComputeStatus, 'IMPAIRED');
    });

    it('summarizes Anywhere computes by listing them', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.anywhere);
      const summary = await summarizeComputes(sydney(), fleet, []);
      assert.deepEqual(summary, {
        count: 4,
        byStatus: { ACTIVE: 2, IMPAIRED: 1, PENDING: 1 },
        source: 'listCompute',
        worstStatus: 'IMPAIRED',
      });
    });

    it('summarizes a fleet: locations and computes, each its own outcome', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.anywhere);
      h.emulator.setFaults({ rules: [{ kind: 'unauthorized', operations: ['ListCompute'] }] });
      try {
        const summary = await summarizeFleetResources(h.client({ region: OVERVIEW_REGION, maxAttempts: 1 }), fleet, {
          region: OVERVIEW_REGION,
        });
        assert.ok(summary.locations.ok);
        assert.deepEqual(
          summary.locations.value.locations.map((l) => l.location),
          [OVERVIEW_REGION, 'custom-studio-sydney', 'custom-home-lab'],
        );
        assert.equal(h.calls('DescribeFleetLocationCapacity').length, 0, 'Anywhere locations have no instances');
        assert.ok(!summary.computes.ok);
        assert.equal(summary.computes.error.kind, 'unauthorized');
        assert.match(summary.computes.error.message, /^Reading the computes of fleet-630fbcfe/);
      } finally {
        h.emulator.setFaults({});
      }
    });
  });

  describe('deployments and log configuration', () => {
    it('lists deployments newest first and describes the rollback per location', async () => {
      const deployments = await listFleetDeployments(sydney(), OVERVIEW_FLEETS.containerRollback);
      assert.deepEqual(
        deployments.map((d) => d.status),
        ['ROLLBACK_IN_PROGRESS', 'COMPLETE', 'COMPLETE'],
      );
      assert.ok(isRollback(deployments[0].status));
      const latest = await describeFleetDeployment(sydney(), OVERVIEW_FLEETS.containerRollback);
      assert.equal(latest.deploymentId, deployments[0].deploymentId);
      assert.match(latest.rollbackGameServerBinaryArn ?? '', /game-server-group:4$/);
      assert.equal(latest.impairmentStrategy, 'ROLLBACK');
      assert.deepEqual(latest.locations, [
        { location: OVERVIEW_REGION, status: 'ROLLBACK_IN_PROGRESS' },
        { location: 'ap-northeast-1', status: 'IMPAIRED' },
      ]);
    });

    it('stops listing at the limit', async () => {
      const two = await listFleetDeployments(sydney(), OVERVIEW_FLEETS.containerRollback, { limit: 2 });
      assert.equal(two.length, 2);
      assert.equal(h.calls('ListFleetDeployments')[0]?.input?.Limit, 2);
    });

    it('reads where container logs go', async () => {
      const rollback = await describeContainerFleetDetails(sydney(), OVERVIEW_FLEETS.containerRollback);
      assert.deepEqual(rollback.logs, {
        kind: 'cloudwatch',
        logGroupArn: `arn:aws:logs:${OVERVIEW_REGION}:111122223333:log-group:${OVERVIEW_LOG_GROUP}`,
        logGroupName: OVERVIEW_LOG_GROUP,
        region: OVERVIEW_REGION,
        accountId: '111122223333',
      });
      assert.match(rollback.latestDeploymentId ?? '', /^deployment-/);
      assert.deepEqual(
        rollback.locations.map((l) => l.location),
        [OVERVIEW_REGION, 'ap-northeast-1'],
      );
      const s3 = await describeContainerFleetDetails(sydney(), OVERVIEW_FLEETS.containerS3Logs);
      assert.deepEqual(s3.logs, { kind: 's3', bucket: 'arena-container-logs-111122223333' });
      assert.match(logDestinationAdvice(OVERVIEW_FLEETS.containerS3Logs, s3.logs) ?? '', /s3:\/\/arena-container-logs/);
      const none = await describeContainerFleetDetails(sydney(), OVERVIEW_FLEETS.containerNoLogs);
      assert.deepEqual(none.logs, { kind: 'none' });
      assert.match(logDestinationAdvice(OVERVIEW_FLEETS.containerNoLogs, none.logs) ?? '', /LogDestination=CLOUDWATCH/);
      const unnamed = await describeContainerFleetDetails(h.client(), DEFAULT_FLEETS.container);
      assert.deepEqual(unnamed.logs, { kind: 'cloudwatch' });
    });

    it('parses log group ARNs, with or without the trailing :*', () => {
      assert.deepEqual(parseLogGroupArn('arn:aws:logs:eu-west-1:111122223333:log-group:/aws/gamelift/x:*'), {
        logGroupName: '/aws/gamelift/x',
        region: 'eu-west-1',
        accountId: '111122223333',
      });
      assert.equal(parseLogGroupArn('arn:aws-cn:logs:cn-north-1:1:log-group:a:b').logGroupName, 'a:b');
      assert.deepEqual(parseLogGroupArn('not-an-arn'), {});
      assert.deepEqual(logDestinationOf(undefined), { kind: 'cloudwatch' });
      assert.deepEqual(logDestinationOf({ LogDestination: 'S3' }), { kind: 's3' });
    });
  });

  describe('overview sections', () => {
    it('lists the sections each kind of fleet has', async () => {
      assert.deepEqual(overviewSectionsFor(await summaryOf(OVERVIEW_FLEETS.multiLocation)), [
        'attributes',
        'runtime',
        'locations',
        'computes',
      ]);
      assert.deepEqual(overviewSectionsFor(await summaryOf(OVERVIEW_FLEETS.containerRollback)), [
        'attributes',
        'locations',
        'computes',
        'deployments',
        'logs',
      ]);
    });

    it('loads each section on its own; one failing leaves the others', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.containerRollback);
      h.emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['ListFleetDeployments'] }] });
      try {
        const ctx = {
          client: h.client({ region: OVERVIEW_REGION, maxAttempts: 1 }),
          fleet,
          region: OVERVIEW_REGION,
          errorContext: { profile: 'local-dev', region: OVERVIEW_REGION },
        };
        const [attributes, locations, computes, deployments, logs] = await Promise.all([
          loadOverviewSection('attributes', ctx),
          loadOverviewSection('locations', ctx),
          loadOverviewSection('computes', ctx),
          loadOverviewSection('deployments', ctx),
          loadOverviewSection('logs', ctx),
        ]);
        assert.ok(attributes.ok && attributes.value.container?.latestDeploymentId);
        assert.ok(locations.ok && locations.value.worstStatus === 'UPDATING');
        assert.ok(computes.ok && computes.value.pager.computes.length === 6);
        assert.ok(logs.ok && logs.value.kind === 'cloudwatch');
        assert.ok(!deployments.ok);
        assert.equal(deployments.error.kind, 'internal');
        assert.equal(deployments.error.retryable, true);
        assert.match(
          deployments.error.message,
          /^Reading the deployments of containerfleet-9d22e19a.*\(profile "local-dev", ap-southeast-2\)/,
        );
        h.emulator.setFaults({});
        const retried = await loadOverviewSection('deployments', ctx);
        assert.ok(retried.ok && retried.value.latest?.status === 'ROLLBACK_IN_PROGRESS');
      } finally {
        h.emulator.setFaults({});
      }
    });

    it('reads the runtime configuration of an EC2 fleet', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
      const runtime = await loadOverviewSection('runtime', { client: sydney(), fleet, region: OVERVIEW_REGION });
      assert.ok(runtime.ok);
      assert.ok((runtime.value?.serverProcesses.length ?? 0) > 0);
      assert.match(runtime.value?.serverProcesses[0].launchPath ?? '', /^\/local\/game\//);
    });

    it('rejects on cancellation instead of reporting an error', async () => {
      const fleet = await summaryOf(OVERVIEW_FLEETS.multiLocation);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(
        loadOverviewSection('locations', {
          client: sydney(),
          fleet,
          region: OVERVIEW_REGION,
          signal: controller.signal,
        }),
        (e: Error) => e.name === 'AbortError',
      );
    });
  });
});
