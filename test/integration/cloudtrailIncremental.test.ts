// Edits to a CloudTrail log checked in the worker go over as edits only, inside a real VS Code:
// a bad awsRegion typed into one record is reported at the right range, undoing it clears the
// problem, both re-checks took the incremental path (one record re-checked, found through the
// test hook gamelift.cloudtrail._analysis) and the document's text went to the worker only once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { makeCloudTrailText } from '../../bench/cloudtrail-data';
import { validateAndPosition } from '../../src/cloudtrail/editor/worker/positionedResult';
import { waitFor } from './explorerSupport';

const EXTENSION_ID = 'gamelift-tools.gamelift-fleet-explorer';

interface AnalysisHook {
  version?: number;
  ranInWorker?: boolean;
  how?: 'full' | 'edits' | 'incremental';
  traffic?: { text: number; edits: number; resyncs: number };
}

function hook(doc: vscode.TextDocument): Thenable<AnalysisHook> {
  return vscode.commands.executeCommand<AnalysisHook>('gamelift.cloudtrail._analysis', doc.uri.toString());
}

/** How long a run in the worker may take before a wait gives up. */
const WAIT_MS = 30_000;

/** The analysis of the document's current version, once there is one. */
function analysed(doc: vscode.TextDocument): Promise<AnalysisHook> {
  return waitFor(
    `the analysis of version ${doc.version}`,
    async () => {
      const a = await hook(doc);
      return a.version === doc.version ? a : undefined;
    },
    WAIT_MS,
  );
}

function regionProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CloudTrail' && d.code === 'region');
}

describe('CloudTrail language: edits checked incrementally in the worker', function () {
  this.timeout(120_000);
  let dir: string;
  let file: vscode.Uri;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('gamelift.cloudtrail');

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    // A small threshold, so a 300 KB log already goes to the worker.
    await config().update('workerThreshold', 20_000, vscode.ConfigurationTarget.Global);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-cloudtrail-incremental-'));
    file = vscode.Uri.file(path.join(dir, 'edits.cloudtrail.json'));
    fs.writeFileSync(file.fsPath, makeCloudTrailText(300_000, true, 17));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('workerThreshold', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a bad region typed into a record at its range, clears it on undo, sending only the edits', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    assert.strictEqual(doc.languageId, 'cloudtrail');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const opened = await analysed(doc);
    assert.strictEqual(opened.ranInWorker, true, 'a document above the threshold is checked in the worker');
    assert.strictEqual(opened.how, 'full');
    const textsSent = opened.traffic?.text ?? 0;
    const editsSent = opened.traffic?.edits ?? 0;
    assert.deepStrictEqual(regionProblems(file), [], 'the generated log has no region problem');

    // The middle record's "us-west-2" becomes "uswest2".
    const text = doc.getText();
    const key = '"awsRegion": "us-west-2"';
    let at = text.indexOf(key, text.length >> 1);
    if (at < 0) at = text.indexOf(key);
    assert.ok(at > 0, 'the log has a us-west-2 record');
    const valueStart = doc.positionAt(at + '"awsRegion": '.length);
    const edited = await editor.edit((b) =>
      b.replace(new vscode.Range(valueStart.translate(0, 1), valueStart.translate(0, 10)), 'uswest2'),
    );
    assert.ok(edited);

    const problems = await waitFor(
      'the region problem',
      () => {
        const ds = regionProblems(file);
        return ds.length > 0 ? ds : undefined;
      },
      WAIT_MS,
    );
    assert.strictEqual(problems.length, 1);
    assert.ok(
      problems[0].range.isEqual(new vscode.Range(valueStart, valueStart.translate(0, '"uswest2"'.length))),
      `range ${JSON.stringify(problems[0].range)}`,
    );
    assert.match(problems[0].message, /uswest2/);
    const afterEdit = await analysed(doc);
    assert.strictEqual(afterEdit.how, 'incremental', 'the edit re-checked one record');

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(
      doc.getText(new vscode.Range(valueStart, valueStart.translate(0, 11))),
      '"us-west-2"',
      'the undo restored the value',
    );
    await waitFor(
      'the region problem to go away',
      () => (regionProblems(file).length === 0 ? true : undefined),
      WAIT_MS,
    );
    const afterUndo = await analysed(doc);
    assert.strictEqual(afterUndo.how, 'incremental', 'the undo re-checked one record');
    assert.strictEqual(afterUndo.traffic?.text, textsSent, 'the text was not sent to the worker again');
    assert.ok(
      (afterUndo.traffic?.edits ?? 0) >= editsSent + 2,
      `edits were sent instead (${JSON.stringify(afterUndo.traffic)})`,
    );
  });

  it('applies several changes of one edit in order, as a full check of the text would see them', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await analysed(doc);
    const text = doc.getText();
    const regions = [...text.matchAll(/"awsRegion": "([a-z0-9-]+)"/g)];
    assert.ok(regions.length > 20);
    const valueRange = (m: RegExpMatchArray): vscode.Range => {
      const start = (m.index ?? 0) + '"awsRegion": "'.length;
      return new vscode.Range(doc.positionAt(start), doc.positionAt(start + m[1].length));
    };
    // Two values of one record's neighbourhood and one far away, in one edit (one change event with three changes).
    const picks = [regions[3], regions[4], regions[regions.length - 2]];
    assert.ok(
      await editor.edit((b) => picks.forEach((m, i) => b.replace(valueRange(m), ['moon-1', 'mars-22', 'x'][i]))),
    );
    const after = await analysed(doc);
    assert.ok(after.how === 'edits' || after.how === 'incremental', `edits only (${after.how})`);
    const expected = validateAndPosition(doc.getText(), { maxDiagnostics: 1000 }).diagnostics.map(
      (d) => `${d.ruleId} ${d.range.join(',')}`,
    );
    const shown = vscode.languages
      .getDiagnostics(file)
      .filter((d) => d.source === 'CloudTrail')
      .map(
        (d) =>
          `${String(d.code)} ${[d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character].join(',')}`,
      );
    assert.deepStrictEqual(shown, expected);
    assert.strictEqual(regionProblems(file).length, 3);
    // One change inside one record: incremental.
    const record = [...doc.getText().matchAll(/"awsRegion": "([a-z0-9-]+)"/g)][10];
    assert.ok(await editor.edit((b) => b.replace(valueRange(record), 'uswest9')));
    assert.strictEqual((await analysed(doc)).how, 'incremental');
    assert.strictEqual(regionProblems(file).length, 4);
  });
});
