// A fleet's "Changes" inside a real VS Code against the local endpoint's CloudTrail: the write
// calls of the fleet as "who · what · when" with the failed call's code, one opened as a
// read-only CloudTrail document, the same calls on the fleet timeline's lane, and a denied
// cloudtrail:LookupEvents shown as an error row with Retry while the rest of the tree works.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { FleetRef } from '../../src/gamelift/types';
import { CLOUDTRAIL_LANGUAGE, COMMAND, TEST_COMMAND } from '../../src/ids';
import type { TimelinesSnapshot } from '../../src/timeline/timelines';
import type { TimelineViewModel } from '../../src/timeline/protocol';
import { TEST_ACCOUNTS } from '../emulator/credentials';
import { DEFAULT_FLEETS } from '../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import {
  childrenOf,
  contextValue,
  explorerHooks,
  label,
  setSetting,
  snapshotSettings,
  waitFor,
} from './explorerSupport';

const DEV = TEST_ACCOUNTS.find((a) => a.profile === 'local-dev')!;

describe('Fleet Changes from CloudTrail (real VS Code, local endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let restoreSettings: () => Promise<void>;
  let ref: FleetRef;

  before(async () => {
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    await setSetting('watch.intervalSeconds', 0);
    await setSetting('events.defaultTimeRange', 'all');
    await setSetting('profile', 'local-dev');
    await setSetting('regions', ['us-west-2']);
    await setSetting('endpoint', emulator.url);
    ref = {
      target: { profile: 'local-dev', region: 'us-west-2', endpoint: emulator.url },
      fleetId: DEFAULT_FLEETS.busy,
    };
  });
  after(async () => {
    emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSettings?.();
    await emulator?.stop();
  });

  async function fleetNode(): Promise<ExplorerNode> {
    return waitFor('the busy fleet in the tree', async () =>
      (await childrenOf(hooks)).find((n) => (n as unknown as { ref?: FleetRef }).ref?.fleetId === ref.fleetId),
    );
  }

  async function changesRow(): Promise<ExplorerNode> {
    const row = (await childrenOf(hooks, await fleetNode())).find((c) => contextValue(c) === 'changes');
    assert.ok(row, 'the fleet has a Changes row');
    return row;
  }

  /** The fleet's write calls as the endpoint's trail holds them, newest first. */
  function trailWrites(): Array<{ who: string; name: string; errorCode?: string; eventId: string }> {
    return emulator.trail
      .events(DEV.accountId, 'us-west-2')
      .filter((e) => e.eventSource === 'gamelift.amazonaws.com' && !e.readOnly)
      .filter((e) => e.resources.some((r) => r.ResourceName === ref.fleetId))
      .map((e) => ({
        who: e.username ?? '',
        name: e.eventName,
        eventId: e.eventId,
        errorCode: (JSON.parse(e.text) as { errorCode?: string }).errorCode,
      }));
  }

  /** Expands the Changes row until it has read everything (or shows an error). */
  async function expandAll(row: ExplorerNode): Promise<ExplorerNode[]> {
    return waitFor('the Changes read', async () => {
      const children = await childrenOf(hooks, row);
      const more = children.find((c) => contextValue(c) === 'loadMore');
      if (more) await vscode.commands.executeCommand(COMMAND.loadMore, more);
      const settled = !children.some((c) => /Reading CloudTrail/.test(label(c))) && !more;
      return settled ? children : undefined;
    });
  }

  it("lists the fleet's write calls as who · what · when, the failed one with its error code", async () => {
    const row = await changesRow();
    const children = await expandAll(row);
    const changes = children.filter((c) => contextValue(c) === 'change');
    const expected = trailWrites();
    assert.deepStrictEqual(
      changes.map((c) => label(c).split(' · ').slice(0, 2).join(' · ')),
      expected.map((e) => `${e.who} · ${e.name}`),
    );
    assert.deepStrictEqual(
      changes.map((c) => c.getTreeItem().description || undefined),
      expected.map((e) => e.errorCode),
    );
    assert.ok(
      expected.some((e) => e.errorCode === 'LimitExceededException'),
      'the story has a failed call',
    );
    assert.match(String(row.getTreeItem().description), new RegExp(`^${expected.length} · CloudTrail$`));
  });

  it('opens a change as a read-only CloudTrail document with the language features', async () => {
    const children = await childrenOf(hooks, await changesRow());
    const failed = children.find((c) => c.getTreeItem().description === 'LimitExceededException')!;
    const command = failed.getTreeItem().command!;
    assert.strictEqual(command.command, COMMAND.openCloudTrailRecord);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('the record editor', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'gamelift-cloudtrail-record'
        ? vscode.window.activeTextEditor
        : undefined,
    );
    const document = editor.document;
    assert.strictEqual(document.languageId, CLOUDTRAIL_LANGUAGE);
    const record = JSON.parse(document.getText()) as Record<string, unknown>;
    assert.strictEqual(record.errorCode, 'LimitExceededException');
    assert.strictEqual(record.eventName, 'UpdateFleetCapacity');
    assert.match(document.uri.path, /UpdateFleetCapacity/);
    // Read-only: its file system takes no writes, so the editor shows the lock and refuses typing.
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(document.uri.scheme), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(document.uri, new Uint8Array([32]))));
    // The CloudTrail language features run on it: the fleet link's CodeLens names the fleet.
    const lenses = await waitFor('fleet CodeLens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      return found?.some((l) => l.command?.title.includes(ref.fleetId)) ? found : undefined;
    });
    assert.ok(lenses.length >= 1);
  });

  it("puts the same calls on the fleet timeline's Changes lane", async () => {
    await vscode.commands.executeCommand(COMMAND.showFleetTimeline, { ref });
    const model = await waitFor('the timeline with its Changes lane', async () => {
      const shot = await vscode.commands.executeCommand<TimelinesSnapshot>(TEST_COMMAND.timelineSnapshot);
      const m = shot.timelines.find((t) => t.ref.fleetId === ref.fleetId)?.model as TimelineViewModel | undefined;
      return m?.changes && !m.changes.loading ? m : undefined;
    });
    const drawn = new Set(model.changes!.marks.map((m) => m.eventId));
    const writes = trailWrites();
    assert.strictEqual(drawn.size + model.changes!.outside, writes.length, 'every change drawn or counted');
    for (const id of drawn) assert.ok(writes.some((w) => w.eventId === id));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a denied cloudtrail:LookupEvents as an error row with Retry; the fleet events still load', async () => {
    emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['LookupEvents'] }] });
    hooks.explorer.refreshFleet(ref);
    const node = await fleetNode();
    const children = await childrenOf(hooks, node);
    assert.ok(
      children.some((c) => contextValue(c) === 'eventCategory'),
      'the fleet events load as before',
    );
    const row = await changesRow();
    const error = await waitFor('the error row', async () =>
      (await childrenOf(hooks, row)).find((c) => contextValue(c) === 'error'),
    );
    assert.match(label(error), /cloudtrail:LookupEvents/);
    assert.strictEqual(error.getTreeItem().command?.command, COMMAND.retry);
    // Other fleets and the roots are untouched.
    const roots = await childrenOf(hooks);
    assert.ok(
      roots.every((r) => contextValue(r)?.startsWith('fleet')),
      'no error at the roots',
    );
    emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand(COMMAND.retry, error);
    const after = await expandAll(row);
    assert.ok(!after.some((c) => contextValue(c) === 'error'), 'the error is gone after Retry');
    assert.strictEqual(after.filter((c) => contextValue(c) === 'change').length, trailWrites().length);
  });
});
