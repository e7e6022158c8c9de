// Validation driver: finds the records of a CloudTrail document (Records object, bare array,
// single record, EventBridge envelope, JSON lines, and records inside strings: the CloudTrailEvent
// of `aws cloudtrail lookup-events` output or a `_raw` export) and checks them one at a time, so
// no tree of the whole file is ever built. A record's end is found cheaply, then the native
// JSON.parse builds it; only records with a syntax error go through the tolerant parser (with
// recovery). Findings are placed in the text only if they are kept under maxDiagnostics, by
// reading the record's text along the finding's path.

import { TolerantParser, nodeAt, toValue, type AstNode } from './parser';
import { Char } from './chars';
import type { Finding } from './findings';
import { checkRecord, FirstUses, looksLikeRecord, type RecordContext } from './recordChecks';
import { checkGameLiftRecord, GAMELIFT_SOURCE } from './gameliftChecks';
import { embeddedRecord, escapedForString, StringOffsets } from './embedded';
import { locatePath } from './jsonPath';
import { defaultSeverity } from './rules';
import { scanValueEnd } from './scanValue';
import { SeverityCap } from './severityCap';
import type {
  CtDiagnostic,
  CtFix,
  CtFormat,
  CtRecordSummary,
  CtSeverity,
  CtValidateOptions,
  CtValidationResult,
} from './types';
import { isObject } from '../common/guards';

