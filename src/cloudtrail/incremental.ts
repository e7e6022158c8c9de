// Incremental re-validation: after edits that all fall inside one record, only that record is
// checked again (its new text on its own, offsets shifted back into place) and everything else
// of the previous result is kept, shifted by the length change where it lies after the edit.
// Records are checked independently except for duplicate event IDs, so the fast path insists
// the edited record's eventID is unchanged and the previous result had no duplicates. Whenever
// anything is doubtful the answer is "no fast path" and the caller validates the whole text.

import { Char } from './chars';
import { validateCloudTrail } from './validate';
import { recordContaining } from './recordIndex';
import type { CtDiagnostic, CtRecordSummary, CtSeverity, CtValidateOptions, CtValidationResult } from './types';

/** Replace [start, end) of the text as it was when this edit was made by newText (VS Code's contentChanges, in order). */
export interface CtEdit {
  start: number;
  end: number;
  newText: string;
}

export type IncrementalAttempt = { result: CtValidationResult; record: number } | { result: undefined; reason: string };

/** Rules whose findings mean the structure itself is in doubt (records may be found differently). */
const STRUCTURAL_RULES = new Set(['syntax', 'max-depth']);

/**
 * The result of validating `newText`, computed from the previous text's result when every edit
 * lies strictly inside one record, with the record re-checked; else the reason the whole text must
 * be validated instead. `prev` must be the result of `validateCloudTrail(prevText, options)` with
 * the same options.
 */
export function tryIncremental(
  prevText: string,
  prev: CtValidationResult,
  newText: string,
  edits: readonly CtEdit[],
  options: CtValidateOptions = {},
): IncrementalAttempt {
  const no = (reason: string): IncrementalAttempt => ({ result: undefined, reason });
  if (edits.length === 0) return no('no edits');
  if (prev.format !== 'records-object' && prev.format !== 'records-array') return no(`format ${prev.format}`);
  if (prev.eventBridge) return no('EventBridge envelope');
  if (prev.embedded) return no('records inside strings');
  if (prev.truncated || prev.totalDiagnostics !== prev.diagnostics.length || !prev.counts)
    return no('previous result truncated');
  const severities = options.severities ?? {};
  // With a structural rule off, a broken file would look clean: its records could be anything.
  for (const id of STRUCTURAL_RULES) if (severities[id] === 'off') return no(`rule ${id} is off`);
  for (const d of prev.diagnostics) {
    if (STRUCTURAL_RULES.has(d.ruleId)) return no('previous text has syntax problems');
    if (d.ruleId === 'duplicate-event-id') return no('previous text has duplicate event IDs');
  }

  // The one record holding every edit, followed through the edits in order.
  const records = prev.records;
  const index = recordContaining(records, edits[0].start);
  if (index < 0) return no('edit outside any record');
  const old = records[index];
  const start = old.start;
  let end = old.end;
  for (const e of edits) {
    if (!(e.start > start && e.end >= e.start && e.end < end)) return no('edit not strictly inside one record');
    end += e.newText.length - (e.end - e.start);
  }
  const delta = end - old.end;
  if (prevText.length + delta !== newText.length) return no('text length does not match the edits');
  if (newText.charCodeAt(start) !== Char.BraceOpen || newText.charCodeAt(end - 1) !== Char.BraceClose)
    return no('record braces moved');

  // The record must still be exactly one valid JSON object spanning the same braces: JSON.parse
  // accepts one value and nothing after it, and the value starts at the first brace, so it ends at the last.
  const recordText = newText.slice(start, end);
  try {
    JSON.parse(recordText);
  } catch {
    return no('edited record is not valid JSON');
  }
  const alone = validateCloudTrail(recordText, { ...options, maxDiagnostics: undefined });
  if (alone.format !== 'single-record' || alone.eventBridge || alone.records.length !== 1)
    return no('edited record is no longer a plain record');
  const summary = alone.records[0];
  if (summary.start !== 0 || summary.end !== recordText.length) return no('edited record ends elsewhere');
  if (summary.eventID !== old.eventID) return no('eventID changed');
  for (const d of alone.diagnostics)
    if (STRUCTURAL_RULES.has(d.ruleId) || d.ruleId === 'duplicate-event-id')
      return no('edited record has syntax problems');

  // Diagnostics: before the record kept, the record's replaced, after it shifted.
  const before: CtDiagnostic[] = [];
  const after: CtDiagnostic[] = [];
  const counts: Record<CtSeverity, number> = { ...prev.counts };
  let removed = 0;
  for (const d of prev.diagnostics) {
    if (d.start < old.start) {
      if (d.end > old.start || reachesBeyond(d, old.start)) return no('a diagnostic overlaps the record');
      before.push(d);
    } else if (d.start < old.end) {
      counts[d.severity]--;
      removed++;
    } else {
      after.push(shiftDiagnostic(d, delta));
    }
  }
  for (const s of Object.keys(counts) as CtSeverity[]) counts[s] += alone.counts?.[s] ?? 0;
  const total = prev.totalDiagnostics - removed + alone.totalDiagnostics;
  const max = options.maxDiagnostics !== undefined && options.maxDiagnostics >= 0 ? options.maxDiagnostics : Infinity;
  if (total > max) return no('the diagnostics would be capped');
  const diagnostics = before;
  for (const d of alone.diagnostics) diagnostics.push(shiftDiagnostic(d, start));
  for (const d of after) diagnostics.push(d);

  const nextRecords: CtRecordSummary[] = records.slice(0, index);
  nextRecords.push(shiftSummary(summary, start, index));
  for (let i = index + 1; i < records.length; i++) nextRecords.push(shiftSummary(records[i], delta, records[i].index));

  const result: CtValidationResult = {
    diagnostics,
    records: nextRecords,
    format: prev.format,
    truncated: false,
    totalDiagnostics: total,
    counts,
  };
  return { result, record: index };
}

function reachesBeyond(d: CtDiagnostic, offset: number): boolean {
  return d.fixes?.some((f) => f.edits.some((e) => e.end > offset)) ?? false;
}

function shiftDiagnostic(d: CtDiagnostic, by: number): CtDiagnostic {
  if (by === 0) return d;
  const s: CtDiagnostic = { ...d, start: d.start + by, end: d.end + by };
  if (d.fixes)
    s.fixes = d.fixes.map((f) => ({
      ...f,
      edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })),
    }));
  return s;
}

function shiftSummary(r: CtRecordSummary, by: number, index: number): CtRecordSummary {
  if (by === 0 && r.index === index) return r;
  return { ...r, index, start: r.start + by, end: r.end + by };
}
