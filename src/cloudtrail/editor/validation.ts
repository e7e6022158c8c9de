// Keeps every open `cloudtrail` document analysed: debounced on edits, small texts inline,
// big ones in the worker thread (stale runs cancelled; each change event's edits are passed on,
// so a worker holding the previous version gets only the edits), results published as diagnostics and
// kept per document for the outline, folding, fleet links and quick fixes. Diagnostics go
// away when the document closes.
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { capNote, validateAndPosition, type PositionedResult, type LcRange } from './worker/positionedResult';
import { StaleSourceError, WorkerValidator } from './worker/workerClient';
import { documentLength } from './documentLength';
import type { CtSeverity, CtValidateOptions } from '../index';
import { CLOUDTRAIL_LANGUAGE } from '../../ids';
import type { SettingsReader } from '../../settings/reader';

/** Code of the information diagnostic that says the list was cut at maxDiagnostics. */
export const CAPPED_DIAGNOSTIC_CODE = 'max-diagnostics';

export interface DocumentAnalysis {
  readonly version: number;
  readonly result: PositionedResult;
  /** Where the run happened and how long it took, for the language status item. */
  readonly ranInWorker: boolean;
  readonly millis: number;
}

interface Settings {
  enabled: boolean;
  maxDiagnostics: number;
  severities: Record<string, CtSeverity | 'off'>;
  workerThreshold: number;
}

interface Waiter {
  version: number;
  resolve(analysis: DocumentAnalysis | undefined): void;
}

const SEVERITY: Record<CtSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
const SEVERITY_NAMES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Debounce after an edit: short for small documents, longer when each run is expensive. */
function debounceFor(length: number): number {
  return length > 5_000_000 ? 800 : length > 500_000 ? 400 : 200;
}

export function toRange(r: LcRange): vscode.Range {
  return new vscode.Range(r[0], r[1], r[2], r[3]);
}

