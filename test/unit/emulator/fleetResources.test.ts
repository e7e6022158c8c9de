// What fleets run on, through the real SDK: capacity per location, location attributes with
// stopped actions and update status, computes (paged, filtered), container fleet deployments
// with their rollback, the log configuration, and UnsupportedRegionException where a Region
// has no multi-location fleets.
import {
  DescribeContainerFleetCommand,
  DescribeFleetCapacityCommand,
  DescribeFleetDeploymentCommand,
  DescribeFleetLocationAttributesCommand,
  DescribeFleetLocationCapacityCommand,
  type GameLiftClient,
  ListComputeCommand,
  ListFleetDeploymentsCommand,
  paginateListCompute,
} from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import {
  DEFAULT_FLEETS,
  OVERVIEW_FLEETS,
  OVERVIEW_LOG_GROUP,
  OVERVIEW_REGION,
  SINGLE_LOCATION_FLEET,
  SINGLE_LOCATION_REGION,
} from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor, rejection } from './helpers';

describe('emulator fleet resources (location capacity, computes, deployments, log configuration)', () => {
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = clientFor(emulator, { region: OVERVIEW_REGION });
  });
  after(() => emulator.stop());

  it('describes the capacity of each location, the home Region included', async () => {
    const counts = async (location: string) =>
      (
        await client.send(
          new DescribeFleetLocationCapacityCommand({ FleetId: OVERVIEW_FLEETS.multiLocation, Location: location }),
        )
      ).FleetCapacity;
    const home = await counts(OVERVIEW_REGION);
    assert.equal(home?.Location, OVERVIEW_REGION);
    assert.deepEqual(home?.InstanceCounts, {
      DESIRED: 4,
      MINIMUM: 2,
      MAXIMUM: 16,
      PENDING: 0,
      ACTIVE: 4,
      IDLE: 1,
      TERMINATING: 0,
    });
    const failed = await counts('ap-south-1');
    assert.equal(failed?.Location, 'ap-south-1');
    assert.equal(failed?.InstanceCounts?.DESIRED, 2);
    assert.equal(failed?.InstanceCounts?.ACTIVE, 0);
    assert.equal(failed?.InstanceType, 'c6i.xlarge');
    // DescribeFleetCapacity stays the home Region's.
    const all = await client.send(new DescribeFleetCapacityCommand({ FleetIds: [OVERVIEW_FLEETS.multiLocation] }));
    assert.deepEqual(all.FleetCapacity?.[0]?.InstanceCounts, home?.InstanceCounts);
  });

  it('counts game server container groups for container fleets per location', async () => {
    const out = await client.send(
      new DescribeFleetLocationCapacityCommand({
        FleetId: OVERVIEW_FLEETS.containerRollback,
        Location: 'ap-northeast-1',
      }),
    );
    assert.equal(out.FleetCapacity?.InstanceCounts?.ACTIVE, 2);
    assert.equal(out.FleetCapacity?.GameServerContainerGroupCounts?.ACTIVE, 4);
  });

  it('refuses a location the fleet does not have, and a missing one', async () => {
    const unknown = await rejection(
      client.send(
        new DescribeFleetLocationCapacityCommand({ FleetId: OVERVIEW_FLEETS.multiLocation, Location: 'eu-west-1' }),
      ),
    );
    assert.equal(unknown.name, 'NotFoundException');
    const missing = await rejection(
      client.send(
        new DescribeFleetLocationCapacityCommand({ FleetId: OVERVIEW_FLEETS.multiLocation, Location: undefined }),
      ),
    );
    assert.equal(missing.name, 'InvalidRequestException');
    assert.match(missing.message, /'location' failed to satisfy constraint: Member must not be null/);
  });

  it('gives each location its status, stopped actions and update status', async () => {
    const out = await client.send(
      new DescribeFleetLocationAttributesCommand({ FleetId: OVERVIEW_FLEETS.multiLocation }),
    );
    const byLocation = new Map(out.LocationAttributes?.map((l) => [l.LocationState?.Location, l]));
    assert.equal(byLocation.size, 5);
    assert.equal(byLocation.get('ap-south-1')?.LocationState?.Status, 'ERROR');
    assert.deepEqual(byLocation.get('ap-southeast-1')?.StoppedActions, ['AUTO_SCALING']);
    assert.equal(byLocation.get('us-west-2')?.UpdateStatus, 'PENDING_UPDATE');
    assert.equal(byLocation.get(OVERVIEW_REGION)?.StoppedActions, undefined);
  });

  it('answers UnsupportedRegionException for location calls in a single-location Region; the rest works', async () => {
    const paris = clientFor(emulator, { region: SINGLE_LOCATION_REGION });
    for (const call of [
      paris.send(new DescribeFleetLocationAttributesCommand({ FleetId: SINGLE_LOCATION_FLEET })),
      paris.send(
        new DescribeFleetLocationCapacityCommand({ FleetId: SINGLE_LOCATION_FLEET, Location: SINGLE_LOCATION_REGION }),
      ),
      paris.send(new ListFleetDeploymentsCommand({})),
    ]) {
      const error = await rejection(call);
      assert.equal(error.name, 'UnsupportedRegionException');
      assert.equal(error.message, 'The requested operation is not supported in the Region specified.');
    }
    const capacity = await paris.send(new DescribeFleetCapacityCommand({ FleetIds: [SINGLE_LOCATION_FLEET] }));
    assert.equal(capacity.FleetCapacity?.[0]?.InstanceCounts?.ACTIVE, 2);
    const computes = await paris.send(new ListComputeCommand({ FleetId: SINGLE_LOCATION_FLEET }));
    assert.equal(computes.ComputeList?.length, 2);
  });

  it('lists one compute per EC2 instance in every location, paged, without compute ARNs', async () => {
    const computes = [];
    let pages = 0;
    for await (const page of paginateListCompute({ client, pageSize: 3 }, { FleetId: OVERVIEW_FLEETS.multiLocation })) {
      pages++;
      assert.ok((page.ComputeList ?? []).length <= 3);
      computes.push(...(page.ComputeList ?? []));
    }
    // ACTIVE + PENDING per location: home 4, ap-northeast-1 3, ap-southeast-1 2, us-west-2 1 + 1, ap-south-1 0.
    assert.equal(computes.length, 11);
    assert.equal(pages, 4);
    assert.equal(new Set(computes.map((c) => c.ComputeName)).size, 11);
    assert.ok(computes.every((c) => c.ComputeArn === undefined && c.InstanceId === c.ComputeName));
    assert.ok(computes.every((c) => c.CreationTime instanceof Date && c.IpAddress));
    // Managed EC2 computes report statuses outside the enum, as the API reference warns.
    assert.deepEqual([...new Set(computes.map((c) => c.ComputeStatus))].sort(), ['Active', 'Pending']);
    const tokyo = await client.send(
      new ListComputeCommand({ FleetId: OVERVIEW_FLEETS.multiLocation, Location: 'ap-northeast-1' }),
    );
    assert.equal(tokyo.ComputeList?.length, 3);
    assert.ok(tokyo.ComputeList?.every((c) => c.Location === 'ap-northeast-1'));
  });

  it('lists registered Anywhere computes with their custom locations and an IMPAIRED one', async () => {
    const out = await client.send(new ListComputeCommand({ FleetId: OVERVIEW_FLEETS.anywhere }));
    const byName = new Map(out.ComputeList?.map((c) => [c.ComputeName, c]));
    assert.equal(byName.size, 4);
    assert.equal(byName.get('studio-box-03')?.ComputeStatus, 'IMPAIRED');
    assert.equal(byName.get('studio-box-03')?.Location, 'custom-studio-sydney');
    assert.equal(byName.get('home-lab-nuc')?.DnsName, 'nuc.home-lab.example');
    assert.match(
      byName.get('studio-box-01')?.ComputeArn ?? '',
      /^arn:aws:gamelift:ap-southeast-2:111122223333:compute\//,
    );
    assert.ok(byName.get('studio-box-01')?.GameLiftServiceSdkEndpoint);
  });

  it('filters container computes by ComputeStatus and shows their containers', async () => {
    const impaired = await client.send(
      new ListComputeCommand({ FleetId: OVERVIEW_FLEETS.containerRollback, ComputeStatus: 'IMPAIRED' }),
    );
    assert.equal(impaired.ComputeList?.length, 3);
    assert.ok(impaired.ComputeList?.every((c) => c.ComputeStatus === 'IMPAIRED'));
    assert.deepEqual(
      impaired.ComputeList?.[0]?.ContainerAttributes?.map((c) => c.ContainerName),
      ['game-server', 'game-server-sidecar'],
    );
    const bad = await rejection(
      client.send(
        new ListComputeCommand({ FleetId: OVERVIEW_FLEETS.containerRollback, ComputeStatus: 'BROKEN' as never }),
      ),
    );
    assert.equal(bad.name, 'InvalidRequestException');
    const unknown = await rejection(
      client.send(new ListComputeCommand({ FleetId: 'fleet-00000000-0000-4000-8000-000000000000' })),
    );
    assert.equal(unknown.name, 'InvalidRequestException');
  });

  it('lists deployments newest first and describes the rollback in progress', async () => {
    const list = await client.send(new ListFleetDeploymentsCommand({ FleetId: OVERVIEW_FLEETS.containerRollback }));
    assert.deepEqual(
      list.FleetDeployments?.map((d) => d.DeploymentStatus),
      ['ROLLBACK_IN_PROGRESS', 'COMPLETE', 'COMPLETE'],
    );
    const times = list.FleetDeployments?.map((d) => d.CreationTime!.getTime()) ?? [];
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const latest = await client.send(
      new DescribeFleetDeploymentCommand({ FleetId: OVERVIEW_FLEETS.containerRollback }),
    );
    assert.equal(latest.FleetDeployment?.DeploymentId, list.FleetDeployments?.[0]?.DeploymentId);
    assert.match(latest.FleetDeployment?.GameServerBinaryArn ?? '', /game-server-group:5$/);
    assert.match(latest.FleetDeployment?.RollbackGameServerBinaryArn ?? '', /game-server-group:4$/);
    assert.equal(latest.FleetDeployment?.DeploymentConfiguration?.ImpairmentStrategy, 'ROLLBACK');
    assert.deepEqual(latest.LocationalDeployments, {
      [OVERVIEW_REGION]: { DeploymentStatus: 'ROLLBACK_IN_PROGRESS' },
      'ap-northeast-1': { DeploymentStatus: 'IMPAIRED' },
    });
    const older = await client.send(
      new DescribeFleetDeploymentCommand({
        FleetId: OVERVIEW_FLEETS.containerRollback,
        DeploymentId: list.FleetDeployments?.[2]?.DeploymentId,
      }),
    );
    assert.equal(older.FleetDeployment?.DeploymentStatus, 'COMPLETE');
    const all = await client.send(new ListFleetDeploymentsCommand({ Limit: 2 }));
    assert.equal(all.FleetDeployments?.length, 2);
    assert.ok(all.NextToken);
  });

  it('answers NotFoundException for an unknown deployment and for fleets that are not container fleets', async () => {
    const unknown = await rejection(
      client.send(
        new DescribeFleetDeploymentCommand({
          FleetId: OVERVIEW_FLEETS.containerRollback,
          DeploymentId: 'deployment-nope',
        }),
      ),
    );
    assert.equal(unknown.name, 'NotFoundException');
    const ec2 = await rejection(
      client.send(new ListFleetDeploymentsCommand({ FleetId: OVERVIEW_FLEETS.multiLocation })),
    );
    assert.equal(ec2.name, 'NotFoundException');
  });

  it('tells where container logs go: CloudWatch with a log group, S3 with a bucket, or nowhere', async () => {
    const config = async (fleetId: string) =>
      (await client.send(new DescribeContainerFleetCommand({ FleetId: fleetId }))).ContainerFleet;
    const rollback = await config(OVERVIEW_FLEETS.containerRollback);
    assert.deepEqual(rollback?.LogConfiguration, {
      LogDestination: 'CLOUDWATCH',
      LogGroupArn: `arn:aws:logs:${OVERVIEW_REGION}:111122223333:log-group:${OVERVIEW_LOG_GROUP}`,
    });
    assert.match(rollback?.DeploymentDetails?.LatestDeploymentId ?? '', /^deployment-/);
    assert.deepEqual((await config(OVERVIEW_FLEETS.containerS3Logs))?.LogConfiguration, {
      LogDestination: 'S3',
      S3BucketName: 'arena-container-logs-111122223333',
    });
    assert.deepEqual((await config(OVERVIEW_FLEETS.containerNoLogs))?.LogConfiguration, { LogDestination: 'NONE' });
    const usWest2 = clientFor(emulator);
    const plain = (await usWest2.send(new DescribeContainerFleetCommand({ FleetId: DEFAULT_FLEETS.container })))
      .ContainerFleet;
    assert.deepEqual(plain?.LogConfiguration, { LogDestination: 'CLOUDWATCH' });
  });
});
