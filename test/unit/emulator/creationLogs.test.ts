// The creation-stage logs of the diagnosis story fleets, downloaded through presigned URLs
// from DescribeFleetEvents (real SDK): what each stage's log says agrees with the fleet's
// build and runtime configuration, gzip and zip logs are served as such, and every download
// lands in the endpoint's request record as GetObject.
import { DescribeFleetEventsCommand, type Event, type GameLiftClient } from '@aws-sdk/client-gamelift';
import { unzipSync, strFromU8 } from 'fflate';
import * as assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor } from './helpers';

describe('emulator creation logs (diagnosis stories)', () => {
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = clientFor(emulator, { region: DIAGNOSIS_REGION });
  });
  after(() => emulator.stop());
  beforeEach(() => emulator.resetRequests());

  async function eventsOf(fleetId: string): Promise<Event[]> {
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: fleetId, Limit: 100 }));
    return out.Events ?? [];
  }

  async function logOf(fleetId: string, code: string): Promise<{ body: Buffer; type: string; event: Event }> {
    const event = (await eventsOf(fleetId)).find((e) => e.EventCode === code);
    assert.ok(event?.PreSignedLogUrl, `${code} of ${fleetId} has a log`);
    const res = await fetch(event.PreSignedLogUrl);
    assert.equal(res.status, 200);
    return { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '', event };
  }

  it('the extraction log lists the build files under /local/game', async () => {
    const { body } = await logOf(DIAGNOSIS_FLEETS.launchPathWindows, 'FLEET_CREATION_EXTRACTING_BUILD');
    const text = body.toString('utf8');
    assert.match(text, /extracted: \/local\/game\/ArenaServer\.x86_64$/m);
    assert.match(text, /Extracted 7 files to \/local\/game/);
  });

  it('the validation log says which launch paths were found, consistent with the build', async () => {
    const { body } = await logOf(DIAGNOSIS_FLEETS.launchPathWindows, 'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND');
    assert.match(body.toString('utf8'), /Launch path C:\\game\\ArenaServer\.exe: not found/);
    const ok = await logOf(DIAGNOSIS_FLEETS.executableFailure, 'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG');
    assert.match(ok.body.toString('utf8'), /Launch path \/local\/game\/bin\/ArenaServer: found/);
  });

  it('the installer log ends with the script’s output and exit code (raw carriage return kept)', async () => {
    const crlf = (await logOf(DIAGNOSIS_FLEETS.installerCrlf, 'FLEET_CREATION_FAILED_INSTALLER')).body.toString('utf8');
    assert.ok(crlf.includes('/bin/bash\r: bad interpreter: No such file or directory'));
    assert.match(crlf, /Install script exited with code 126: installation failed\n$/);
    const tools = (await logOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER')).body.toString(
      'utf8',
    );
    assert.match(tools, /\*\*\* These critical programs are missing or too old: make/);
  });

  it('serves a gzip log as application/gzip and a zip log with the stage log and the server log', async () => {
    const gz = await logOf(DIAGNOSIS_FLEETS.buildDownload, 'FLEET_BINARY_DOWNLOAD_FAILED');
    assert.equal(gz.type, 'application/gzip');
    assert.match(new URL(gz.event.PreSignedLogUrl!).pathname, /\.log\.gz$/);
    assert.match(gunzipSync(gz.body).toString('utf8'), /End-of-central-directory signature not found/);

    const fleet = emulator.state.getFleet(DIAGNOSIS_FLEETS.activationFailed)!;
    const added = emulator.state.addEvent(fleet.fleetId, { eventCode: 'SERVER_PROCESS_CRASHED', hasLog: true });
    Object.assign(added, { logFormat: 'zip' });
    const zip = await logOf(fleet.fleetId, 'SERVER_PROCESS_CRASHED');
    assert.equal(zip.type, 'application/zip');
    const files = unzipSync(new Uint8Array(zip.body));
    assert.deepEqual(Object.keys(files).sort(), ['SERVER_PROCESS_CRASHED.log', 'logs/server.log']);
    assert.match(strFromU8(files['logs/server.log']), /Segmentation fault/);
  });

  it('records each download as GetObject with its fleet, event and outcome', async () => {
    const { event } = await logOf(DIAGNOSIS_FLEETS.installerCrlf, 'FLEET_CREATION_EXTRACTING_BUILD');
    emulator.advanceClock(16 * 60_000);
    assert.equal((await fetch(event.PreSignedLogUrl!)).status, 403);
    const downloads = emulator.requests.filter((r) => r.operation === 'GetObject');
    assert.deepEqual(
      downloads.map((r) => [r.status, r.errorCode, r.input?.FleetId, r.input?.EventId]),
      [
        [200, undefined, DIAGNOSIS_FLEETS.installerCrlf, event.EventId],
        [403, 'AccessDenied', undefined, undefined],
      ],
    );
  });
});