export class CloudTrailValidation implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloudtrail');
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly running = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly worker: WorkerValidator | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a document's analysis is replaced (CodeLens and other views refresh on it). */
  readonly onDidAnalyze = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    workerPath: string,
    /** The extension's settings reader; the providers read theirs through it too. */
    readonly settings: SettingsReader,
  ) {
    if (existsSync(workerPath)) {
      this.worker = new WorkerValidator(workerPath, (message) => this.log.error(message));
    } else {
      this.log.warn(`CloudTrail worker ${workerPath} is missing; validating on the main thread.`);
    }
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || e.document.languageId !== CLOUDTRAIL_LANGUAGE) return;
        const key = e.document.uri.toString();
        // Events arrive in order, one per version; the changes of one event apply one after the other.
        this.worker?.noteEdits(
          key,
          e.document.version,
          e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text })),
        );
        this.worker?.cancel(key); // whatever it is doing is stale now
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc)),
      settings.onDidChange(['cloudtrail'], () => this.revalidateAll()),
    );
    this.revalidateAll();
  }

  /** The analysis of the document's current version, if there is one. */
  current(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const a = this.analyses.get(document.uri.toString());
    return a && a.version === document.version ? a : undefined;
  }

  /** The newest analysis, possibly of an older version of the document. */
  latest(document: vscode.TextDocument): DocumentAnalysis | undefined {
    return this.analyses.get(document.uri.toString());
  }

  /** Resolves with an analysis at least as new as the document's version now (undefined when cancelled or closed). */
  whenCurrent(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    if (document.languageId !== CLOUDTRAIL_LANGUAGE) return Promise.resolve(undefined);
    const ready = this.current(document);
    if (ready) return Promise.resolve(ready);
    const key = document.uri.toString();
    return new Promise((resolve) => {
      const list = this.waiters.get(key) ?? [];
      list.push({ version: document.version, resolve });
      this.waiters.set(key, list);
      token?.onCancellationRequested(() => resolve(undefined));
      if (!this.timers.has(key) && !this.running.has(key)) this.schedule(document, 0);
    });
  }

  /** What went to the worker so far (whole texts, edits only, resyncs), for the tests' hook. */
  workerTraffic(): { text: number; edits: number; resyncs: number } | undefined {
    return this.worker ? { ...this.worker.sent } : undefined;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const list of this.waiters.values()) for (const w of list) w.resolve(undefined);
    this.waiters.clear();
    this.worker?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private revalidateAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (document.languageId !== CLOUDTRAIL_LANGUAGE) return;
    const key = document.uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const last = this.latest(document)?.result;
    // After an incremental run the next one is likely cheap too, however big the document.
    const wait = delay ?? (last?.how === 'incremental' ? debounceFor(0) : debounceFor(last?.textLength ?? 0));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(document);
      }, wait),
    );
  }

  private async run(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed || document.languageId !== CLOUDTRAIL_LANGUAGE) return;
    const key = document.uri.toString();
    const version = document.version;
    const settings = readSettings(this.settings, document);
    const options: CtValidateOptions = { severities: settings.severities, maxDiagnostics: settings.maxDiagnostics };
    const started = performance.now();
    this.running.add(key);
    let result: PositionedResult | undefined;
    let inWorker = false;
    try {
      if (this.worker && documentLength(document) > settings.workerThreshold) {
        inWorker = true;
        result = await this.worker.validate(key, documentPieces(document, version), options, {
          version,
          length: documentLength(document),
        });
      } else {
        this.worker?.forget(key); // small now: the worker need not keep a copy
        result = validateAndPosition(document.getText(), options);
      }
    } catch (err) {
      this.log.error(
        `Validating ${document.uri.fsPath || key} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      // Nobody should wait forever for a run that failed: answer with what there is.
      this.settleWaiters(key, version, this.analyses.get(key));
    } finally {
      this.running.delete(key);
    }
    // A newer edit, a close or a language change made this run stale: its successor publishes.
    if (!result || document.isClosed || document.version !== version || document.languageId !== CLOUDTRAIL_LANGUAGE)
      return;
    const analysis: DocumentAnalysis = {
      version,
      result,
      ranInWorker: inWorker,
      millis: Math.round(performance.now() - started),
    };
    this.analyses.set(key, analysis);
    this.collection.set(document.uri, settings.enabled ? toDiagnostics(result, settings.maxDiagnostics) : []);
    this.log.debug(
      `CloudTrail: ${result.recordCount} records, ${result.totalDiagnostics} problems in ${analysis.millis} ms${inWorker ? ` (worker, ${describeHow(result.how)})` : ''}`,
    );
    this.settleWaiters(key, version, analysis);
    this.changed.fire(document.uri);
  }

  /** Resolves the waiters that asked for `version` or older. */
  private settleWaiters(key: string, version: number, analysis: DocumentAnalysis | undefined): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const keep = list.filter((w) => w.version > version);
    for (const w of list) if (w.version <= version) w.resolve(analysis);
    if (keep.length > 0) this.waiters.set(key, keep);
    else this.waiters.delete(key);
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.worker?.forget(key);
    this.analyses.delete(key);
    this.collection.delete(document.uri);
    for (const w of this.waiters.get(key) ?? []) w.resolve(undefined);
    this.waiters.delete(key);
  }
}

function describeHow(how: PositionedResult['how']): string {
  return how === 'incremental'
    ? 'incremental: edits only, one record re-checked'
    : how === 'edits'
      ? 'edits only, re-checked in full'
      : 'whole text';
}

/** Lines read per piece: the whole text is never built as one string on the host. */
const LINES_PER_PIECE = 2000;

/** The document's text a few thousand lines at a time; throws StaleSourceError if it changes meanwhile. */
function* documentPieces(document: vscode.TextDocument, version: number): Generator<string> {
  const lines = document.lineCount;
  for (let line = 0; line < lines; line += LINES_PER_PIECE) {
    if (document.isClosed || document.version !== version) throw new StaleSourceError();
    const end = Math.min(lines, line + LINES_PER_PIECE);
    // Range(end, 0) with end === lineCount is clamped to the end of the document.
    yield document.getText(new vscode.Range(line, 0, end, 0));
  }
}

function toDiagnostics(result: PositionedResult, max: number): vscode.Diagnostic[] {
  const out = result.diagnostics.map((d) => {
    const diagnostic = new vscode.Diagnostic(
      toRange(d.range),
      d.message,
      SEVERITY[d.severity] ?? vscode.DiagnosticSeverity.Warning,
    );
    diagnostic.source = 'CloudTrail';
    diagnostic.code = d.ruleId;
    return diagnostic;
  });
  const capped = capNote(result, max);
  if (capped) {
    const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), capped, vscode.DiagnosticSeverity.Information);
    note.source = 'CloudTrail';
    note.code = CAPPED_DIAGNOSTIC_CODE;
    out.unshift(note);
  }
  return out;
}

function readSettings(reader: SettingsReader, document: vscode.TextDocument): Settings {
  const severities: Record<string, CtSeverity | 'off'> = {};
  for (const [id, value] of Object.entries(reader.get('cloudtrail.rules', document.uri))) {
    if (typeof value === 'string' && SEVERITY_NAMES.has(value)) severities[id] = value as CtSeverity | 'off';
  }
  return {
    enabled: reader.get('cloudtrail.validate', document.uri),
    maxDiagnostics: reader.get('cloudtrail.maxDiagnostics', document.uri),
    severities,
    workerThreshold: reader.get('cloudtrail.workerThreshold', document.uri),
  };
}
