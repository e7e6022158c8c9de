// No secret leaves the extension: a full session inside a real VS Code (fetch events, open
// the details panel, open and copy the log link, get a fresh link, errors whose service
// messages carry an access key, a secret key and a presigned URL), then every file of the
// run — the extension's log (the "GameLift" output channel), settings, server log, workspace,
// HOME — is searched for the fake credentials from test/emulator/credentials.ts and for any
// presigned URL signature. Only ~/.aws/credentials may hold the keys (a positive control
// proves the search finds them there). The browser's own profile is left out: opening a
// log link in the browser puts it in the browser's history, which is the browser's doing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startEmulator, type RunningEmulator, type Scenario } from '../emulator/server';
import { DEFAULT_TEST_ACCOUNT, TEST_ACCOUNTS } from '../emulator/credentials';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { FetchResult } from '../../src/explorer/commands/fetchFleetEvents';
import type { FleetEvent } from '../../src/gamelift/types';
import {
  ScriptedPrompts,
  childrenOf,
  contextValue,
  explorerHooks,
  setSetting,
  snapshotSettings,
  waitFor,
} from './explorerSupport';

const REGION = 'us-west-2';
const FLEET = 'fleet-5ec12e75-0000-4000-8000-000000000001';
const MAX_SCANNED_BYTES = 64 * 1024 * 1024;

const SCENARIO: Scenario = {
  description: 'secrets.test.ts: one fleet whose events carry presigned log URLs',
  accounts: [
    {
      profile: DEFAULT_TEST_ACCOUNT.profile,
      regions: {
        [REGION]: [
          {
            fleetId: FLEET,
            name: 'secret-keeper',
            status: 'ACTIVE',
            createdMinutesAgo: 60 * 24 * 3,
            events: [
              { code: 'SERVER_PROCESS_CRASHED', minutesAgo: 5, log: true },
              { code: 'SERVER_PROCESS_TERMINATED_UNHEALTHY', minutesAgo: 15, log: true },
              { code: 'FLEET_ACTIVATION_FAILED', minutesAgo: 60, log: true },
              { code: 'FLEET_SCALING_EVENT', minutesAgo: 90 },
            ],
          },
        ],
      },
    },
  ],
};

/** Every file under `dir` (following no symlinks), except those `skip` rejects. */
function filesUnder(dir: string, skip: (p: string) => boolean, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (skip(p)) continue;
    if (entry.isDirectory()) filesUnder(p, skip, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

function occurrences(files: readonly string[], needles: readonly string[]): Array<{ file: string; needle: string }> {
  const found: Array<{ file: string; needle: string }> = [];
  for (const file of files) {
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_SCANNED_BYTES) continue;
      text = fs.readFileSync(file).toString('latin1');
    } catch {
      continue;
    }
    for (const needle of needles) if (text.includes(needle)) found.push({ file, needle });
  }
  return found;
}

