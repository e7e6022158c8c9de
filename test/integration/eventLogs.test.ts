// Event logs inside a real VS Code: "Open log" downloads an event's log from the local
// endpoint's presigned URL in the extension host and opens it as a read-only GameLift Log
// document with an outline; a link the endpoint refuses as expired (its clock moved on) is
// renewed once without a prompt — the endpoint's request log shows one fresh DescribeFleetEvents
// and a second download — and the fresh link replaces the old one among the loaded events.
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import { presignedUrlExpiry } from '../../src/gamelift/logUrl';
import type { FleetEvent, FleetRef } from '../../src/gamelift/types';
import { DEFAULT_FLEETS } from '../emulator/fixtures';
import { explorerHooks, waitFor } from './explorerSupport';

const ENDPOINT = process.env.GAMELIFT_TEST_ENDPOINT ?? '';

interface RequestRecord {
  readonly service: string;
  readonly operation: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly input?: { FleetId?: string; EventId?: string };
}

function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${ENDPOINT}/__emulator/${path}`,
      { method, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text || 'null')));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The failed fleet of the default scenario, with its events loaded the way the tree loads them. */
async function failedFleet(): Promise<{ ref: FleetRef; events: readonly FleetEvent[] }> {
  const hooks = await explorerHooks();
  const target = hooks.explorer.model.targets[0];
  const ref: FleetRef = { target, fleetId: DEFAULT_FLEETS.failedActivation };
  // As the tree knows it: listed (with its name), then expanded.
  const connection = hooks.explorer.model.connection(target);
  await connection.ensureLoaded();
  const state = hooks.explorer.model.fleet(
    ref,
    connection.fleets?.find((f) => f.fleetId === ref.fleetId),
  );
  await state.ensureStarted();
  return { ref, events: state.events };
}

describe('Event logs in the editor (real VS Code, local endpoint)', function () {
  this.timeout(90_000);

  afterEach(async () => {
    await control('POST', 'clock', { reset: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens an event log as a read-only GameLift Log document titled by fleet, code and time, with an outline', async () => {
    const { ref, events } = await failedFleet();
    const event = events.find((e) => e.eventCode === 'FLEET_ACTIVATION_FAILED' && e.preSignedLogUrl);
    assert.ok(event, 'the failed fleet has an activation failure with a log');
    await control('POST', 'requests/reset');
    const editors = await vscode.commands.executeCommand<vscode.TextEditor[]>('gamelift.openEventLog', {
      ref,
      event,
    });
    assert.strictEqual(editors.length, 1);
    const document = editors[0].document;
    assert.strictEqual(document.uri.scheme, 'gamelift-log');
    assert.strictEqual(document.languageId, 'gamelift-log');
    assert.match(
      document.uri.path,
      /arena-staging · FLEET_ACTIVATION_FAILED · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.log$/,
    );
    assert.ok(document.getText().length > 100, 'the log text');
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('gamelift-log'), false, 'read-only');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.ok(symbols && symbols.length > 0, 'the outline lists the log');
    const requests = (await control('GET', 'requests')) as RequestRecord[];
    const downloads = requests.filter((r) => r.operation === 'GetObject' && r.input?.EventId === event.eventId);
    assert.deepStrictEqual(
      downloads.map((r) => r.status),
      [200],
      'one download',
    );

    // Opening it again costs nothing: the log is kept for the window.
    await control('POST', 'requests/reset');
    await vscode.commands.executeCommand('gamelift.openEventLog', { ref, event });
    assert.deepStrictEqual(await control('GET', 'requests'), []);
  });

  it('renews an expired link once without a prompt and keeps the fresh one in the loaded event', async () => {
    const { ref, events } = await failedFleet();
    const event = events.find((e) => e.eventCode === 'SERVER_PROCESS_CRASHED' && e.preSignedLogUrl);
    assert.ok(event?.preSignedLogUrl, 'a crash with a log');
    // The endpoint's clock moves past the link's 15 minutes, so S3 answers 403 "Request has
    // expired", but stays within SigV4's 15 minutes of this host's clock (no clock-skew retry):
    // 898 s on, once the link is more than two seconds old.
    const signedAt = presignedUrlExpiry(event.preSignedLogUrl)!.signedAt!;
    const wait = signedAt + 2100 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await control('POST', 'requests/reset');
    await control('POST', 'clock', { advanceMs: 898_000 });
    const editors = await vscode.commands.executeCommand<vscode.TextEditor[]>('gamelift.openEventLog', {
      ref,
      event,
    });
    assert.strictEqual(editors.length, 1, 'opened without asking');
    assert.strictEqual(editors[0].document.uri.scheme, 'gamelift-log');
    assert.ok(editors[0].document.getText().length > 0);
    const requests = (await control('GET', 'requests')) as RequestRecord[];
    assert.deepStrictEqual(
      requests
        .filter((r) => r.operation === 'DescribeFleetEvents' && r.input?.FleetId === ref.fleetId)
        .map((r) => r.status),
      [200],
      `one fresh DescribeFleetEvents: ${JSON.stringify(requests)}`,
    );
    // (An expired download is refused before the endpoint reads which event it names.)
    const downloads = requests.filter((r) => r.operation === 'GetObject');
    assert.deepStrictEqual(
      downloads.map((r) => [r.status, r.errorCode ?? '']),
      [
        [403, 'AccessDenied'],
        [200, ''],
      ],
      'the expired download, then the second one',
    );
    const hooks = await explorerHooks();
    const loaded = await waitFor('the fresh link in the loaded event', () => {
      const now = hooks.explorer.model.findFleet(ref)?.events.find((e) => e.eventId === event.eventId);
      return now && now.preSignedLogUrl !== event.preSignedLogUrl ? now : undefined;
    });
    assert.ok(loaded.preSignedLogUrl?.startsWith(`${ENDPOINT}/logs/`), 'the new link is the endpoint’s');
  });
});
