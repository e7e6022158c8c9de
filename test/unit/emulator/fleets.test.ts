// Fleet listing and description through the real SDK: ListFleets paging and filters,
// DescribeFleetAttributes batches (unknown IDs omitted, container fleets not described),
// DescribeFleetCapacity, DescribeFleetLocationAttributes and DescribeContainerFleet.
import {
  DescribeContainerFleetCommand,
  DescribeFleetAttributesCommand,
  DescribeFleetCapacityCommand,
  DescribeFleetLocationAttributesCommand,
  type GameLiftClient,
  ListContainerFleetsCommand,
  ListFleetsCommand,
  paginateDescribeFleetAttributes,
  paginateListFleets,
} from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor, rejection } from './helpers';

describe('emulator fleets (ListFleets, DescribeFleetAttributes, capacity, locations, containers)', () => {
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = clientFor(emulator);
  });
  after(() => emulator.stop());

  const usWest2 = () => emulator.state.fleetsOf('111122223333', 'us-west-2').map((f) => f.fleetId);

  it('lists every fleet of the account and region, container fleets included', async () => {
    const out = await client.send(new ListFleetsCommand({}));
    assert.deepEqual(out.FleetIds, usWest2());
    assert.equal(out.NextToken, undefined);
    assert.ok(out.FleetIds?.includes(DEFAULT_FLEETS.container));
    assert.ok(out.FleetIds?.some((id) => id.startsWith('containerfleet-')));
    assert.equal(out.FleetIds?.length, 8);
  });

  it('pages ListFleets with Limit and NextToken, each fleet once', async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListFleets({ client, pageSize: 3 }, {})) {
      pages++;
      assert.ok((page.FleetIds ?? []).length <= 3);
      seen.push(...(page.FleetIds ?? []));
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, usWest2());
  });

  it('filters ListFleets by build ID or build ARN', async () => {
    const busy = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
    const byId = await client.send(new ListFleetsCommand({ BuildId: busy.buildId }));
    assert.deepEqual(byId.FleetIds, [DEFAULT_FLEETS.busy]);
    const byArn = await client.send(
      new ListFleetsCommand({ BuildId: `arn:aws:gamelift:us-west-2:111122223333:build/${busy.buildId}` }),
    );
    assert.deepEqual(byArn.FleetIds, [DEFAULT_FLEETS.busy]);
    const none = await client.send(new ListFleetsCommand({ ScriptId: 'script-00000000-0000-4000-8000-000000000000' }));
    assert.deepEqual(none.FleetIds, []);
    const bad = await rejection(client.send(new ListFleetsCommand({ BuildId: 'not-a-build' })));
    assert.equal(bad.name, 'InvalidRequestException');
  });

  it('describes a batch of fleets in the order asked, omitting unknown IDs and container fleets', async () => {
    const out = await client.send(
      new DescribeFleetAttributesCommand({
        FleetIds: [
          DEFAULT_FLEETS.failedActivation,
          'fleet-00000000-0000-4000-8000-000000000000',
          DEFAULT_FLEETS.container,
          DEFAULT_FLEETS.busy,
        ],
      }),
    );
    assert.deepEqual(
      out.FleetAttributes?.map((f) => f.FleetId),
      [DEFAULT_FLEETS.failedActivation, DEFAULT_FLEETS.busy],
    );
    const busy = out.FleetAttributes[1];
    assert.equal(busy.Name, 'arena-prod');
    assert.equal(busy.Status, 'ACTIVE');
    assert.equal(busy.FleetType, 'ON_DEMAND');
    assert.equal(busy.InstanceType, 'c5.xlarge');
    assert.equal(busy.OperatingSystem, 'AMAZON_LINUX_2023');
    assert.equal(busy.ComputeType, 'EC2');
    assert.equal(busy.FleetArn, `arn:aws:gamelift:us-west-2:111122223333:fleet/${DEFAULT_FLEETS.busy}`);
    assert.ok(busy.CreationTime instanceof Date);
    assert.equal(busy.CreationTime.getTime(), emulator.state.getFleet(DEFAULT_FLEETS.busy)!.creationTime);
    assert.equal(out.FleetAttributes[0].Status, 'ERROR');
  });

  it('accepts fleet ARNs in DescribeFleetAttributes and ignores fleets of other regions', async () => {
    const arn = `arn:aws:gamelift:us-west-2:111122223333:fleet/${DEFAULT_FLEETS.spot}`;
    const out = await client.send(new DescribeFleetAttributesCommand({ FleetIds: [arn, DEFAULT_FLEETS.euActive] }));
    assert.deepEqual(
      out.FleetAttributes?.map((f) => [f.FleetId, f.FleetType]),
      [[DEFAULT_FLEETS.spot, 'SPOT']],
    );
  });

  it('describes the Anywhere fleet with its compute type', async () => {
    const out = await client.send(new DescribeFleetAttributesCommand({ FleetIds: [DEFAULT_FLEETS.anywhere] }));
    assert.equal(out.FleetAttributes?.[0].ComputeType, 'ANYWHERE');
    assert.equal(out.FleetAttributes?.[0].InstanceType, undefined);
  });

  it('pages DescribeFleetAttributes without FleetIds over all non-container fleets', async () => {
    const seen: string[] = [];
    for await (const page of paginateDescribeFleetAttributes({ client, pageSize: 2 }, {})) {
      assert.ok((page.FleetAttributes ?? []).length <= 2);
      seen.push(...(page.FleetAttributes ?? []).map((f) => f.FleetId!));
    }
    assert.deepEqual(
      seen,
      usWest2().filter((id) => !id.startsWith('containerfleet-')),
    );
  });

  it('validates FleetIds', async () => {
    const empty = await rejection(client.send(new DescribeFleetAttributesCommand({ FleetIds: [] })));
    assert.equal(empty.name, 'InvalidRequestException');
    const pattern = await rejection(client.send(new DescribeFleetAttributesCommand({ FleetIds: ['alias-123'] })));
    assert.equal(pattern.name, 'InvalidRequestException');
    assert.match(pattern.message, /regular expression/);
  });

  it('reports capacity for EC2 and container fleets', async () => {
    const out = await client.send(
      new DescribeFleetCapacityCommand({ FleetIds: [DEFAULT_FLEETS.busy, DEFAULT_FLEETS.container] }),
    );
    assert.deepEqual(
      out.FleetCapacity?.map((c) => c.FleetId),
      [DEFAULT_FLEETS.busy, DEFAULT_FLEETS.container],
    );
    const [busy, container] = out.FleetCapacity;
    assert.deepEqual(busy.InstanceCounts, {
      DESIRED: 6,
      MINIMUM: 2,
      MAXIMUM: 20,
      PENDING: 0,
      ACTIVE: 6,
      IDLE: 2,
      TERMINATING: 0,
    });
    assert.equal(busy.Location, 'us-west-2');
    assert.equal(busy.GameServerContainerGroupCounts, undefined);
    assert.ok(container.GameServerContainerGroupCounts);
    const all = await client.send(new DescribeFleetCapacityCommand({ Limit: 100 }));
    assert.equal(all.FleetCapacity?.length, usWest2().length);
  });

  it('lists the home region and remote locations of a fleet', async () => {
    const out = await client.send(new DescribeFleetLocationAttributesCommand({ FleetId: DEFAULT_FLEETS.busy }));
    assert.equal(out.FleetId, DEFAULT_FLEETS.busy);
    assert.deepEqual(
      out.LocationAttributes?.map((l) => [l.LocationState?.Location, l.LocationState?.Status]),
      [
        ['us-west-2', 'ACTIVE'],
        ['us-east-1', 'ACTIVE'],
        ['sa-east-1', 'ACTIVE'],
      ],
    );
    const one = await client.send(
      new DescribeFleetLocationAttributesCommand({ FleetId: DEFAULT_FLEETS.busy, Locations: ['sa-east-1'] }),
    );
    assert.deepEqual(
      one.LocationAttributes?.map((l) => l.LocationState?.Location),
      ['sa-east-1'],
    );
    const paged = await client.send(
      new DescribeFleetLocationAttributesCommand({ FleetId: DEFAULT_FLEETS.busy, Limit: 2 }),
    );
    assert.equal(paged.LocationAttributes?.length, 2);
    const rest = await client.send(
      new DescribeFleetLocationAttributesCommand({
        FleetId: DEFAULT_FLEETS.busy,
        Limit: 2,
        NextToken: paged.NextToken,
      }),
    );
    assert.deepEqual(
      rest.LocationAttributes?.map((l) => l.LocationState?.Location),
      ['sa-east-1'],
    );
    assert.equal(rest.NextToken, undefined);
  });

  it('describes a container fleet, and only container fleets', async () => {
    const out = await client.send(new DescribeContainerFleetCommand({ FleetId: DEFAULT_FLEETS.container }));
    assert.equal(out.ContainerFleet?.FleetId, DEFAULT_FLEETS.container);
    assert.equal(out.ContainerFleet?.Status, 'ACTIVE');
    assert.ok(out.ContainerFleet?.CreationTime instanceof Date);
    assert.ok(out.ContainerFleet?.FleetArn?.includes(':containerfleet/containerfleet-'));
    const notContainer = await rejection(
      client.send(new DescribeContainerFleetCommand({ FleetId: DEFAULT_FLEETS.busy })),
    );
    assert.equal(notContainer.name, 'NotFoundException');
  });

  it('lists container fleets, filtered by container group definition name or ARN', async () => {
    const out = await client.send(new ListContainerFleetsCommand({}));
    assert.deepEqual(
      out.ContainerFleets?.map((f) => f.FleetId),
      [DEFAULT_FLEETS.container],
    );
    assert.equal(out.ContainerFleets?.[0].GameServerContainerGroupDefinitionName, 'game-server-group');
    const byArn = await client.send(
      new ListContainerFleetsCommand({
        ContainerGroupDefinitionName:
          'arn:aws:gamelift:us-west-2:111122223333:containergroupdefinition/game-server-group:3',
      }),
    );
    assert.equal(byArn.ContainerFleets?.length, 1);
    const none = await client.send(new ListContainerFleetsCommand({ ContainerGroupDefinitionName: 'other-group' }));
    assert.deepEqual(none.ContainerFleets, []);
  });

  it('pages ListContainerFleets over generated container fleets', async () => {
    const many = await startEmulator({
      scenario: {
        accounts: [
          { profile: 'local-dev', generateFleets: { count: 30, regions: ['us-west-2'], seed: 3, containerEvery: 3 } },
        ],
      },
    });
    try {
      const c = clientFor(many);
      const ids: string[] = [];
      let token: string | undefined;
      do {
        const page = await c.send(new ListContainerFleetsCommand({ Limit: 4, NextToken: token }));
        assert.ok((page.ContainerFleets ?? []).length <= 4);
        ids.push(...(page.ContainerFleets ?? []).map((f) => f.FleetId!));
        token = page.NextToken;
      } while (token);
      const expected = many.state
        .fleetsOf('111122223333', 'us-west-2')
        .filter((f) => f.kind === 'container')
        .map((f) => f.fleetId);
      assert.equal(expected.length, 10);
      assert.deepEqual(ids, expected);
      const attrs = await c.send(new DescribeFleetAttributesCommand({ Limit: 100 }));
      assert.equal(attrs.FleetAttributes?.length, 20, 'container fleets are not in DescribeFleetAttributes');
    } finally {
      await many.stop();
    }
  });

  it('answers NotFoundException for a deleted fleet and drops it from the list', async () => {
    const local = await startEmulator({ scenario: 'default' });
    try {
      const c = clientFor(local);
      assert.equal(local.state.deleteFleet(DEFAULT_FLEETS.activating), true);
      const list = await c.send(new ListFleetsCommand({}));
      assert.ok(!list.FleetIds?.includes(DEFAULT_FLEETS.activating));
      const loc = await rejection(
        c.send(new DescribeFleetLocationAttributesCommand({ FleetId: DEFAULT_FLEETS.activating })),
      );
      assert.equal(loc.name, 'NotFoundException');
    } finally {
      await local.stop();
    }
  });
});
