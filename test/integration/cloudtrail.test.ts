// CloudTrail logs as a language, inside a real VS Code: diagnostics at the right places, quick
// fixes that repair the file, settings that change severities and caps, the outline, folding,
// hovers, fleet links, formatting, `.json.gz` deliveries opened decompressed and read-only, and
// JSON files with CloudTrail content switched to the language.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gamelift-tools.gamelift-fleet-explorer';
const FLEET = 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777';

let fixtures: string;
let scratch: string;
let copies = 0;

/** A fresh copy of a fixture under a scratch folder (so edits never touch the repository). */
function copyOf(fixture: string, name = fixture): vscode.Uri {
  const dir = path.join(scratch, String(++copies));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  fs.copyFileSync(path.join(fixtures, fixture), target);
  return vscode.Uri.file(target);
}

function writeScratch(name: string, content: string | Buffer): vscode.Uri {
  const dir = path.join(scratch, String(++copies));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return vscode.Uri.file(target);
}

/** Polls until `probe` returns something truthy; fails with `what` after `ms`. */
async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: T | undefined | false;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The document's outline once it has one (the analysis may still be running). */
async function outlineOf(uri: vscode.Uri, what: string): Promise<vscode.DocumentSymbol[]> {
  return waitFor(what, async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    return found && found.length > 0 ? found : undefined;
  });
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

function cloudTrailDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'CloudTrail');
}

async function diagnosticsMatching(
  uri: vscode.Uri,
  what: string,
  ok: (ds: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ds = cloudTrailDiagnostics(uri);
    return ok(ds) ? ds : undefined;
  });
}

