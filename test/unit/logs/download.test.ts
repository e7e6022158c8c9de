// Downloading presigned logs for real from the local endpoint: the URL policy, the link's own
// expiry, S3's 403 "Request has expired", the size cap, a timeout, cancellation, redirects,
// and fetchEventLog renewing an expired link once through DescribeFleetEvents (refetchEvent).
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCancellation } from '../../../src/gamelift/errors';
import { fetchEventsSinceCreation } from '../../../src/gamelift/eventsSinceCreation';
import { refetchEvent } from '../../../src/gamelift/eventLookup';
import type { FleetEvent } from '../../../src/gamelift/types';
import { downloadLog } from '../../../src/logs/download';
import { fetchEventLog } from '../../../src/logs/fetchEventLog';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import type { RunningEmulator } from '../../emulator/server';
import { type EmulatorHarness, startHarness } from '../gamelift/helpers/emulator';

const MINUTE = 60_000;

describe('logs: downloads from the local endpoint', () => {
  let h: EmulatorHarness;
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  let clock: number;
  before(async () => {
    clock = Date.now();
    h = await startHarness('default', { now: () => clock });
    emulator = h.emulator;
    client = h.client({ region: DIAGNOSIS_REGION, maxAttempts: 1 });
  });
  after(async () => h.stop());
  beforeEach(() => emulator.resetRequests());

  const allowed = () => ({ allowedEndpoints: [emulator.url], now: () => clock });
  /** Moves the endpoint clock, and the client's with it (as the SDK does after a skew error). */
  const advance = (ms: number) => {
    clock += ms;
    (client.config as { systemClockOffset?: number }).systemClockOffset = clock - Date.now();
  };
  const downloads = () => emulator.requests.filter((r) => r.operation === 'GetObject');

  async function eventOf(fleetId: string, code: string): Promise<FleetEvent> {
    const { events } = await fetchEventsSinceCreation(client, fleetId, { now: () => clock });
    const event = events.find((e) => e.eventCode === code);
    assert.ok(event?.preSignedLogUrl);
    return event;
  }

  it('downloads an allowed link and gives the bytes', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER');
    const result = await downloadLog(event.preSignedLogUrl!, allowed());
    assert.equal(result.kind, 'ok');
    assert.match(
      Buffer.from(result.kind === 'ok' ? result.bytes : []).toString('utf8'),
      /critical programs are missing/,
    );
    assert.equal(downloads().length, 1);
  });

  it('refuses a link the URL policy does not allow, without a request', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER');
    const result = await downloadLog(event.preSignedLogUrl!, { now: () => clock });
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.message : '', /instead of https/);
    assert.ok(!JSON.stringify(result).includes('X-Amz'), 'the message does not carry the link');
    assert.equal(downloads().length, 0);
  });

  it('knows a link has expired from its own X-Amz-Date + X-Amz-Expires, without a request', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER');
    const result = await downloadLog(event.preSignedLogUrl!, { ...allowed(), now: () => clock + 15 * MINUTE });
    assert.deepEqual(result, { kind: 'expired', by: 'url', message: 'The log link has expired.' });
    assert.equal(downloads().length, 0);
  });

  it('takes S3’s 403 "Request has expired" as expired', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER');
    advance(16 * MINUTE);
    // Our clock lags the endpoint's: the link looks valid here, S3 says it is not.
    const result = await downloadLog(event.preSignedLogUrl!, {
      allowedEndpoints: [emulator.url],
      now: () => clock - 16 * MINUTE,
    });
    assert.deepEqual(result, {
      kind: 'expired',
      by: 'service',
      message: 'The log link was refused: Request has expired.',
    });
    assert.deepEqual(
      downloads().map((r) => [r.status, r.errorCode]),
      [[403, 'AccessDenied']],
    );
  });

  it('stops at the size cap with a clear message', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerTools, 'FLEET_CREATION_FAILED_INSTALLER');
    const result = await downloadLog(event.preSignedLogUrl!, { ...allowed(), maxBytes: 100 });
    assert.equal(result.kind, 'tooLarge');
    assert.deepEqual(result, {
      kind: 'tooLarge',
      limitBytes: 100,
      message: 'The log is larger than 100 bytes, the most that is downloaded.',
    });
  });

  it('renews an expired link once through DescribeFleetEvents and returns the new one', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.installerCrlf, 'FLEET_CREATION_FAILED_INSTALLER');
    advance(16 * MINUTE);
    emulator.resetRequests();
    let refreshed = 0;
    const result = await fetchEventLog(event.preSignedLogUrl!, {
      allowedEndpoints: [emulator.url],
      now: () => clock - 16 * MINUTE,
      name: 'install.log',
      refresh: async (signal) => {
        refreshed++;
        return (await refetchEvent(client, DIAGNOSIS_FLEETS.installerCrlf, event, { signal, now: () => clock }))
          ?.preSignedLogUrl;
      },
    });
    assert.equal(result.kind, 'ok');
    assert.equal(refreshed, 1);
    assert.ok(result.kind === 'ok' && result.renewedUrl && result.renewedUrl !== event.preSignedLogUrl);
    assert.match(result.kind === 'ok' ? result.files[0].text : '', /bad interpreter/);
    assert.deepEqual(
      emulator.requests.map((r) => [r.operation, r.status]),
      [
        ['GetObject', 403],
        ['DescribeFleetEvents', 200],
        ['GetObject', 200],
      ],
      'one fresh DescribeFleetEvents and a second download',
    );
  });

  it('unpacks a gzip log on the way and reports a gone event instead of retrying forever', async () => {
    const event = await eventOf(DIAGNOSIS_FLEETS.buildDownload, 'FLEET_BINARY_DOWNLOAD_FAILED');
    const ok = await fetchEventLog(event.preSignedLogUrl!, {
      ...allowed(),
      name: 'download.log.gz',
      refresh: async () => undefined,
    });
    assert.equal(ok.kind === 'ok' && ok.container, 'gzip');
    assert.match(ok.kind === 'ok' ? ok.files[0].text : '', /End-of-central-directory/);
    const gone = await fetchEventLog(event.preSignedLogUrl!, {
      ...allowed(),
      now: () => clock + 20 * MINUTE,
      name: 'x',
      refresh: async () => undefined,
    });
    assert.equal(gone.kind, 'gone');
  });

  describe('against a misbehaving server on 127.0.0.1', () => {
    let server: http.Server;
    let base: string;
    let behaviour: (req: http.IncomingMessage, res: http.ServerResponse) => void = () => undefined;
    before(async () => {
      server = http.createServer((req, res) => behaviour(req, res));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    });
    const opts = () => ({ allowedEndpoints: [base], timeoutMs: 300 });

    it('times out on a server that never answers', async () => {
      behaviour = () => undefined;
      const result = await downloadLog(`${base}/slow.log`, opts());
      assert.deepEqual(result, {
        kind: 'failed',
        message: `127.0.0.1:${new URL(base).port} did not send the log within 0 s.`,
      });
    });

    it('is cancelled by its AbortSignal', async () => {
      behaviour = () => undefined;
      const controller = new AbortController();
      const pending = downloadLog(`${base}/slow.log`, { ...opts(), timeoutMs: 10_000, signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, (err: unknown) => isCancellation(err));
    });

    it('does not follow a redirect to another host, and follows one on the same origin', async () => {
      behaviour = (req, res) => {
        if (req.url === '/away') res.writeHead(302, { location: 'http://localhost:9/x' }).end();
        else if (req.url === '/here') res.writeHead(307, { location: '/final' }).end();
        else res.writeHead(200, { 'content-type': 'text/plain' }).end('final text');
      };
      const away = await downloadLog(`${base}/away`, opts());
      assert.equal(away.kind, 'failed');
      assert.match(
        away.kind === 'failed' ? away.message : '',
        /redirected the download to another host \(localhost:9\)/,
      );
      const here = await downloadLog(`${base}/here`, opts());
      assert.equal(here.kind === 'ok' && Buffer.from(here.bytes).toString(), 'final text');
    });

    it('reports a 404 and a body cut short', async () => {
      behaviour = (req, res) => {
        if (req.url === '/missing')
          res
            .writeHead(404, { 'content-type': 'application/xml' })
            .end('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        else {
          res.writeHead(200, { 'content-length': '1000' });
          res.write('partial');
          setTimeout(() => res.socket?.destroy(), 20);
        }
      };
      const missing = await downloadLog(`${base}/missing`, opts());
      assert.deepEqual(missing, {
        kind: 'failed',
        status: 404,
        message: 'The log is no longer there (404 NoSuchKey: The specified key does not exist.).',
      });
      const cut = await downloadLog(`${base}/cut`, opts());
      assert.equal(cut.kind, 'failed');
    });
  });
});