/** `{"Records": [` or, from `aws cloudtrail lookup-events`, `{"Events": [`. */
const CONTAINER_HEAD = /\{\s*"(Records|Events)"\s*:\s*(?=\[)/y;
/** A separator between records with nothing but JSON white space around its comma. */
const PLAIN_SEPARATOR = /^\}[ \t\r\n]*,[ \t\r\n]*\{[ \t\r\n]*"/;

interface ParsedValue {
  value: unknown;
  /** The tolerant parser's tree, when the value was not valid JSON. */
  node: AstNode | undefined;
  start: number;
  end: number;
}

/** Where a record's text is, to place its findings: in the document, or inside one of its strings. */
interface RecordPlace {
  /** The record's text: the document, or the decoded string that holds the record. */
  text: string;
  /** Where the record starts in `text`. */
  start: number;
  node: AstNode | undefined;
  /** For a record inside a string: the string's opening quote in the document. */
  quote?: number;
  /** For a record inside a string: its escapes, read once for all of its kept findings. */
  offsets?: StringOffsets;
}

/** A diagnostic, placed in the text only when it is kept. */
type Placeable = () => CtDiagnostic;

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

/** The outline's and hovers' view of a record at [start, end) of the text. */
export function summarizeRecord(rec: unknown, index: number, start: number, end: number): CtRecordSummary {
  if (!isObject(rec)) return { index, start, end };
  return {
    index,
    start,
    end,
    eventName: str(rec.eventName),
    eventTime: str(rec.eventTime),
    eventSource: str(rec.eventSource),
    awsRegion: str(rec.awsRegion),
    errorCode: str(rec.errorCode),
    eventType: str(rec.eventType),
    eventID: str(rec.eventID),
    user: userOf(rec.userIdentity),
  };
}

/** Who made the call, for the outline: the user name, else the last part of the ARN, else who invoked it. */
function userOf(ui: unknown): string | undefined {
  if (!isObject(ui)) return undefined;
  const arn = str(ui.arn);
  return (
    str(ui.userName) ||
    (arn ? arn.slice(arn.lastIndexOf('/') + 1 || arn.lastIndexOf(':') + 1) : undefined) ||
    str(ui.invokedBy) ||
    str(ui.principalId) ||
    str(ui.type)
  );
}

class Validation {
  readonly parser: TolerantParser;
  private drained = 0;
  readonly records: CtRecordSummary[] = [];
  format: CtFormat = 'unknown';
  eventBridge = false;
  embedded = false;
  private nonRecordItems = 0;
  private readonly eventIds = new FirstUses();
  readonly cap: SeverityCap<Placeable>;
  private readonly severities: Record<string, CtSeverity | 'off'>;

  constructor(
    readonly text: string,
    options: CtValidateOptions,
    private readonly tolerantOnly = false,
  ) {
    this.parser = new TolerantParser(text, 0);
    const max = options.maxDiagnostics;
    this.cap = new SeverityCap(max !== undefined && max >= 0 ? max : Infinity);
    this.severities = options.severities ?? {};
  }

  /** Severity to use, or undefined when the rule is off. */
  private severityOf(ruleId: string, proposed?: CtSeverity): CtSeverity | undefined {
    const o = this.severities[ruleId];
    if (o === 'off') return undefined;
    return o ?? proposed ?? defaultSeverity(ruleId);
  }

  /** Adds a diagnostic whose place is known. */
  push(ruleId: string, message: string, start: number, end: number, fixes?: CtFix[]): void {
    const severity = this.severityOf(ruleId);
    if (!severity) return;
    const d: CtDiagnostic = { ruleId, severity, message, start, end };
    if (fixes && fixes.length > 0) d.fixes = fixes;
    this.cap.add(severity, () => d);
  }

  /**
   * Skips white space between values; odd white space (a non-breaking space, a byte order mark)
   * is reported by the parser, and moved into the diagnostics here, where it was found.
   */
  private skipWs(): number {
    const c = this.parser.skipWs();
    if (this.parser.problems.length !== this.drained) this.drain();
    return c;
  }

  /** Moves the parser's new syntax problems into the diagnostics. */
  private drain(): void {
    const problems = this.parser.problems;
    for (; this.drained < problems.length; this.drained++) {
      const p = problems[this.drained];
      this.push(p.ruleId, p.message, p.start, p.end, p.fixes);
    }
  }

  private syntax(message: string, start: number, end: number, fixes?: CtFix[]): void {
    this.parser.report(message, start, end, fixes);
    this.drain();
  }

  run(): void {
    const text = this.text;
    const p = this.parser;
    p.pos = text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
    let c = this.skipWs();
    if (c === -1) return;
    if (c === Char.BracketOpen) {
      this.format = 'records-array';
      this.recordsArray(p.pos);
    } else if (c === Char.BraceOpen) {
      CONTAINER_HEAD.lastIndex = p.pos;
      const head = CONTAINER_HEAD.exec(text);
      if (head) {
        this.format = head[1] === 'Records' ? 'records-object' : 'lookup-events';
        this.recordsArray(CONTAINER_HEAD.lastIndex);
        this.finishTopObject();
      } else {
        const first = this.parseAt(p.pos);
        this.classifyTop(first);
        c = this.skipWs();
        if (c === Char.BraceOpen) this.jsonLines(first);
      }
    } else {
      p.parseValue(0);
      this.drain();
    }
    this.trailing();
    if (this.records.length === 0 && (this.format === 'unknown' || this.nonRecordItems > 0)) {
      this.push(
        'no-records',
        'No CloudTrail records found: expected {"Records": [...]}, an array of records, a record, an EventBridge envelope or one record per line',
        0,
        Math.min(1, text.length),
      );
      if (this.format !== 'records-object') this.format = 'unknown';
    }
  }

  /**
   * The text between one record and the start of the next one's first key (e.g. `},\n    {\n      "eventVersion"`),
   * learned from the first two records. Searching for it guesses where a record ends with one
   * indexOf; JSON.parse of the guessed slice succeeding proves the guess (a JSON value starting
   * at a given brace has exactly one end), and a failed guess falls back to the scan.
   */
  private separator: string | undefined;
  private separatorMisses = 0;

  /** Learns the separator from a record ending at `end` and the next record starting at `next`. */
  private learnSeparator(end: number, next: number): void {
    if (this.separator !== undefined || this.separatorMisses > 2) return;
    const text = this.text;
    const q1 = text.indexOf('"', next);
    const q2 = q1 < 0 ? -1 : text.indexOf('"', q1 + 1);
    if (q2 < 0 || q2 - next > 64 || next - end > 64) return;
    const separator = text.slice(end - 1, q2 + 1);
    // Only plain JSON white space around the comma: the text between two records found by the
    // separator then needs no look of its own (no stray character or odd space to report).
    if (PLAIN_SEPARATOR.test(separator)) this.separator = separator;
  }

  /** Parses the value at `pos`: fast path (the end found cheaply, then JSON.parse) for objects, tolerant parser otherwise. */
  private parseAt(pos: number): ParsedValue {
    const text = this.text;
    if (text.charCodeAt(pos) === Char.BraceOpen && !this.tolerantOnly) {
      const guessed = this.endBySeparator(pos);
      const parsed = (guessed > 0 && this.parseSlice(pos, guessed)) || this.parseSlice(pos, scanValueEnd(text, pos));
      if (guessed > 0 && parsed && parsed.end !== guessed && ++this.separatorMisses > 2) this.separator = undefined;
      if (parsed) return parsed;
    }
    const p = this.parser;
    p.pos = pos;
    const node = p.parseValue(0, undefined);
    this.drain();
    if (p.pos === pos) p.pos = pos + 1; // always make progress
    return { value: toValue(node), node, start: pos, end: node ? node.end : p.pos };
  }

  /** JSON.parse of [start, end), or undefined when that is not one valid JSON value (or nests too deep). */
  private parseSlice(start: number, end: number): ParsedValue | undefined {
    if (end <= start) return undefined;
    try {
      const value: unknown = JSON.parse(this.text.slice(start, end));
      this.parser.pos = end;
      return { value, node: undefined, start, end };
    } catch {
      return undefined;
    }
  }

  /** Where the object at `pos` ends if the learnt separator follows it, else -1. */
  private endBySeparator(pos: number): number {
    if (this.separator === undefined) return -1;
    const found = this.text.indexOf(this.separator, pos);
    if (found < 0) this.separator = undefined; // no later record looks like this: stop guessing
    return found < 0 ? -1 : found + 1;
  }

  private classifyTop(first: ParsedValue): void {
    const value = first.value;
    if (isObject(value) && Array.isArray(value.Records)) {
      this.format = 'records-object';
      const records = nodeAt(this.treeOf(first), ['Records']).node;
      if (records && records.kind === 'array') {
        for (const item of records.items)
          this.checkItem({ value: toValue(item), node: item, start: item.start, end: item.end });
      }
      return;
    }
    if (
      isObject(value) &&
      isObject(value.detail) &&
      ('detail-type' in value || 'source' in value) &&
      looksLikeRecord(value.detail)
    ) {
      const detail = nodeAt(this.treeOf(first), ['detail']).node;
      if (detail) {
        this.format = 'single-record';
        this.eventBridge = true;
        this.checkItem({ value: value.detail, node: detail, start: detail.start, end: detail.end });
        return;
      }
    }
    if (looksLikeRecord(value) || (isObject(value) && embeddedRecord(value))) {
      this.format = 'single-record';
      this.checkItem(first);
    }
  }

  /** The tolerant parser's tree of a value parsed on the fast path (for the rare top-level shapes that need it). */
  private treeOf(v: ParsedValue): AstNode | undefined {
    return v.node ?? new TolerantParser(this.text, v.start).parseValue(0);
  }

  /** More top-level objects after the first: JSON lines (one record per line). */
  private jsonLines(first: ParsedValue): void {
    const p = this.parser;
    this.format = 'ndjson';
    if (this.records.length === 0 && !this.isRecordish(first.value)) this.nonRecordItems++;
    for (;;) {
      const c = this.skipWs();
      if (c !== Char.BraceOpen) return; // trailing() reports what follows
      const v = this.parseAt(p.pos);
      if (this.isRecordish(v.value)) this.checkItem(v);
      else this.nonRecordItems++;
    }
  }

  private isRecordish(value: unknown): boolean {
    return looksLikeRecord(value) || (isObject(value) && embeddedRecord(value) !== undefined);
  }

  /** The Records array (or a bare array of records, or lookup-events' Events) starting at `pos` (the '['). */
  private recordsArray(pos: number): void {
    const text = this.text;
    const p = this.parser;
    p.pos = pos + 1;
    let count = 0;
    let lastEnd = p.pos;
    let commaAt = -1;
    for (;;) {
      const c = this.skipWs();
      if (c === Char.BracketClose) {
        if (commaAt >= 0)
          this.syntax(`Trailing comma: no record follows it before ]`, commaAt, commaAt + 1, [
            {
              title: 'Remove the trailing comma',
              edits: [{ start: commaAt, end: commaAt + 1, newText: '' }],
              isPreferred: true,
            },
          ]);
        p.pos++;
        return;
      }
      if (c === -1) {
        p.reportEof('The file ends before the Records array is closed (is it truncated?)', commaAt >= 0 ? '' : ']');
        this.drain();
        return;
      }
      if (c === Char.Comma) {
        this.syntax('Unexpected comma: a record is missing here', p.pos, p.pos + 1, [
          { title: 'Remove the extra comma', edits: [{ start: p.pos, end: p.pos + 1, newText: '' }] },
        ]);
        p.pos++;
        continue;
      }
      if (c === Char.BraceClose) {
        // `}` where a record or `]` should be: the array was never closed.
        this.syntax('Expected ] to close the Records array before this }', p.pos, p.pos + 1, [
          { title: 'Insert the missing ]', edits: [{ start: lastEnd, end: lastEnd, newText: ']' }] },
        ]);
        return;
      }
      if (count > 0 && commaAt < 0) {
        const at = lastEnd;
        this.syntax('Expected a comma between records', at, Math.min(at + 1, text.length), [
          { title: 'Insert the missing comma', edits: [{ start: at, end: at, newText: ',' }], isPreferred: true },
        ]);
      }
      commaAt = -1;
      const before = p.pos;
      const v = this.parseAt(p.pos);
      count++;
      this.checkItem(v);
      if (p.pos <= before) p.pos = before + 1;
      lastEnd = v.end;
      if (this.skipWs() === Char.Comma) {
        commaAt = p.pos;
        p.pos++;
        if (count === 1 && v.node === undefined && this.skipWs() === Char.BraceOpen) this.learnSeparator(v.end, p.pos);
      }
    }
  }

  /** After the Records array: further members, then the closing brace of the top-level object. */
  private finishTopObject(): void {
    const p = this.parser;
    for (;;) {
      const c = this.skipWs();
      if (c === Char.BraceClose) {
        p.pos++;
        return;
      }
      if (c === -1) {
        p.reportEof('The file ends before the top-level object is closed (is it truncated?)', '}');
        this.drain();
        return;
      }
      if (c === Char.Comma) {
        p.pos++;
        if (this.skipWs() === Char.Quote) {
          p.parseString();
          if (this.skipWs() === Char.Colon) {
            p.pos++;
            p.parseValue(1);
            this.drain();
            continue;
          }
        }
        this.drain();
        this.syntax('Expected "name": value after this comma', p.pos, Math.min(p.pos + 1, this.text.length));
        return;
      }
      this.syntax('Expected , or } after the Records array', p.pos, p.pos + 1);
      return;
    }
  }

  /** Anything after the document (other than blanks) is reported once. */
  private trailing(): void {
    const p = this.parser;
    if (this.skipWs() === -1) return;
    const text = this.text;
    let end = text.indexOf('\n', p.pos);
    if (end < 0) end = text.length;
    this.syntax('Unexpected text after the end of the JSON document', p.pos, Math.max(end, p.pos + 1), [
      { title: 'Remove the text after the document', edits: [{ start: p.pos, end: text.length, newText: '' }] },
    ]);
  }

  /** Checks one element of a record container: a record, or an object holding one in a string. */
  private checkItem(v: ParsedValue): void {
    const value = v.value;
    if (!isObject(value)) {
      if (v.node === undefined && value === undefined) return; // nothing parsed (syntax error reported)
      this.push('record-type', 'A CloudTrail record must be a JSON object', v.start, Math.max(v.start + 1, v.end));
      return;
    }
    if (looksLikeRecord(value)) {
      this.checkRecordAt(value, v.start, v.end, { text: this.text, start: v.start, node: v.node });
      return;
    }
    const embedded = embeddedRecord(value);
    if (embedded) this.checkEmbedded(v, embedded.path, embedded.json);
    else this.nonRecordItems++;
  }

  /** The record held as JSON text (`inner`) in the string at `path` of `v`: checked, and placed inside the string. */
  private checkEmbedded(v: ParsedValue, path: string[], inner: string): void {
    const string = v.node ? nodeAt(v.node, path).node : undefined;
    const target = v.node ? undefined : locatePath(this.text, v.start, path);
    const quote = string ? string.start : target?.valueStart;
    const end = string ? string.end : target?.valueEnd;
    if (quote === undefined || end === undefined) return;
    const start = inner.length - inner.trimStart().length;
    let value: unknown;
    let node: AstNode | undefined;
    try {
      value = JSON.parse(inner);
    } catch {
      const parser = new TolerantParser(inner, start);
      node = parser.parseValue(0);
      value = toValue(node);
      const offsets = new StringOffsets(this.text, quote);
      for (const problem of parser.problems) {
        const fixes = problem.fixes?.map((f) => inStringFix(f, offsets));
        this.push(
          problem.ruleId,
          problem.message,
          offsets.toDocument(problem.start),
          offsets.toDocument(problem.end),
          fixes,
        );
      }
    }
    if (!looksLikeRecord(value)) {
      this.nonRecordItems++;
      return;
    }
    this.embedded = true;
    this.checkRecordAt(value, quote, end, { text: inner, start, node, quote });
  }

  /** Runs the checks on one record (in the document at [start, end)) and files its findings. */
  private checkRecordAt(value: Record<string, unknown>, start: number, end: number, place: RecordPlace): void {
    const findings: Finding[] = [];
    const report = (f: Finding): void => {
      findings.push(f);
    };
    const ctx: RecordContext = { index: this.records.length, start, end, text: this.text, eventIds: this.eventIds };
    checkRecord(value, ctx, report);
    if (value.eventSource === GAMELIFT_SOURCE) checkGameLiftRecord(value, report);
    const summary = summarizeRecord(value, this.records.length, start, end);
    if (place.quote !== undefined) summary.embedded = true;
    this.records.push(summary);
    for (const f of findings) {
      const severity = this.severityOf(f.ruleId, f.severity);
      if (severity) this.cap.add(severity, () => placeFinding(f, severity, place, this.text, start));
    }
  }

  result(): CtValidationResult {
    const diagnostics = this.cap.take().map((place) => place());
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    const r: CtValidationResult = {
      diagnostics,
      records: this.records,
      format: this.format,
      truncated: this.cap.total > diagnostics.length,
      totalDiagnostics: this.cap.total,
      counts: { ...this.cap.counts },
    };
    if (this.eventBridge) r.eventBridge = true;
    if (this.embedded) r.embedded = true;
    return r;
  }
}

/** A fix of text inside a JSON string: its edits moved into the document and escaped for the string. */
function inStringFix(fix: CtFix, offsets: StringOffsets): CtFix {
  return {
    ...fix,
    edits: fix.edits.map((e) => ({
      start: offsets.toDocument(e.start),
      end: offsets.toDocument(e.end),
      newText: escapedForString(e.newText),
    })),
  };
}

/** Where a finding's path leads in the record's text: the member's key (if any) and its value. */
function pathTarget(
  path: Finding['path'],
  place: RecordPlace,
): { keyStart: number; keyEnd: number; value?: { start: number; end: number } } | undefined {
  if (!place.node) {
    const t = locatePath(place.text, place.start, path);
    return t && { keyStart: t.keyStart, keyEnd: t.keyEnd, value: { start: t.valueStart, end: t.valueEnd } };
  }
  let node: AstNode | undefined = place.node;
  let keyStart = -1;
  let keyEnd = -1;
  for (const segment of path) {
    const step = nodeAt(node, [segment]);
    if (!step.member && !step.node) return undefined;
    keyStart = step.member ? step.member.keyStart : -1;
    keyEnd = step.member ? step.member.keyEnd : -1;
    node = step.node;
    if (!node) break;
  }
  return { keyStart, keyEnd, value: node };
}

/**
 * A finding placed in the document (`text`): the value or key its path leads to, else the
 * record's first character. Inside a string, offsets are moved past the escapes before them.
 */
function placeFinding(
  f: Finding,
  severity: CtSeverity,
  place: RecordPlace,
  text: string,
  recordStart: number,
): CtDiagnostic {
  const target = pathTarget(f.path, place);
  const range =
    target?.value && f.part === 'value'
      ? target.value
      : target && target.keyStart >= 0
        ? { start: target.keyStart, end: target.keyEnd }
        : undefined;
  if (place.quote !== undefined) place.offsets ??= new StringOffsets(text, place.quote);
  const offsets = place.offsets;
  const toDocument = (offset: number): number => (offsets ? offsets.toDocument(offset) : offset);
  const d: CtDiagnostic = {
    ruleId: f.ruleId,
    severity,
    message: f.message,
    start: range ? toDocument(range.start) : recordStart,
    end: range ? toDocument(range.end) : recordStart + 1,
  };
  if (f.fix && target?.value && f.part === 'value') {
    const newText = JSON.stringify(f.fix.newValue);
    d.fixes = [
      {
        title: f.fix.title,
        edits: [
          {
            start: toDocument(target.value.start),
            end: toDocument(target.value.end),
            newText: offsets ? escapedForString(newText) : newText,
          },
        ],
        isPreferred: f.fix.isPreferred,
      },
    ];
  }
  return d;
}

/** Validates a CloudTrail document. Never throws on any input. */
export function validateCloudTrail(text: string, options: CtValidateOptions = {}): CtValidationResult {
  return validateWith(text, options, false);
}

/**
 * Internal (not exported from index.ts): `tolerantOnly` sends every value through the
 * offset-tracking tolerant parser instead of the fast path, so tests can prove both paths agree.
 */
export function validateWith(text: string, options: CtValidateOptions, tolerantOnly: boolean): CtValidationResult {
  const v = new Validation(text, options, tolerantOnly);
  try {
    v.run();
  } catch (e) {
    // Defensive: report instead of throwing, so one bad input cannot take the editor down.
    const err = e instanceof Error ? e.message : String(e);
    v.push('syntax', `The checker stopped early: ${err}`, 0, Math.min(1, text.length));
  }
  return v.result();
}