async function openAsCloudTrail(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return waitFor(`${path.basename(uri.fsPath)} in the cloudtrail language`, () => {
    const d = openDocument(uri);
    return d?.languageId === 'cloudtrail' ? d : undefined;
  });
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  return doc.positionAt(offset + delta);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('gamelift.cloudtrail').update(key, value, vscode.ConfigurationTarget.Global);
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('CloudTrail language', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
    fixtures = path.join(ext.extensionPath, 'test', 'fixtures', 'cloudtrail-editor');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-cloudtrail-'));
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const key of ['rules', 'maxDiagnostics', 'validate', 'workerThreshold', 'autoDetect'])
      await setSetting(key, undefined);
  });

  after(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('reports the two syntax errors of a broken log where they are', async () => {
    const uri = copyOf('gamelift-broken.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    const ds = await diagnosticsMatching(
      uri,
      'two syntax errors',
      (all) => all.filter((d) => codeOf(d) === 'syntax').length === 2,
    );
    const syntax = ds.filter((d) => codeOf(d) === 'syntax').sort((a, b) => a.range.start.line - b.range.start.line);
    // The value missing its opening quote, and the comma after the last record.
    assert.deepStrictEqual(syntax[0].range.start, positionOf(doc, 'AKIAV4QZ7RBN2KX5TLMD"'));
    assert.strictEqual(syntax[0].severity, vscode.DiagnosticSeverity.Error);
    const comma = doc.getText().lastIndexOf('},') + 1;
    assert.deepStrictEqual(syntax[1].range.start, doc.positionAt(comma));
    assert.strictEqual(doc.getText(syntax[1].range), ',');
  });

  it('repairs the broken log with the preferred quick fixes', async () => {
    const uri = copyOf('gamelift-broken.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    assert.throws(() => JSON.parse(doc.getText()));
    for (let round = 0; round < 2; round++) {
      // Each fix leaves one syntax error fewer; wait until the diagnostics show the current text.
      const all = await diagnosticsMatching(
        uri,
        `${2 - round} syntax error(s)`,
        (ds) => ds.filter((d) => codeOf(d) === 'syntax').length === 2 - round,
      );
      const target = all.find((d) => codeOf(d) === 'syntax');
      assert.ok(target);
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          target.range,
          vscode.CodeActionKind.QuickFix.value,
        )) ?? [];
      // (Diagnostics of an action do not survive executeCodeActionProvider; the range picks the error.)
      const fix = actions.find((a) => a.isPreferred && a.edit);
      assert.ok(
        fix?.edit,
        `round ${round}: no preferred quick fix for "${target.message}" at ${JSON.stringify(target.range)} v${openDocument(uri)?.version} (got: ${JSON.stringify(actions.map((a) => ({ title: a.title, preferred: a.isPreferred, diagnostics: a.diagnostics?.map((d) => d.message), edit: !!a.edit })))})`,
      );
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
    }
    const fixed = openDocument(uri);
    assert.ok(fixed);
    const parsed = JSON.parse(fixed.getText()) as { Records: Array<{ userIdentity: { accessKeyId: string } }> };
    assert.strictEqual(parsed.Records.length, 3);
    assert.strictEqual(parsed.Records[0].userIdentity.accessKeyId, 'AKIAV4QZ7RBN2KX5TLMD');
    await diagnosticsMatching(uri, 'syntax errors to clear', (all) => !all.some((d) => codeOf(d) === 'syntax'));
  });

  it('reports rule problems on the offending values, and the "did you mean" fix is preferred', async () => {
    const uri = copyOf('gamelift-rules.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    const ds = await diagnosticsMatching(
      uri,
      'rule diagnostics',
      (all) =>
        all.some((d) => codeOf(d) === 'gamelift-operation') && all.some((d) => codeOf(d) === 'event-time-format'),
    );
    const op = ds.find((d) => codeOf(d) === 'gamelift-operation');
    assert.ok(op);
    assert.strictEqual(doc.getText(op.range), '"DescribeFleetEvent"');
    assert.strictEqual(op.severity, vscode.DiagnosticSeverity.Warning);
    const time = ds.find((d) => codeOf(d) === 'event-time-format');
    assert.ok(time);
    assert.strictEqual(doc.getText(time.range), '"2024-03-12 08:12:42"');
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        op.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, 'no preferred fix for the misspelt operation');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(openDocument(uri)?.getText().includes('"eventName": "DescribeFleetEvents"'));
    await diagnosticsMatching(
      uri,
      'the operation warning to go',
      (all) => !all.some((d) => codeOf(d) === 'gamelift-operation'),
    );
  });

  it('applies per-rule severities from gamelift.cloudtrail.rules, and the master switch', async () => {
    const uri = copyOf('gamelift-rules.cloudtrail.json');
    await openAsCloudTrail(uri);
    await diagnosticsMatching(uri, 'default severities', (all) => all.some((d) => codeOf(d) === 'event-time-format'));
    await setSetting('rules', { 'event-time-format': 'off', 'gamelift-operation': 'error' });
    const ds = await diagnosticsMatching(
      uri,
      'overridden severities',
      (all) =>
        !all.some((d) => codeOf(d) === 'event-time-format') &&
        all.some((d) => codeOf(d) === 'gamelift-operation' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.strictEqual(ds.filter((d) => codeOf(d) === 'gamelift-operation').length, 1);
    await setSetting('validate', false);
    await diagnosticsMatching(uri, 'diagnostics to clear when validation is off', (all) => all.length === 0);
  });

  it('caps diagnostics at gamelift.cloudtrail.maxDiagnostics and says so', async () => {
    await setSetting('maxDiagnostics', 1);
    const uri = copyOf('gamelift-rules.cloudtrail.json');
    await openAsCloudTrail(uri);
    const ds = await diagnosticsMatching(uri, 'a capped list', (all) =>
      all.some((d) => codeOf(d) === 'max-diagnostics'),
    );
    const note = ds.find((d) => codeOf(d) === 'max-diagnostics');
    assert.ok(note);
    assert.strictEqual(note.severity, vscode.DiagnosticSeverity.Information);
    assert.match(note.message, /the 1 most severe of 2 problems; not shown: 1 warning\./);
    assert.strictEqual(ds.length, 2);
  });

  it('validates in the worker thread too, ending with the result for the last edit', async () => {
    await setSetting('workerThreshold', 0);
    const uri = copyOf('gamelift-rules.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    await diagnosticsMatching(uri, 'worker diagnostics', (all) => all.some((d) => codeOf(d) === 'gamelift-operation'));
    const editor = await vscode.window.showTextDocument(doc);
    // Several quick edits: every stale run is dropped, the last text decides.
    for (const name of ['DescribeFleetEventz', 'DescribeFleetEvent', 'DescribeFleetEvents']) {
      const text = editor.document.getText();
      const start = text.indexOf('"eventName": "DescribeFleetEv') + '"eventName": "'.length;
      const end = text.indexOf('"', start);
      await editor.edit((b) =>
        b.replace(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end)), name),
      );
    }
    await diagnosticsMatching(
      uri,
      'the final text to be clean of operation warnings',
      (all) => all.length > 0 && !all.some((d) => codeOf(d) === 'gamelift-operation'),
    );
    assert.ok(cloudTrailDiagnostics(uri).some((d) => codeOf(d) === 'event-time-format'));
  });

  it('lists one outline symbol per record: eventName · eventTime · user', async () => {
    const uri = copyOf('gamelift-valid.json', 'outline.cloudtrail.json');
    await openAsCloudTrail(uri);
    const symbols = await outlineOf(uri, 'document symbols');
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      [
        'CreateFleet · 2024-03-11T08:11:42Z · alice',
        'DescribeFleetAttributes · 2024-03-12T08:12:42Z · bob',
        'DescribeFleetEvents · 2024-03-13T08:13:42Z · bob',
      ],
    );
    const doc = openDocument(uri);
    assert.ok(doc);
    assert.strictEqual(doc.getText(symbols[0].selectionRange), '"CreateFleet"');
    assert.ok(symbols[2].detail.includes('NotFoundException'));
  });

  it('folds every multi-line object and array, records included', async () => {
    const uri = copyOf('gamelift-valid.json', 'folding.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    const ranges = await waitFor('folding ranges', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      return r && r.length > 0 ? r : undefined;
    });
    const symbols =
      (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ??
      [];
    assert.strictEqual(symbols.length, 3);
    for (const s of symbols)
      assert.ok(
        ranges.some((r) => r.start === s.range.start.line),
        `no fold at record line ${s.range.start.line}`,
      );
    const identity = positionOf(doc, '"userIdentity": {').line;
    assert.ok(ranges.some((r) => r.start === identity));
  });

  it('explains fields and GameLift operations on hover', async () => {
    const uri = copyOf('gamelift-valid.json', 'hover.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    const hoverText = async (pos: vscode.Position): Promise<string> => {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const onCreate = await waitFor('a hover on CreateFleet', async () => {
      const t = await hoverText(positionOf(doc, '"CreateFleet"', 3));
      return t.includes('CreateFleet') ? t : undefined;
    });
    assert.match(onCreate, /eventName/);
    assert.match(onCreate, /changes resources/);
    const onDescribe = await hoverText(positionOf(doc, '"DescribeFleetAttributes"', 3));
    assert.match(onDescribe, /reads only/);
    const onType = await hoverText(positionOf(doc, '"IAMUser"', 2));
    assert.match(onType, /IAM user with long-term credentials/);
    const onKey = await hoverText(positionOf(doc, '"recipientAccountId"', 3));
    assert.match(onKey, /account that received this copy/);
    // A fleet ID links to "Fetch fleet events" for that fleet, the hover trusting only that command.
    const fleetPos = positionOf(doc, `"${FLEET}"`, 3);
    const fleetHovers =
      (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, fleetPos)) ?? [];
    const fleetText = fleetHovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
      .join('\n');
    // The link carries the record's Region and account, so the fetch asks where the fleet is.
    const args = [{ fleetId: FLEET, region: 'us-west-2', accountId: '403987211056' }];
    const link = `command:gamelift.fetchFleetEvents?${encodeURIComponent(JSON.stringify(args))}`;
    assert.ok(fleetText.includes(`](${link}`), `no fleet link in: ${fleetText}`);
    assert.strictEqual([...fleetText.matchAll(/\]\(command:/g)].length, 1, 'exactly one command link');
  });

  it('offers "Fetch events for fleet-…" above GameLift records that name a fleet', async () => {
    const uri = copyOf('gamelift-valid.json', 'lens.cloudtrail.json');
    await openAsCloudTrail(uri);
    const lenses = await waitFor('fleet CodeLenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
      return l && l.some((x) => x.command?.command === 'gamelift.fetchFleetEvents') ? l : undefined;
    });
    const fleetLenses = lenses.filter((l) => l.command?.command === 'gamelift.fetchFleetEvents');
    const ids = fleetLenses.map((l) => (l.command?.arguments?.[0] as { fleetId: string }).fleetId);
    assert.ok(ids.includes(FLEET), ids.join(', '));
    assert.ok(
      fleetLenses.every((l) => l.command?.title.includes((l.command.arguments?.[0] as { fleetId: string }).fleetId)),
    );
  });

  it('highlights eventName, errorCode and ARNs with semantic tokens', async () => {
    const uri = copyOf('gamelift-valid.json', 'tokens.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentRangeSemanticTokensLegend',
      uri,
    );
    assert.ok(legend);
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const tokens = await waitFor('semantic tokens', async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>(
        'vscode.provideDocumentRangeSemanticTokens',
        uri,
        full,
      );
      return t && t.data.length > 0 ? t : undefined;
    });
    const found = new Map<string, string[]>();
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      const type = legend.tokenTypes[tokens.data[i + 3]];
      const text = doc.getText(new vscode.Range(line, char, line, char + tokens.data[i + 2]));
      found.set(type, [...(found.get(type) ?? []), text]);
    }
    assert.ok(
      found.get('cloudtrailEventName')?.some((t) => t.includes('CreateFleet')),
      JSON.stringify([...found]),
    );
    assert.ok(
      found.get('cloudtrailErrorCode')?.some((t) => t.includes('NotFoundException')),
      JSON.stringify([...found]),
    );
    assert.ok(
      found.get('cloudtrailArn')?.some((t) => t.includes('arn:aws:iam::403987211056:user/alice')),
      JSON.stringify([...found]),
    );
  });

  it('formats a minified log without changing its content', async () => {
    const minified = JSON.stringify(JSON.parse(fs.readFileSync(path.join(fixtures, 'gamelift-valid.json'), 'utf8')));
    const uri = writeScratch('minified.cloudtrail.json', minified);
    const doc = await openAsCloudTrail(uri);
    const edits =
      (await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri, {
        tabSize: 2,
        insertSpaces: true,
      })) ?? [];
    assert.ok(edits.length > 0, 'no formatting edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const formatted = openDocument(uri)?.getText() ?? '';
    assert.ok(formatted.split('\n').length > 50, 'still on one line');
    assert.deepStrictEqual(JSON.parse(formatted), JSON.parse(minified));
    assert.ok(doc);
  });

  it('opens a .json.gz delivery decompressed, read-only, in the cloudtrail language', async () => {
    const uri = copyOf('111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz');
    await vscode.commands.executeCommand('vscode.open', uri);
    const editor = await waitFor('the decompressed editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'cloudtrail-gz' && e.document.languageId === 'cloudtrail' ? e : undefined;
    });
    const plain = fs.readFileSync(
      path.join(fixtures, '111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json'),
      'utf8',
    );
    assert.strictEqual(editor.document.getText(), plain);
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('cloudtrail-gz'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new Uint8Array([1]))));
    // The custom editor handed over and closed itself.
    const customTabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputCustom);
    await waitFor(
      'the redirect tab to close',
      () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).every((t) => !(t.input instanceof vscode.TabInputCustom)) ||
        undefined,
    ).catch(() => assert.fail(`custom tabs left: ${customTabs.length}`));
    const symbols = await outlineOf(editor.document.uri, 'records of the delivery');
    assert.strictEqual(symbols.length, (JSON.parse(plain) as { Records: unknown[] }).Records.length);
  });

  it('opens a read-only formatted copy of a one-line log beside it, with the same language features', async () => {
    const minified = JSON.stringify(JSON.parse(fs.readFileSync(path.join(fixtures, 'gamelift-valid.json'), 'utf8')));
    const uri = writeScratch('delivery.json', minified);
    await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'cloudtrail');
    const original = await openAsCloudTrail(uri);
    const copy = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'gamelift.cloudtrail.openFormattedCopy',
    );
    assert.ok(copy, 'no editor for the copy');
    assert.strictEqual(copy.document.uri.scheme, 'cloudtrail-formatted');
    assert.strictEqual(copy.document.languageId, 'cloudtrail');
    assert.ok(copy.document.lineCount > 50, 'the copy is pretty-printed');
    assert.deepStrictEqual(JSON.parse(copy.document.getText()), JSON.parse(minified));
    assert.notStrictEqual(
      copy.viewColumn,
      vscode.window.visibleTextEditors.find((e) => e.document === original)?.viewColumn,
    );
    assert.strictEqual(vscode.workspace.fs.isWritableFileSystem('cloudtrail-formatted'), false, 'read-only');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(copy.document.uri, new Uint8Array([1]))));
    const symbols = await outlineOf(copy.document.uri, 'the outline of the copy');
    assert.strictEqual(symbols.length, (JSON.parse(minified) as { Records: unknown[] }).Records.length);
    assert.strictEqual(original.getText(), minified, 'the original is left as it was');
  });

  it('opens a formatted copy of a decompressed .json.gz view', async () => {
    const minified = JSON.stringify(JSON.parse(fs.readFileSync(path.join(fixtures, 'gamelift-valid.json'), 'utf8')));
    const gz = writeScratch('111122223333_CloudTrail_us-west-2_20261120T0815Z_abc.json.gz', gzipSync(minified));
    await vscode.commands.executeCommand('vscode.open', gz);
    await waitFor('the decompressed view', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'cloudtrail-gz' && e.document.languageId === 'cloudtrail' ? e : undefined;
    });
    const copy = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'gamelift.cloudtrail.openFormattedCopy',
    );
    assert.ok(copy);
    assert.strictEqual(copy.document.uri.scheme, 'cloudtrail-formatted');
    assert.match(copy.document.uri.path, /abc \(formatted\)\.json$/);
    assert.deepStrictEqual(JSON.parse(copy.document.getText()), JSON.parse(minified));
  });

  it('checks the records of aws cloudtrail lookup-events output inside their strings', async () => {
    const valid = JSON.parse(fs.readFileSync(path.join(fixtures, 'gamelift-valid.json'), 'utf8')) as {
      Records: Array<Record<string, unknown>>;
    };
    const records = valid.Records.map((r, i) => (i === 1 ? { ...r, eventTime: '2026-02-30T08:15:42Z' } : r));
    const text = JSON.stringify(
      { Events: records.map((r) => ({ EventId: r.eventID, CloudTrailEvent: JSON.stringify(r) })) },
      null,
      2,
    );
    const uri = writeScratch('lookup-events.json', text);
    const doc = await openAsCloudTrail(uri);
    const [d] = await diagnosticsMatching(uri, 'the finding inside a string', (all) =>
      all.some((x) => codeOf(x) === 'event-time-invalid'),
    );
    assert.strictEqual(doc.getText(d.range), '\\"2026-02-30T08:15:42Z\\"');
    const symbols = await outlineOf(uri, 'the outline of the embedded records');
    assert.strictEqual(symbols.length, records.length);
  });

  it('opens any .gz through "Open as CloudTrail log", and says why a file is not gzip', async () => {
    const gz = writeScratch('export.json.gz', gzipSync(fs.readFileSync(path.join(fixtures, 'gamelift-valid.json'))));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('gamelift.openAsCloudTrail', gz);
    const active = await waitFor('the decompressed export', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'cloudtrail-gz' && e.document.languageId === 'cloudtrail' ? e : undefined;
    });
    assert.ok(editor === undefined || editor.document.uri.toString() === active.document.uri.toString());
    const notGzip = writeScratch('plain.json.gz', '{"Records": []}');
    await assert.rejects(
      Promise.resolve(
        vscode.workspace.openTextDocument(
          vscode.Uri.from({
            scheme: 'cloudtrail-gz',
            path: notGzip.path.replace(/\.gz$/, ''),
            query: notGzip.toString(),
          }),
        ),
      ),
      /not gzip-compressed/,
    );
    const result = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'gamelift.openAsCloudTrail',
      notGzip,
    );
    assert.strictEqual(result, undefined);
    // Opened directly, the custom editor stays and explains instead of handing over.
    await closeAllEditors();
    await vscode.commands.executeCommand('vscode.open', notGzip);
    const tab = await waitFor('the explaining custom editor', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputCustom && t.input.uri.toString() === notGzip.toString()),
    );
    assert.ok(tab.isActive);
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(
      !vscode.window.visibleTextEditors.some(
        (e) => e.document.uri.scheme === 'cloudtrail-gz' && e.document.uri.query === notGzip.toString(),
      ),
    );
  });

  it('switches a JSON file with CloudTrail content to the cloudtrail language, and leaves other JSON alone', async () => {
    const other = writeScratch(
      'settings-export.json',
      JSON.stringify({ name: 'not a log', eventName: 'x', version: 3 }, null, 2),
    );
    const otherDoc = await vscode.workspace.openTextDocument(other);
    const uri = copyOf('gamelift-valid.json', 'trail-export.json');
    const doc = await openAsCloudTrail(uri);
    assert.strictEqual(doc.languageId, 'cloudtrail');
    // Detection runs in open order, so by now the other file has been looked at and kept as JSON.
    assert.strictEqual(openDocument(other)?.languageId ?? otherDoc.languageId, 'json');
  });

  it('leaves CloudTrail-looking JSON alone when gamelift.cloudtrail.autoDetect is off', async () => {
    await setSetting('autoDetect', 'off');
    const uri = copyOf('gamelift-valid.json', 'kept-as-json.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // A CloudTrail-named file opened afterwards gets its language from the manifest at once.
    await openAsCloudTrail(copyOf('gamelift-valid.json', 'after.cloudtrail.json'));
    assert.strictEqual(openDocument(uri)?.languageId, 'json');
    const switched = await vscode.commands.executeCommand<vscode.TextEditor | undefined>(
      'gamelift.openAsCloudTrail',
      uri,
    );
    assert.strictEqual(switched?.document.languageId, 'cloudtrail');
  });

  it("clears a document's diagnostics when it leaves the cloudtrail language", async () => {
    const uri = copyOf('gamelift-broken.cloudtrail.json');
    const doc = await openAsCloudTrail(uri);
    await diagnosticsMatching(uri, 'syntax errors', (all) => all.some((d) => codeOf(d) === 'syntax'));
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await diagnosticsMatching(uri, 'diagnostics to be cleared', (all) => all.length === 0);
  });
});
