// The fleet diagnosis inside a real VS Code, against the local endpoint's scenario fleets
// (local-dev, us-east-2): the Diagnosis row first under each failed fleet, "Diagnose fleet"
// opening the panel with the fleet's story, a log line of the evidence opening the log document
// at that line, the event details panel showing the fleet's headline, and Copy as Markdown
// carrying no presigned URL.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DiagnosisPanelSnapshot } from '../../src/fleetDiagnosis/diagnosisPanel';
import type { DetailsSnapshot } from '../../src/details/detailsController';
import type { ConnectionTarget, FleetRef, FleetSummary } from '../../src/gamelift/types';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../emulator/fixtures';
import { EXPECTED_STORIES } from '../unit/diagnosis/expectedStories';
import { explorerHooks, label, waitFor } from './explorerSupport';

const FAILED = (Object.keys(EXPECTED_STORIES) as (keyof typeof DIAGNOSIS_FLEETS)[]).filter(
  (key) => EXPECTED_STORIES[key].verdict === 'failed',
);

async function diagnosisTarget(): Promise<{ target: ConnectionTarget; fleets: readonly FleetSummary[] }> {
  const hooks = await explorerHooks();
  const target: ConnectionTarget = { ...hooks.explorer.model.targets[0], region: DIAGNOSIS_REGION };
  const connection = hooks.explorer.model.connection(target);
  await connection.ensureLoaded();
  assert.ok(connection.fleets && connection.fleets.length >= FAILED.length, 'the scenario fleets are listed');
  return { target, fleets: connection.fleets };
}

async function panels(): Promise<DiagnosisPanelSnapshot[]> {
  return vscode.commands.executeCommand<DiagnosisPanelSnapshot[]>('gamelift.diagnosis._snapshot');
}

async function panelOf(ref: FleetRef): Promise<DiagnosisPanelSnapshot> {
  return waitFor(`the diagnosis panel of ${ref.fleetId}`, async () =>
    (await panels()).find((p) => p.ref.fleetId === ref.fleetId && p.state === 'done' && p.ready),
  );
}

