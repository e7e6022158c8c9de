// Container fleet logs inside the real VS Code against the local endpoint's CloudWatch Logs:
// a stream opened from the fleet's row as a read-only GameLift Log document, all streams with
// "Load older" and follow mode, a search across the group, saving to a file, S3 and NONE fleets
// told where their logs are, and a denied read that keeps what was shown.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FleetRef } from '../../src/gamelift/types';
import { OVERVIEW_CRASH_STREAM, OVERVIEW_FLEETS, OVERVIEW_LOG_GROUP, OVERVIEW_REGION } from '../emulator/fixtures';
import { localEndpointSuite, ScriptedPrompts, waitFor, type Script } from './explorerSupport';

const ACCOUNT = '111122223333';
/** Lines of the default scenario's log group (see test/unit/containerLogs/reader.test.ts). */
const GROUP_LINES = 16 + 180 + 240 + 40;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /;

describe('Container logs (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  const suite = localEndpointSuite(OVERVIEW_REGION, { 'events.timeZone': 'utc' });
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-container-logs-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ref = (fleetId: string): FleetRef => ({ target: suite.hooks.explorer.model.targets[0], fleetId });

  function script(s: Script): ScriptedPrompts {
    const prompts = new ScriptedPrompts(s);
    suite.hooks.prompts.current = prompts;
    return prompts;
  }

  const lastHour: Script['pick'] = {
    timeRange: (items) => items.find((i) => (i as { id?: string }).id === 'lastHour'),
  };

  function documentOf(uri: vscode.Uri | undefined): vscode.TextDocument {
    assert.ok(uri, 'the command opened a document');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(doc, `${uri.toString()} is open`);
    return doc;
  }

  /** The document's log lines (the header line left out); continuation lines stay. */
  const bodyOf = (doc: vscode.TextDocument) => doc.getText().split('\n').slice(1);

  it('opens the crash stream from the fleet row: read-only, GameLift Log, the crash in it', async () => {
    const prompts = script({
      pick: { ...lastHour, 'containerLogs.stream': (items) => items.find((i) => i.label === OVERVIEW_CRASH_STREAM) },
    });
    suite.emulator.resetRequests();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gamelift.openContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerRollback),
    });
    const doc = documentOf(uri);
    assert.deepStrictEqual(prompts.asked, ['containerLogs.stream', 'timeRange']);
    assert.strictEqual(doc.languageId, 'gamelift-log');
    assert.strictEqual(uri.scheme, 'gamelift-container-log');
    const [header, ...lines] = doc.getText().split('\n');
    assert.match(header, new RegExp(`^# ${OVERVIEW_CRASH_STREAM} in ${OVERVIEW_LOG_GROUP}`));
    assert.match(doc.getText(), /Segmentation fault/);
    // One stream: no stream label; times in order, oldest first.
    const times = lines.filter((l) => TIME.test(l)).map((l) => l.slice(0, 24));
    assert.ok(times.length > 0);
    assert.deepStrictEqual(times, [...times].sort());
    assert.ok(!lines.some((l) => l.includes(`[${OVERVIEW_CRASH_STREAM.split('/').pop()}]`)));
    // One stream reads with GetLogEvents; the group came from the fleet's log configuration.
    const ops = suite.emulator.requests.map((r) => r.operation);
    assert.ok(ops.includes('DescribeContainerFleet') && ops.includes('GetLogEvents'), ops.join());
    assert.ok(!ops.includes('FilterLogEvents'));
    // Read-only: an edit is refused.
    const editor = await vscode.window.showTextDocument(doc);
    const applied = await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'x'));
    assert.ok(!applied || doc.getText().split('\n')[1] === lines[0], 'the log cannot be edited');
  });

  it('opens all streams merged by time; Load older reaches back; follow picks up a new line', async () => {
    script({ pick: { ...lastHour, 'containerLogs.stream': (items) => items[0] } });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gamelift.openContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerRollback),
    });
    const doc = documentOf(uri);
    assert.match(doc.getText().split('\n')[0], new RegExp(`^# all streams of ${OVERVIEW_LOG_GROUP}`));
    const entries = bodyOf(doc).filter((l) => TIME.test(l));
    // The scenario spreads the lines over the hour before the endpoint started: the oldest may fall just outside.
    assert.ok(entries.length > GROUP_LINES - 5 && entries.length <= GROUP_LINES, `${entries.length} lines`);
    assert.ok(
      entries.every((l) => /^\S+ \[[^\]]+\] /.test(l)),
      'each line names its stream',
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.command),
      ['gamelift.containerLogs.loadOlder', 'gamelift.containerLogs.toggleFollow', 'gamelift.saveContainerLog'],
    );

    // The window is read to its start: Load older reads the hour before it.
    suite.emulator.resetRequests();
    await vscode.commands.executeCommand('gamelift.containerLogs.loadOlder', uri);
    const filters = suite.emulator.requests.filter((r) => r.operation === 'FilterLogEvents');
    assert.ok(filters.length > 0, 'Load older asked the service');
    assert.ok(Number(filters[0].input?.startTime) < Date.now() - 3_600_000 - 60_000, 'from before the window');
    // The editor asks for the new text after the change event: wait for it.
    await waitFor('every line of the group', () =>
      bodyOf(doc).filter((l) => TIME.test(l)).length === GROUP_LINES ? true : undefined,
    );

    await vscode.commands.executeCommand('gamelift.containerLogs.toggleFollow', uri);
    await waitFor('the header to say following', () =>
      doc.getText().split('\n')[0].includes('following') ? true : undefined,
    );
    suite.emulator.logGroups.append(
      ACCOUNT,
      OVERVIEW_REGION,
      OVERVIEW_LOG_GROUP,
      OVERVIEW_CRASH_STREAM,
      '[INFO] restarted after the crash',
    );
    await waitFor(
      'the followed line',
      () => (doc.getText().includes('restarted after the crash') ? true : undefined),
      30_000,
    );
    assert.strictEqual(bodyOf(doc).filter((l) => TIME.test(l)).length, GROUP_LINES + 1);
    await vscode.commands.executeCommand('gamelift.containerLogs.toggleFollow', uri);
    await waitFor('following to stop', () => (doc.getText().split('\n')[0].includes('following') ? undefined : true));
  });

  it('searches the group with a filter pattern and opens the matches', async () => {
    script({ pick: lastHour, input: { 'containerLogs.filterPattern': '?FATAL ?"Segmentation fault"' } });
    suite.emulator.resetRequests();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gamelift.searchContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerRollback),
    });
    const doc = documentOf(uri);
    const entries = bodyOf(doc).filter((l) => TIME.test(l));
    assert.ok(entries.length >= 2, doc.getText());
    assert.ok(
      entries.every((l) => /FATAL|Segmentation fault/.test(l)),
      entries.join('\n'),
    );
    const filters = suite.emulator.requests.filter((r) => r.operation === 'FilterLogEvents');
    assert.ok(filters.length > 0 && filters.every((r) => r.input?.filterPattern === '?FATAL ?"Segmentation fault"'));
  });

  it('searches from the fleet overview, whose page names no fleet', async () => {
    const prompts = script({ pick: lastHour, input: { 'containerLogs.filterPattern': 'FATAL' } });
    const fleetId = OVERVIEW_FLEETS.containerRollback;
    await vscode.commands.executeCommand('gamelift.showFleetOverview', { ref: ref(fleetId) });
    await vscode.commands.executeCommand('gamelift.overview._snapshot');
    await vscode.commands.executeCommand('gamelift.overview._deliver', fleetId, {
      type: 'containerLogs',
      action: 'search',
    });
    assert.deepStrictEqual(prompts.asked, ['containerLogs.filterPattern', 'timeRange']);
    const doc = await waitFor('the search document', () =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.scheme === 'gamelift-container-log' && d.getText().includes('matches of FATAL'),
      ),
    );
    assert.ok(
      bodyOf(doc)
        .filter((l) => TIME.test(l))
        .every((l) => l.includes('FATAL')),
    );
  });

  it('saves the log to a file, as the document shows it', async () => {
    const target = vscode.Uri.file(path.join(dir, 'crash.log'));
    const prompts = script({
      pick: { ...lastHour, 'containerLogs.stream': (items) => items[0] },
      save: { 'containerLogs.save': target },
    });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gamelift.openContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerRollback),
    });
    const doc = documentOf(uri);
    const saved = await vscode.commands.executeCommand<string>('gamelift.saveContainerLog', uri);
    assert.strictEqual(saved, target.fsPath);
    const written = fs.readFileSync(target.fsPath, 'utf8').replace(/\n$/, '').split('\n');
    assert.deepStrictEqual(written, bodyOf(doc));
    assert.ok(
      prompts.messages.some((m) => m.includes(`saved ${bodyOf(doc).filter((l) => TIME.test(l)).length} lines`)),
      prompts.messages.join('\n'),
    );
  });

  it('tells where the logs of an S3 fleet are, and how to turn on the logs of a NONE fleet', async () => {
    const prompts = script({});
    const s3 = await vscode.commands.executeCommand('gamelift.openContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerS3Logs),
    });
    const none = await vscode.commands.executeCommand('gamelift.searchContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerNoLogs),
    });
    assert.strictEqual(s3, undefined);
    assert.strictEqual(none, undefined);
    assert.match(prompts.messages[0], /go to the S3 bucket \S+/);
    assert.match(prompts.messages[1], /LogDestination NONE/);
    assert.match(prompts.messages[1], /update-container-fleet/);
    // An EC2 fleet has no container logs: said, nothing called.
    await vscode.commands.executeCommand('gamelift.openContainerLogs', { ref: ref(OVERVIEW_FLEETS.multiLocation) });
    assert.match(prompts.messages[2], /not a container fleet/);
  });

  it('a denied read says which logs: action is missing; the lines shown stay', async () => {
    const prompts = script({ pick: { ...lastHour, 'containerLogs.stream': (items) => items[0] } });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('gamelift.openContainerLogs', {
      ref: ref(OVERVIEW_FLEETS.containerRollback),
    });
    const doc = documentOf(uri);
    const before = bodyOf(doc);
    suite.emulator.setFaults({ rules: [{ kind: 'unauthorized', operations: ['FilterLogEvents'] }] });
    await vscode.commands.executeCommand('gamelift.containerLogs.loadOlder', uri);
    assert.ok(
      prompts.messages.some((m) => /logs:FilterLogEvents/.test(m)),
      prompts.messages.join('\n'),
    );
    await waitFor('the header to name the error', () =>
      /logs:FilterLogEvents/.test(doc.getText().split('\n').slice(0, 2).join('\n')) ? true : undefined,
    );
    assert.deepStrictEqual(bodyOf(doc).slice(-before.length), before);
  });
});
