// The validation result as the editor needs it: every range already turned into line/column,
// records packed into one typed array and one string. Built next to the text (in the worker
// for big documents), so the extension host never rescans a large text to place diagnostics
// and receives few, cheap-to-clone objects. Also the worker's message protocol. Pure: no `vscode`.
import { foldingRegions } from './folding';
import {
  validateCloudTrail,
  indexRecords,
  LineIndex,
  type CtValidateOptions,
  type CtValidationResult,
  type CtRecordIndex,
  type CtEdit,
  type CtSeverity,
  type CtFormat,
} from '../../index';

/** [startLine, startColumn, endLine, endColumn], 0-based. */
export type LcRange = [number, number, number, number];

export interface LcEdit {
  range: LcRange;
  newText: string;
}

export interface LcFix {
  title: string;
  edits: LcEdit[];
  isPreferred?: boolean;
}

export interface LcDiagnostic {
  ruleId: string;
  severity: CtSeverity;
  message: string;
  range: LcRange;
  fixes?: LcFix[];
}

export interface LcFleetRef {
  fleetId: string;
  range: LcRange;
  /** Record index, -1 when the reference lies outside any record. */
  record: number;
}

/** Ints per fleet reference in `PositionedResult.fleetRefPositions`: its range, then the record index. */
export const FLEET_REF_STRIDE = 5;

/** Ints per record in `PositionedResult.recordPositions`. */
export const RECORD_STRIDE = 10;
/** Layout of one record's ints: offsets, then its range, then the eventName value's range (-1 when none). */
export const RecordSlot = {
  StartOffset: 0,
  EndOffset: 1,
  StartLine: 2,
  StartColumn: 3,
  EndLine: 4,
  EndColumn: 5,
  NameStartLine: 6,
  NameStartColumn: 7,
  NameEndLine: 8,
  NameEndColumn: 9,
} as const;

/** Fields per record in `PositionedResult.recordLabels` (one line per record, fields split by a tab). */
export const LabelField = {
  EventName: 0,
  EventTime: 1,
  User: 2,
  EventSource: 3,
  ErrorCode: 4,
  AwsRegion: 5,
} as const;

export interface PositionedResult {
  /** The most severe first when capped by maxDiagnostics, then in document order. */
  diagnostics: LcDiagnostic[];
  truncated: boolean;
  totalDiagnostics: number;
  /** Diagnostics found per severity, shown or not. */
  counts: Record<CtSeverity, number>;
  format: CtFormat;
  eventBridge?: boolean;
  recordCount: number;
  /** RECORD_STRIDE ints per record (see RecordSlot). Transferable between threads. */
  recordPositions: Int32Array;
  /** One line per record, LabelField order, tab-separated; tabs and line breaks in values become spaces. */
  recordLabels: string;
  /**
   * The first reference to each fleet in each record (FLEET_REF_STRIDE ints each), packed like the
   * records because thousands of small objects are slow to pass between threads. Transferable.
   */
  fleetRefPositions: Int32Array;
  /** Fleet IDs of fleetRefPositions, one per line. */
  fleetRefIds: string;
  /** Folding regions as [startLine, endLine] pairs. Transferable between threads. */
  folding: Int32Array;
  /** Length of the validated text, to check offsets still fit the document. */
  textLength: number;
  /**
   * How the worker got it: 'full' from the whole text, 'edits' from edits applied to its copy and
   * validated in full, 'incremental' from edits re-checking only the edited record. Unset inline.
   */
  how?: 'full' | 'edits' | 'incremental';
}

/** Most fleet references kept per document (first per record and fleet): enough for any real delivery, bounded for giant files. */
export const MAX_FLEET_REFS = 5000;

/** Validates `text` and places everything by line and column: what the worker answers for a whole text. */
export function validateAndPosition(text: string, options: CtValidateOptions): PositionedResult {
  const result = validateCloudTrail(text, options);
  return placeResult(text, result, indexRecords(text, result.records), new LineIndex(text));
}

/**
 * Places a result of `text` and its index (see indexRecords) with the text's line table: the
 * worker keeps both from the previous run and updates them after a small edit. Folding comes from
 * the records and the line table, without another pass over the text.
 */
