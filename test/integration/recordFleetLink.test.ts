// "Fetch events for fleet-…" from a CloudTrail record inside a real VS Code, against the local
// endpoint: the link carries the record's Region and account, so a record from eu-west-1 fetches
// from eu-west-1 although only us-west-2 is configured, and a record from an account no configured
// profile is for says so and lets the user pick the profile.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FetchResult } from '../../src/explorer/commands/fetchFleetEvents';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import { COMMAND } from '../../src/ids';
import { TEST_ACCOUNTS } from '../emulator/credentials';
import { DEFAULT_FLEETS } from '../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { explorerHooks, ScriptedPrompts, setSetting, snapshotSettings, waitFor, type Script } from './explorerSupport';

const DEV = TEST_ACCOUNTS.find((a) => a.profile === 'local-dev')!;
const QA = TEST_ACCOUNTS.find((a) => a.profile === 'local-qa')!;

function record(fleetId: string, region: string, accountId: string): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      arn: `arn:aws:iam::${accountId}:user/alice`,
      accountId,
      userName: 'alice',
    },
    eventTime: '2026-11-30T02:10:00Z',
    eventSource: 'gamelift.amazonaws.com',
    eventName: 'UpdateFleetCapacity',
    awsRegion: region,
    sourceIPAddress: '198.51.100.23',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: { fleetId, desiredInstances: 0 },
    responseElements: { fleetId },
    requestID: '8b6f0d1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    eventID: `3c1f2a4b-5d6e-4f70-8a9b-${accountId}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
}

const FETCH_ANSWERS: Script = {
  pick: { timeRange: (items) => items.find((i) => i.label === 'All events') },
  input: { 'fetch.limit': '20' },
  message: [{ match: /fetched/, answer: undefined }],
};

describe('Fleet links of CloudTrail records (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;
  let dir: string;

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('profile', 'local-dev');
    await setSetting('regions', ['us-west-2']);
    await setSetting('endpoint', emulator.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-fleet-link-'));
  });
  after(async () => {
    hooks.prompts.current = (await import('../../src/explorer/prompts')).windowPrompts;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSettings?.();
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a one-record CloudTrail log and returns the CodeLens of `fleetId`. */
  async function lensOf(name: string, rec: Record<string, unknown>, fleetId: string): Promise<vscode.Command> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify({ Records: [rec] }, null, 2));
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the cloudtrail language', () =>
      vscode.window.activeTextEditor?.document.languageId === 'cloudtrail' ? true : undefined,
    );
    return waitFor(`the lens of ${fleetId}`, async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return lenses?.find((l) => l.command?.title.includes(fleetId))?.command;
    });
  }

  it("fetches a fleet of another Region than the configured one from the record's Region", async () => {
    const fleetId = DEFAULT_FLEETS.euActive;
    const lens = await lensOf('eu.json', record(fleetId, 'eu-west-1', DEV.accountId), fleetId);
    assert.strictEqual(lens.command, COMMAND.fetchFleetEvents);
    assert.deepStrictEqual(lens.arguments, [{ fleetId, region: 'eu-west-1', accountId: DEV.accountId }]);
    // The hover link carries the same place.
    const document = vscode.window.activeTextEditor!.document;
    const at = document.positionAt(document.getText().indexOf(fleetId) + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      at,
    );
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const target = /\]\(command:gamelift\.fetchFleetEvents\?([^ )]*)/.exec(markdown)?.[1] ?? '';
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target)), lens.arguments);

    const prompts = new ScriptedPrompts(FETCH_ANSWERS);
    hooks.prompts.current = prompts;
    const result = await vscode.commands.executeCommand<FetchResult>(lens.command, ...(lens.arguments ?? []));
    assert.strictEqual(result.error, undefined, result.error?.message);
    assert.deepStrictEqual(result.ref.target, { profile: 'local-dev', region: 'eu-west-1', endpoint: emulator.url });
    assert.ok(result.fetched > 0, 'the fleet events were fetched');
  });

  it("says when no configured profile is for the record's account and fetches with the one picked", async () => {
    const fleetId = DEFAULT_FLEETS.qaSmoke;
    const lens = await lensOf('qa.json', record(fleetId, 'us-west-2', QA.accountId), fleetId);
    const prompts = new ScriptedPrompts({
      ...FETCH_ANSWERS,
      message: [{ match: new RegExp(`account ${QA.accountId}`), answer: 'Pick profile' }, ...FETCH_ANSWERS.message!],
      pick: { ...FETCH_ANSWERS.pick, recordProfile: (items) => items.find((i) => i.label === 'local-qa') },
    });
    hooks.prompts.current = prompts;
    const result = await vscode.commands.executeCommand<FetchResult>(lens.command, ...(lens.arguments ?? []));
    assert.ok(
      prompts.messages.some((m) => m.includes(`local-dev is ${DEV.accountId}`)),
      prompts.messages.join('\n'),
    );
    assert.deepStrictEqual(prompts.asked.slice(0, 1), ['recordProfile']);
    assert.strictEqual(result.error, undefined, result.error?.message);
    assert.deepStrictEqual(result.ref.target, { profile: 'local-qa', region: 'us-west-2', endpoint: emulator.url });
    assert.ok(result.fetched > 0);
  });

  it('fetches nothing when the user does not pick a profile', async () => {
    const fleetId = DEFAULT_FLEETS.qaSmoke;
    const lens = await lensOf('qa2.json', record(fleetId, 'us-west-2', QA.accountId), fleetId);
    hooks.prompts.current = new ScriptedPrompts({ message: [{ match: /account/, answer: undefined }] });
    const result = await vscode.commands.executeCommand<FetchResult | undefined>(
      lens.command,
      ...(lens.arguments ?? []),
    );
    assert.strictEqual(result, undefined);
  });
});
