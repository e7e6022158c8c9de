// The reads the diagnosis needs beyond the tree's, against the local endpoint through the real
// SDK: DescribeRuntimeConfiguration, every location's status, and all events since creation
// (large pages, a cap that says when the history was cut).
import * as assert from 'node:assert/strict';
import { classifyError } from '../../../src/gamelift/errors';
import { fetchEventsSinceCreation } from '../../../src/gamelift/eventsSinceCreation';
import { describeFleetLocations } from '../../../src/gamelift/fleetLocations';
import { describeRuntimeConfiguration } from '../../../src/gamelift/runtimeConfiguration';
import { DEFAULT_FLEETS, DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import type { RunningEmulator } from '../../emulator/server';
import { type EmulatorHarness, startHarness } from './helpers/emulator';

describe('diagnosis reads (local endpoint, real SDK)', () => {
  let h: EmulatorHarness;
  let emulator: RunningEmulator;
  const client = (region = DIAGNOSIS_REGION) => h.client({ region, maxAttempts: 1 });
  before(async () => {
    h = await startHarness('default');
    emulator = h.emulator;
  });
  after(async () => h.stop());
  beforeEach(() => emulator.resetRequests());

  describe('describeRuntimeConfiguration', () => {
    it('returns launch paths, parameters and concurrency as plain JSON, by ID or ARN', async () => {
      const config = await describeRuntimeConfiguration(client(), DIAGNOSIS_FLEETS.launchPathWindows);
      assert.deepEqual(config, {
        serverProcesses: [
          {
            launchPath: 'C:\\game\\ArenaServer.exe',
            parameters: '-batchmode -nographics -port 7777',
            concurrentExecutions: 2,
          },
        ],
        maxConcurrentGameSessionActivations: 2,
        gameSessionActivationTimeoutSeconds: 300,
      });
      const arn = emulator.state.getFleet(DIAGNOSIS_FLEETS.launchPathWindows)!.fleetArn;
      assert.deepEqual(await describeRuntimeConfiguration(client(), arn), config);
      assert.equal(emulator.requests.filter((r) => r.operation === 'DescribeRuntimeConfiguration').length, 2);
    });

    it('gives fleets without a scenario configuration the default one for their OS', async () => {
      const windows = await describeRuntimeConfiguration(client('us-west-2'), DEFAULT_FLEETS.downloading);
      assert.match(windows!.serverProcesses[0].launchPath, /^C:\\game\\/);
      const linux = await describeRuntimeConfiguration(client('us-west-2'), DEFAULT_FLEETS.busy);
      assert.match(linux!.serverProcesses[0].launchPath, /^\/local\/game\//);
    });

    it('asks nothing for a container fleet, which has no runtime configuration', async () => {
      assert.equal(await describeRuntimeConfiguration(client(), DIAGNOSIS_FLEETS.containerCrashes), undefined);
      assert.equal(emulator.requests.length, 0);
    });

    it('lets an unknown fleet fail as NotFound for the caller to explain', async () => {
      const err = await describeRuntimeConfiguration(client(), 'fleet-00000000-0000-4000-8000-000000000000').catch(
        (e: unknown) => e,
      );
      assert.equal(classifyError(err, { fleetId: 'fleet-00000000' }).kind, 'notFound');
    });
  });

  describe('describeFleetLocations', () => {
    it('lists the home Region first, then each remote location with its status', async () => {
      const locations = await describeFleetLocations(client(), DIAGNOSIS_FLEETS.locationError);
      assert.deepEqual(locations, [
        { location: 'us-east-2', status: 'ACTIVE' },
        { location: 'us-west-1', status: 'ACTIVE' },
        { location: 'ap-southeast-2', status: 'ERROR' },
      ]);
    });
  });

  describe('fetchEventsSinceCreation', () => {
    it('reads every event from creation on, newest first, in large pages', async () => {
      const fleet = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
      const result = await fetchEventsSinceCreation(client('us-west-2'), fleet.fleetId, {
        creationTime: fleet.creationTime,
      });
      assert.equal(result.complete, true);
      assert.equal(result.events.length, fleet.events.length);
      assert.deepEqual(
        result.events.map((e) => e.eventId),
        fleet.events.map((e) => e.eventId),
      );
      const calls = emulator.requests.filter((r) => r.operation === 'DescribeFleetEvents');
      assert.equal(calls.length, Math.ceil(fleet.events.length / 500));
      assert.ok(calls.every((c) => c.input?.Limit === 500));
      // The window starts a minute before CreationTime (events can carry an earlier second).
      assert.equal(calls[0].input?.StartTime, (fleet.creationTime - 60_000) / 1000);
    });

    it('stops at the cap and says the history was cut', async () => {
      const fleet = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
      const pages: number[] = [];
      const result = await fetchEventsSinceCreation(client('us-west-2'), fleet.fleetId, {
        creationTime: fleet.creationTime,
        maxEvents: 700,
        onPage: (p) => pages.push(p.total),
      });
      assert.equal(result.complete, false);
      assert.equal(result.events.length, 700);
      assert.equal(result.events[0].eventId, fleet.events[0].eventId, 'the newest are kept');
      assert.ok(pages.every((n) => n <= 700));
    });

    it('reads a failed fleet’s whole short history in one call', async () => {
      const fleet = emulator.state.getFleet(DIAGNOSIS_FLEETS.installerCrlf)!;
      const result = await fetchEventsSinceCreation(client(), fleet.fleetId, { creationTime: fleet.creationTime });
      assert.deepEqual(result.events.map((e) => e.eventCode).reverse(), [
        'FLEET_CREATED',
        'FLEET_STATE_DOWNLOADING',
        'FLEET_CREATION_EXTRACTING_BUILD',
        'FLEET_CREATION_RUNNING_INSTALLER',
        'FLEET_CREATION_FAILED_INSTALLER',
        'FLEET_STATE_ERROR',
      ]);
      assert.equal(emulator.requests.length, 1);
      assert.ok(result.events.find((e) => e.eventCode === 'FLEET_CREATION_FAILED_INSTALLER')?.preSignedLogUrl);
    });
  });
});