export function placeResult(
  text: string,
  result: CtValidationResult,
  index: CtRecordIndex,
  lines: LineIndex,
): PositionedResult {
  const range = (start: number, end: number): LcRange => {
    const a = lines.lineColumn(start);
    const b = end === start ? a : lines.lineColumn(end);
    return [a.line, a.column, b.line, b.column];
  };
  const diagnostics: LcDiagnostic[] = result.diagnostics.map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    range: range(d.start, d.end),
    fixes: d.fixes?.map((f) => ({
      title: f.title,
      isPreferred: f.isPreferred,
      edits: f.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })),
    })),
  }));
  const records = result.records;
  const positions = new Int32Array(records.length * RECORD_STRIDE);
  const labels: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const o = i * RECORD_STRIDE;
    positions[o + RecordSlot.StartOffset] = r.start;
    positions[o + RecordSlot.EndOffset] = r.end;
    writePosition(positions, o + RecordSlot.StartLine, lines, r.start);
    writePosition(positions, o + RecordSlot.EndLine, lines, r.end);
    const nameStart = index.names[2 * i];
    if (nameStart >= 0) {
      writePosition(positions, o + RecordSlot.NameStartLine, lines, nameStart);
      writePosition(positions, o + RecordSlot.NameEndLine, lines, index.names[2 * i + 1]);
    } else {
      positions.fill(-1, o + RecordSlot.NameStartLine, o + RECORD_STRIDE);
    }
    labels[i] = [r.eventName, r.eventTime, r.user, r.eventSource, r.errorCode, r.awsRegion].map(cleanLabel).join('\t');
  }
  const seen = new Set<string>();
  const refs = index.fleetRefs.filter((f) => {
    const key = `${f.record ?? -1}|${f.fleetId}`;
    if (seen.has(key) || seen.size >= MAX_FLEET_REFS) return false;
    seen.add(key);
    return true;
  });
  const fleetRefPositions = new Int32Array(refs.length * FLEET_REF_STRIDE);
  refs.forEach((f, k) => {
    fleetRefPositions.set(range(f.start, f.end), k * FLEET_REF_STRIDE);
    fleetRefPositions[k * FLEET_REF_STRIDE + 4] = f.record ?? -1;
  });
  return {
    diagnostics,
    truncated: result.truncated,
    totalDiagnostics: result.totalDiagnostics,
    counts: result.counts ?? { error: 0, warning: 0, info: 0, hint: 0 },
    format: result.format,
    eventBridge: result.eventBridge,
    recordCount: records.length,
    recordPositions: positions,
    recordLabels: labels.join('\n'),
    fleetRefPositions,
    fleetRefIds: refs.map((f) => f.fleetId).join('\n'),
    folding: foldingRegions(text, records, lines),
    textLength: text.length,
  };
}

const SEVERITY_NOUNS: Record<CtSeverity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['information', 'information'],
  hint: ['hint', 'hints'],
};

/** What the Problems view says when the list was capped: how many of each severity are not shown. */
export function capNote(result: PositionedResult, max: number): string | undefined {
  if (result.totalDiagnostics <= result.diagnostics.length) return undefined;
  const shown: Record<CtSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of result.diagnostics) shown[d.severity]++;
  const left = (Object.keys(SEVERITY_NOUNS) as CtSeverity[])
    .map((s) => [s, result.counts[s] - shown[s]] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${SEVERITY_NOUNS[s][n === 1 ? 0 : 1]}`);
  return `Showing the ${result.diagnostics.length} most severe of ${result.totalDiagnostics} problems; not shown: ${left.join(', ')}. Raise the setting "gamelift.cloudtrail.maxDiagnostics" (now ${max}) to see more.`;
}

function writePosition(into: Int32Array, at: number, lines: LineIndex, offset: number): void {
  const p = lines.lineColumn(offset);
  into[at] = p.line;
  into[at + 1] = p.column;
}

function cleanLabel(value: string | undefined): string {
  return value === undefined ? '' : value.replace(/[\t\r\n]/g, ' ');
}

/**
 * Host → worker. The text travels as UTF-8 chunks in transferred buffers (no copy, and the host
 * yields between chunks): cloning one 50 MB string in postMessage would block the host for
 * longer than a frame. Chunks never split a surrogate pair, so each decodes on its own.
 *
 * With `key` and `version`, the worker keeps that document's text and result. Then a later run
 * can send only `delta`: the edits from `baseVersion` (which the worker must hold) to `version`,
 * in the order made, and the new text's `length` as a check; a worker holding anything else
 * answers `resync` and the host sends the whole text instead. `forget` drops a closed document.
 */
export type ValidateRequest =
  | { type: 'begin'; id: number; options: CtValidateOptions; key?: string; version?: number }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'abort'; id: number }
  | {
      type: 'delta';
      id: number;
      options: CtValidateOptions;
      key: string;
      baseVersion: number;
      version: number;
      length: number;
      edits: CtEdit[];
    }
  | { type: 'forget'; key: string };

/** Worker → host. */
export type ValidateResponse =
  { id: number; ok: true; result: PositionedResult } | { id: number; ok: false; error: string; resync?: boolean };