describe('Fleet diagnosis (real VS Code, local endpoint)', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts a Diagnosis row first under every failed scenario fleet, with its headline and an error icon', async () => {
    const hooks = await explorerHooks();
    const { target, fleets } = await diagnosisTarget();
    for (const key of [...FAILED, 'healthy' as const]) {
      const fleetId = DIAGNOSIS_FLEETS[key];
      const summary = fleets.find((f) => f.fleetId === fleetId);
      const node = await hooks.explorer.findFleetNode({ target, fleetId }, summary);
      assert.ok(node, `${key}: the fleet's node`);
      const children = await hooks.explorer.provider.getChildren(node);
      const first = children[0].getTreeItem();
      if (key === 'healthy') {
        assert.notStrictEqual(first.contextValue, 'diagnosis', 'no row for a healthy fleet');
        continue;
      }
      assert.strictEqual(first.contextValue, 'diagnosis', `${key}: the first row is the diagnosis`);
      assert.ok(label(children[0]).length > 20, `${key}: the headline is the label`);
      assert.strictEqual((first.iconPath as vscode.ThemeIcon).id, 'error');
      assert.strictEqual(first.command?.command, 'gamelift.diagnoseFleet');
      assert.deepStrictEqual(first.command?.arguments, [{ ref: { target, fleetId } }]);
    }
  });

  it('"Diagnose fleet" opens the panel with each failed fleet’s story, and the row then shows it', async () => {
    const hooks = await explorerHooks();
    const { target } = await diagnosisTarget();
    for (const key of FAILED) {
      const ref: FleetRef = { target, fleetId: DIAGNOSIS_FLEETS[key] };
      await vscode.commands.executeCommand('gamelift.diagnoseFleet', { ref });
      const shot = await panelOf(ref);
      const m = shot.model!;
      assert.strictEqual(m.verdict, 'failed', key);
      assert.strictEqual(m.story, EXPECTED_STORIES[key].id, `${key}: ${m.headline}`);
      assert.ok(m.phase.steps.some((s) => s.state === 'stopped') || !EXPECTED_STORIES[key].stoppedAt, key);
      for (const kind of EXPECTED_STORIES[key].evidence)
        assert.ok(
          m.evidence.some((e) => e.kind === kind),
          `${key}: ${kind} evidence`,
        );
      assert.ok(m.nextSteps.length > 0, `${key}: next steps`);
      assert.deepStrictEqual(m.gaps, [], key);
      assert.match(shot.title, /^Diagnosis: diag-/);
      assert.ok(!JSON.stringify(m).includes('X-Amz'), 'no log link reaches the page');
      const node = await hooks.explorer.findFleetNode(ref);
      const row = (await hooks.explorer.provider.getChildren(node))[0];
      assert.strictEqual(label(row), m.headline, `${key}: the row shows the full diagnosis`);
    }
  });

  it('opens a log line of the evidence in the log document at that line', async () => {
    const { target } = await diagnosisTarget();
    const ref: FleetRef = { target, fleetId: DIAGNOSIS_FLEETS.installerCrlf };
    await vscode.commands.executeCommand('gamelift.diagnoseFleet', { ref });
    const shot = await panelOf(ref);
    const line = shot.model!.evidence.find((e) => e.kind === 'log' && e.text.includes('bad interpreter'));
    assert.ok(line?.eventId && line.line, 'the failing line is evidence');
    await vscode.commands.executeCommand(
      'gamelift.diagnosis._deliver',
      { type: 'openLogLine', eventId: line.eventId, line: line.line, ...(line.file ? { file: line.file } : {}) },
      ref,
    );
    const editor = await waitFor('the log document', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'gamelift-log' ? e : undefined;
    });
    assert.strictEqual(editor.document.languageId, 'gamelift-log');
    assert.strictEqual(editor.selection.active.line, line.line - 1);
    assert.match(editor.document.lineAt(line.line - 1).text, /bad interpreter/);
  });

  it('shows the fleet’s diagnosis headline in the event details panel', async () => {
    const hooks = await explorerHooks();
    const { target } = await diagnosisTarget();
    const ref: FleetRef = { target, fleetId: DIAGNOSIS_FLEETS.noInstances };
    const state = hooks.explorer.model.fleet(ref);
    await state.ensureStarted();
    const event = state.events[0];
    await vscode.commands.executeCommand('gamelift.showEventDetails', { ref, event });
    const shot = await waitFor('the details panel with the diagnosis', async () => {
      const s = await vscode.commands.executeCommand<DetailsSnapshot>('gamelift.details._snapshot');
      return s.preview?.ready && s.preview.model?.diagnosis ? s : undefined;
    });
    const d = shot.preview!.model!.diagnosis!;
    assert.strictEqual(d.verdict, 'failed');
    assert.strictEqual(d.headline, hooks.explorer.model.findFleet(ref)!.diagnosis()!.headline);
  });

  it('Copy as Markdown gives the diagnosis without a presigned URL', async () => {
    const { target } = await diagnosisTarget();
    const ref: FleetRef = { target, fleetId: DIAGNOSIS_FLEETS.activationFailed };
    await vscode.commands.executeCommand('gamelift.diagnoseFleet', { ref });
    await panelOf(ref);
    await vscode.commands.executeCommand('gamelift.diagnosis._deliver', { type: 'copyMarkdown' }, ref);
    const shot = await waitFor('the copied Markdown', async () =>
      (await panels()).find((p) => p.ref.fleetId === ref.fleetId && p.copiedMarkdown),
    );
    const markdown = shot.copiedMarkdown!;
    assert.match(markdown, /^## GameLift fleet diagnosis: `fleet-/);
    assert.match(markdown, /\*\*Verdict:\*\* failed/);
    assert.ok(markdown.includes('### Evidence'));
    assert.doesNotMatch(markdown, /X-Amz-|Signature=|Credential=|\/logs\/fleet-|127\.0\.0\.1/);
  });
});