describe('Secrets stay secret (real VS Code, full session)', function () {
  this.timeout(180_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;
  const signatures = new Set<string>();

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: SCENARIO });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('events.defaultTimeRange', 'all');
    await setSetting('profile', DEFAULT_TEST_ACCOUNT.profile);
    await setSetting('regions', [REGION]);
    await setSetting('endpoint', emulator.url);
  });

  after(async () => {
    emulator?.setFaults({ rules: [] });
    if (hooks) hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSettings?.();
    await emulator?.stop();
  });

  it('runs a session: fetch, details, log link, fresh link, errors carrying secrets', async () => {
    const target = { profile: DEFAULT_TEST_ACCOUNT.profile, region: REGION, endpoint: emulator.url };
    hooks.prompts.current = new ScriptedPrompts({
      pick: { timeRange: (items) => items.find((i) => i.label === 'All events') },
      input: { 'fetch.limit': '' },
      message: [{ match: /fetched/, answer: undefined }],
    });
    const result = await vscode.commands.executeCommand<FetchResult>('gamelift.fetchFleetEvents', {
      fleetId: FLEET,
      target,
    });
    assert.strictEqual(result?.fetched, 4);
    const state = hooks.explorer.model.findFleet(result.ref)!;
    const withLogs = state.events.filter(
      (e): e is FleetEvent & { preSignedLogUrl: string } => typeof e.preSignedLogUrl === 'string',
    );
    assert.ok(withLogs.length >= 3, 'events with presigned log URLs');
    for (const e of withLogs) {
      const sig = new URL(e.preSignedLogUrl).searchParams.get('X-Amz-Signature');
      assert.ok(sig && sig.length >= 32, 'a real signature');
      signatures.add(sig);
    }

    // Details panel, open log (handed to the OS/browser), copy link, fresh link.
    await vscode.commands.executeCommand('gamelift.showEventDetails', { ref: result.ref, event: withLogs[0] });
    await new Promise((r) => setTimeout(r, 1_000));
    await vscode.commands.executeCommand('gamelift.details.openLog');
    await vscode.commands.executeCommand('gamelift.details.copyLogLink');
    await vscode.commands.executeCommand('gamelift.details.refreshLogLink');
    const refreshed = hooks.explorer.model.findFleet(result.ref)!.events.find((e) => e.eventId === withLogs[0].eventId);
    const fresh = refreshed?.preSignedLogUrl
      ? new URL(refreshed.preSignedLogUrl).searchParams.get('X-Amz-Signature')
      : undefined;
    if (fresh) signatures.add(fresh);

    // Errors whose service messages carry secrets (as S3's InvalidAccessKeyId message does).
    const hostileMessage =
      `Internal failure for access key ${DEFAULT_TEST_ACCOUNT.accessKeyId}; aws_secret_access_key=${DEFAULT_TEST_ACCOUNT.secretAccessKey}; ` +
      `see ${withLogs[1].preSignedLogUrl}`;
    emulator.setFaults({
      rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'], message: hostileMessage }],
    });
    hooks.explorer.refreshFleet(result.ref);
    const fleetNode = await waitFor('the fleet node', async () =>
      (await childrenOf(hooks)).find((n) => (n as unknown as { ref?: { fleetId: string } }).ref?.fleetId === FLEET),
    );
    const children = await childrenOf(hooks, fleetNode);
    const error = children.find((c) => contextValue(c) === 'error');
    assert.ok(error, 'an error node');
    const shown = `${error.getTreeItem().label} ${error.getTreeItem().tooltip}`;
    assert.ok(!shown.includes(DEFAULT_TEST_ACCOUNT.accessKeyId), `no access key in the error node: ${shown}`);
    assert.ok(!shown.includes(DEFAULT_TEST_ACCOUNT.secretAccessKey), 'no secret key in the error node');
    for (const sig of signatures) assert.ok(!shown.includes(sig), 'no signature in the error node');

    emulator.setFaults({ rules: [{ kind: 'throttle', message: hostileMessage }] });
    await vscode.commands.executeCommand('gamelift.refresh');
    await waitFor('a root error node', async () => (await childrenOf(hooks)).find((n) => contextValue(n) === 'error'));
    // The details panel asks for a fresh link while GameLift fails.
    await vscode.commands.executeCommand('gamelift.details.refreshLogLink');

    emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand('gamelift.refresh');
    await vscode.commands.executeCommand('gamelift.showLog');
  });

  it('leaves no credential or presigned URL signature in any file of the run', async () => {
    const home = os.homedir();
    const root = path.dirname(home);
    assert.ok(
      fs.existsSync(path.join(root, 'server-data')) || fs.existsSync(path.join(root, 'user-data')),
      `the run dir holds the server's data (${root})`,
    );
    const aws = path.join(home, '.aws');
    const browser = path.join(root, 'chromium-profile');
    const all = filesUnder(root, (p) => p === browser || p.includes(`${path.sep}node_modules${path.sep}`));

    // The extension's own log (the GameLift output channel) must be among them, with this session in it.
    const logFile = await waitFor('the GameLift log file with the session', () => {
      const logs = filesUnder(root, (p) => p === browser).filter(
        (f) => /gamelift-tools\.gamelift-fleet-explorer/i.test(f) && f.endsWith('.log'),
      );
      return logs.find((f) => fs.readFileSync(f, 'utf8').includes(FLEET));
    });
    const logText = fs.readFileSync(logFile, 'utf8');
    assert.match(logText, /\[internal\b/, 'the hostile error was logged');
    assert.ok(
      all.some((f) => f.endsWith(path.join('User', 'settings.json'))),
      'user settings are searched',
    );

    const needles = [
      ...TEST_ACCOUNTS.flatMap((a) => [a.accessKeyId, a.secretAccessKey]),
      ...signatures,
      'X-Amz-Signature=',
      'X-Amz-Credential=',
      // The endpoint signs log links with this key ID; it appears only inside X-Amz-Credential.
      'AKIAEMULATORLOGSIGNER',
    ];
    assert.ok(signatures.size >= 3, 'signatures to look for');
    // Positive control: the search does find the keys where they legitimately are.
    const control = occurrences(
      [path.join(aws, 'credentials')],
      [DEFAULT_TEST_ACCOUNT.accessKeyId, DEFAULT_TEST_ACCOUNT.secretAccessKey],
    );
    assert.strictEqual(control.length, 2, 'the search finds the keys in ~/.aws/credentials');

    const searched = all.filter((f) => !f.startsWith(aws + path.sep));
    const leaks = occurrences(searched, needles);
    assert.deepStrictEqual(
      leaks.map((l) => `${path.relative(root, l.file)}: ${l.needle.slice(0, 12)}…`),
      [],
      `searched ${searched.length} files`,
    );
  });
});
