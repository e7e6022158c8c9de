// Validation driver: finds the records of a CloudTrail document (Records object, bare array,
// single record, EventBridge envelope, JSON lines) and checks them one at a time, so no tree
// of the whole file is ever built. Each record takes the fast path when it can — a structural
// scan finds its end, then the native JSON.parse builds the record — and only records with a
// syntax error (tolerant parser, with recovery) or with findings (offsets needed) are parsed by
// the offset-tracking parser.

import { MAX_DEPTH, TolerantParser, nodeAt, toValue, type AstNode } from './parser';
import type { Finding } from './findings';
import { EventIdIndex } from './eventIdIndex';
import { checkRecord, looksLikeRecord, type RecordCheckState } from './recordChecks';
import { checkGameLiftRecord, GAMELIFT_SOURCE } from './gameliftChecks';
import { defaultSeverity } from './rules';
import { keepInstances, keepRecent, keepRecordShape } from './warmShapes';
import { scanValueEnd } from './scanValue';
import type {
  CtDiagnostic,
  CtFix,
  CtFormat,
  CtRecordSummary,
  CtSeverity,
  CtValidateOptions,
  CtValidationResult,
} from './types';
import { isObject } from '../shared/guards';

const RECORDS_HEAD = /\{\s*"Records"\s*:\s*(?=\[)/y;
/** A separator between records with nothing but JSON white space around its comma. */
const PLAIN_SEPARATOR = /^\}[ \t\r\n]*,[ \t\r\n]*\{[ \t\r\n]*"/;
/** Records parsed ahead before they are checked (see parseBatch). */
const BATCH = 32;

interface ParsedValue {
  value: unknown;
  node: AstNode | undefined;
  start: number;
  end: number;
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
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
  readonly diagnostics: CtDiagnostic[] = [];
  total = 0;
  readonly records: CtRecordSummary[] = [];
  format: CtFormat = 'unknown';
  eventBridge = false;
  private nonRecordItems = 0;
  private readonly state: RecordCheckState;
  private readonly max: number;
  private readonly severities: Record<string, CtSeverity | 'off'>;

  constructor(
    readonly text: string,
    options: CtValidateOptions,
    private readonly tolerantOnly = false,
  ) {
    this.parser = new TolerantParser(text, 0);
    // Records are at least a few hundred characters long: that bounds the number of event IDs.
    this.state = { eventIds: new EventIdIndex(text.length / 300) };
    this.max = options.maxDiagnostics !== undefined && options.maxDiagnostics >= 0 ? options.maxDiagnostics : Infinity;
    this.severities = options.severities ?? {};
  }

  /** Severity to use, or undefined when the rule is off. */
  private severityOf(ruleId: string, proposed?: CtSeverity): CtSeverity | undefined {
    const o = this.severities[ruleId];
    if (o === 'off') return undefined;
    return o ?? proposed ?? defaultSeverity(ruleId);
  }

  private wants(): boolean {
    return this.diagnostics.length < this.max;
  }

  readonly counts: Record<CtSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };

  private push(
    ruleId: string,
    severity: CtSeverity,
    message: string,
    start: number,
    end: number,
    fixes?: CtFix[],
  ): void {
    this.total++;
    this.counts[severity]++;
    if (this.diagnostics.length >= this.max) return;
    const d: CtDiagnostic = { ruleId, severity, message, start, end };
    if (fixes && fixes.length > 0) d.fixes = fixes;
    this.diagnostics.push(d);
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
      const sev = this.severityOf(p.ruleId);
      if (sev) this.push(p.ruleId, sev, p.message, p.start, p.end, p.fixes);
    }
  }

  private syntax(message: string, start: number, end: number, fixes?: CtFix[]): void {
    this.parser.report(message, start, end, fixes);
    this.drain();
  }

  run(): void {
    const text = this.text;
    const p = this.parser;
    p.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let c = this.skipWs();
    if (c === -1) return;
    if (c === 91) {
      this.format = 'records-array';
      this.recordsArray(p.pos, 'records');
    } else if (c === 123) {
      RECORDS_HEAD.lastIndex = p.pos;
      if (RECORDS_HEAD.test(text)) {
        this.format = 'records-object';
        this.recordsArray(RECORDS_HEAD.lastIndex, 'records');
        this.finishTopObject();
      } else {
        const first = this.parseAt(p.pos);
        this.classifyTop(first);
        c = this.skipWs();
        if (c === 123) this.jsonLines(first);
      }
    } else {
      p.parseValue(0);
      this.drain();
    }
    this.trailing();
    if (this.records.length === 0 && (this.format === 'unknown' || this.nonRecordItems > 0)) {
      const sev = this.severityOf('no-records');
      if (sev)
        this.push(
          'no-records',
          sev,
          'No CloudTrail records found: expected {"Records": [...]}, an array of records, a record, an EventBridge envelope or one record per line',
          p.pos > 0 ? 0 : 0,
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
  learnSeparator(end: number, next: number): void {
    if (this.separator !== undefined || this.separatorMisses > 2) return;
    const text = this.text;
    const q1 = text.indexOf('"', next);
    const q2 = q1 < 0 ? -1 : text.indexOf('"', q1 + 1);
    if (q2 < 0 || q2 - next > 64 || next - end > 64) return;
    this.separator = text.slice(end - 1, q2 + 1);
    // Only plain JSON white space around the comma: then the text between two records found by
    // the separator needs no look of its own (no stray character or odd space to report).
    this.separatorBrace = PLAIN_SEPARATOR.test(this.separator) ? next - end + 1 : -1;
  }

  /** Offset of the next record's `{` in the separator, or -1 when records are not read in batches. */
  private separatorBrace = -1;
  private readonly batch: ParsedValue[] = [];

  /**
   * Parses up to BATCH records starting at `pos` on the separator path, into `this.batch`, and
   * returns how many. Parsing a run of records and then checking them is faster than alternating
   * JSON.parse and the checks record by record (each keeps its code and data in the caches). Stops
   * at the first record the separator does not find or JSON.parse refuses: parseAt takes it.
   */
  private parseBatch(pos: number): number {
    const text = this.text;
    const sep = this.separator;
    const brace = this.separatorBrace;
    if (sep === undefined || brace < 0) return 0;
    let n = 0;
    while (n < BATCH) {
      const found = text.indexOf(sep, pos);
      if (found < 0) break;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(pos, found + 1));
      } catch {
        break;
      }
      let v = this.batch[n];
      if (v === undefined) this.batch[n] = v = { value: undefined, node: undefined, start: 0, end: 0 };
      v.value = value;
      v.node = undefined;
      v.start = pos;
      v.end = found + 1;
      n++;
      pos = found + brace;
    }
    return n;
  }

  /** Parses the value at `pos`: fast path (scan + JSON.parse) for objects, tolerant parser otherwise. */
  private parseAt(pos: number): ParsedValue {
    const text = this.text;
    if (text.charCodeAt(pos) === 123 && !this.tolerantOnly) {
      const sep = this.separator;
      if (sep !== undefined) {
        const found = text.indexOf(sep, pos);
        if (found < 0) {
          this.separator = undefined; // no later record looks like this: stop guessing
        } else {
          try {
            const value: unknown = JSON.parse(text.slice(pos, found + 1));
            this.parser.pos = found + 1;
            return { value, node: undefined, start: pos, end: found + 1 };
          } catch {
            if (++this.separatorMisses > 2) this.separator = undefined;
          }
        }
      }
      const end = scanValueEnd(text, pos);
      if (end > 0) {
        try {
          const value: unknown = JSON.parse(text.slice(pos, end));
          this.parser.pos = end;
          return { value, node: undefined, start: pos, end };
        } catch {
          // fall through to the tolerant parser (syntax error or nesting too deep)
        }
      }
    }
    const p = this.parser;
    p.pos = pos;
    const node = p.parseValue(0, undefined);
    this.drain();
    if (p.pos === pos) p.pos = pos + 1; // always make progress
    return { value: toValue(node), node, start: pos, end: node ? node.end : p.pos };
  }

  /** Node tree of a value parsed on the fast path (built only when offsets are needed). */
  private nodeOf(v: ParsedValue): AstNode | undefined {
    if (!v.node) {
      const tmp = new TolerantParser(this.text, v.start);
      v.node = tmp.parseValue(0);
    }
    return v.node;
  }

  private classifyTop(first: ParsedValue): void {
    const value = first.value;
    if (isObject(value) && Array.isArray(value.Records)) {
      this.format = 'records-object';
      const records = nodeAt(this.nodeOf(first), ['Records']).node;
      if (records && records.kind === 'array') {
        records.items.forEach((item) =>
          this.checkItem({ value: toValue(item), node: item, start: item.start, end: item.end }),
        );
      }
      return;
    }
    if (
      isObject(value) &&
      isObject(value.detail) &&
      ('detail-type' in value || 'source' in value) &&
      looksLikeRecord(value.detail)
    ) {
      const detail = nodeAt(this.nodeOf(first), ['detail']).node;
      if (detail) {
        this.format = 'single-record';
        this.eventBridge = true;
        this.checkItem({ value: value.detail, node: detail, start: detail.start, end: detail.end });
        return;
      }
    }
    if (looksLikeRecord(value)) {
      this.format = 'single-record';
      this.checkItem(first);
    }
  }

  /** More top-level objects after the first: JSON lines (one record per line). */
  private jsonLines(first: ParsedValue): void {
    const p = this.parser;
    this.format = 'ndjson';
    if (this.records.length === 0 && looksLikeRecord(first.value) === false) this.nonRecordItems++;
    for (;;) {
      const c = this.skipWs();
      if (c === -1) return;
      if (c !== 123) return; // trailing() reports what follows
      const v = this.parseAt(p.pos);
      if (looksLikeRecord(v.value)) this.checkItem(v);
      else this.nonRecordItems++;
    }
  }

  /** The Records array (or a bare array of records) starting at `pos` (the '['). */
  private recordsArray(pos: number, noun: string): void {
    const text = this.text;
    const p = this.parser;
    p.pos = pos + 1;
    let count = 0;
    let lastEnd = p.pos;
    let commaAt = -1;
    for (;;) {
      const c = this.skipWs();
      if (c === 93) {
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
        p.reportEof(
          `The file ends before the ${noun === 'records' ? 'Records array' : 'array'} is closed (is it truncated?)`,
          commaAt >= 0 ? '' : ']',
        );
        this.drain();
        return;
      }
      if (c === 44) {
        this.syntax('Unexpected comma: a record is missing here', p.pos, p.pos + 1, [
          { title: 'Remove the extra comma', edits: [{ start: p.pos, end: p.pos + 1, newText: '' }] },
        ]);
        p.pos++;
        continue;
      }
      if (c === 125) {
        // `}` where a record or `]` should be: the array was never closed.
        this.syntax('Expected ] to close the Records array before this }', p.pos, p.pos + 1, [
          { title: 'Insert the missing ]', edits: [{ start: lastEnd, end: lastEnd, newText: ']' }] },
        ]);
        return;
      }
      if (count > 0 && commaAt < 0) {
        const at = lastEnd;
        this.syntax(`Expected a comma between ${noun}`, at, Math.min(at + 1, text.length), [
          { title: 'Insert the missing comma', edits: [{ start: at, end: at, newText: ',' }], isPreferred: true },
        ]);
      }
      commaAt = -1;
      if (this.separatorBrace >= 0 && !this.tolerantOnly && c === 123) {
        const n = this.parseBatch(p.pos);
        if (n > 0) {
          // Each of these is followed by the separator: a comma and plain white space, then the next record.
          for (let k = 0; k < n; k++) this.checkItem(this.batch[k]);
          count += n;
          lastEnd = this.batch[n - 1].end;
          p.pos = lastEnd;
          if (this.skipWs() === 44) {
            commaAt = p.pos;
            p.pos++;
          }
          continue;
        }
      }
      const before = p.pos;
      const v = this.parseAt(p.pos);
      count++;
      this.checkItem(v);
      if (p.pos <= before) p.pos = before + 1;
      lastEnd = v.end;
      const after = this.skipWs();
      if (after === 44) {
        commaAt = p.pos;
        p.pos++;
        if (count === 1 && v.node === undefined) {
          const next = this.skipWs();
          if (next === 123) this.learnSeparator(v.end, p.pos);
        }
      }
    }
  }

  /** After the Records array: further members, then the closing brace of the top-level object. */
  private finishTopObject(): void {
    const p = this.parser;
    for (;;) {
      const c = this.skipWs();
      if (c === 125) {
        p.pos++;
        return;
      }
      if (c === -1) {
        p.reportEof('The file ends before the top-level object is closed (is it truncated?)', '}');
        this.drain();
        return;
      }
      if (c === 44) {
        p.pos++;
        const k = this.skipWs();
        if (k === 34) {
          p.parseString();
          if (this.skipWs() === 58) {
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
    const c = this.skipWs();
    if (c === -1) return;
    const text = this.text;
    let end = text.indexOf('\n', p.pos);
    if (end < 0) end = text.length;
    this.syntax('Unexpected text after the end of the JSON document', p.pos, Math.max(end, p.pos + 1), [
      { title: 'Remove the text after the document', edits: [{ start: p.pos, end: text.length, newText: '' }] },
    ]);
  }

  /** Findings of the record being checked (reused: no per-record closures or arrays). */
  private readonly findings: Finding[] = [];
  private readonly report = (f: Finding): void => {
    this.findings.push(f);
  };
  private readonly info = { index: 0, start: 0, end: 0, text: '' };

  /** Checks one element of a record container. */
  private checkItem(v: ParsedValue): void {
    const value = v.value;
    if (!isObject(value)) {
      if (v.node === undefined && value === undefined) return; // nothing parsed (syntax error reported)
      const sev = this.severityOf('record-type');
      if (sev)
        this.push(
          'record-type',
          sev,
          'A CloudTrail record must be a JSON object',
          v.start,
          Math.min(v.end, v.start + 1) || v.start + 1,
        );
      return;
    }
    if (!looksLikeRecord(value)) {
      this.nonRecordItems++;
      return;
    }
    const index = this.records.length;
    keepRecordShape(value);
    const info = this.info;
    info.index = index;
    info.start = v.start;
    info.end = v.end;
    info.text = this.text;
    const findings = this.findings;
    checkRecord(value, info, this.state, this.report);
    if (value.eventSource === GAMELIFT_SOURCE) checkGameLiftRecord(value, this.report);
    const summary = this.summarize(value, v, index);
    this.records.push(summary);
    if (index === 0) keepInstances(summary, v);
    if (findings.length !== 0) {
      keepRecent(value);
      for (let i = 0; i < findings.length; i++) this.emit(findings[i], v);
      findings.length = 0; // a builtin call: only when there was something to clear
    }
  }

  private emit(f: Finding, v: ParsedValue): void {
    const sev = this.severityOf(f.ruleId, f.severity);
    if (!sev) return;
    if (!this.wants()) {
      this.total++;
      this.counts[sev]++;
      return;
    }
    const root = this.nodeOf(v);
    let node: AstNode | undefined = root;
    let keyStart = -1;
    let keyEnd = -1;
    let found = true;
    for (const seg of f.path) {
      const step = nodeAt(node, [seg]);
      if (!step.member && !step.node) {
        found = false;
        break;
      }
      keyStart = step.member ? step.member.keyStart : -1;
      keyEnd = step.member ? step.member.keyEnd : -1;
      node = step.node;
      if (!node) break;
    }
    let start = v.start;
    let end = v.start + 1;
    if (found && f.part === 'key' && keyStart >= 0) {
      start = keyStart;
      end = keyEnd;
    } else if (found && f.part === 'value' && node) {
      start = node.start;
      end = node.end;
    } else if (found && keyStart >= 0) {
      start = keyStart;
      end = keyEnd;
    }
    let fixes: CtFix[] | undefined;
    if (f.fix && found && node && f.part === 'value') {
      fixes = [
        {
          title: f.fix.title,
          edits: [{ start: node.start, end: node.end, newText: JSON.stringify(f.fix.newValue) }],
          isPreferred: f.fix.isPreferred,
        },
      ];
    }
    this.push(f.ruleId, sev, f.message, start, end, fixes);
  }

  private summarize(rec: Record<string, unknown>, v: ParsedValue, index: number): CtRecordSummary {
    // One literal with every field (one hidden class, no transition per field): this runs for every record.
    return {
      index,
      start: v.start,
      end: v.end,
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

  result(): CtValidationResult {
    this.diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    const r: CtValidationResult = {
      diagnostics: this.diagnostics,
      records: this.records,
      format: this.format,
      truncated: this.total > this.diagnostics.length,
      totalDiagnostics: this.total,
      counts: this.counts,
    };
    if (this.eventBridge) r.eventBridge = true;
    return r;
  }
}

// The Validation holds a TolerantParser and an EventIdIndex: one instance keeps all three classes.
keepInstances(new Validation('', {}));

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
    v.diagnostics.push({
      ruleId: 'syntax',
      severity: 'error',
      message: `The checker stopped early: ${err}`,
      start: 0,
      end: Math.min(1, text.length),
    });
    v.total++;
    v.counts.error++;
  }
  return v.result();
}

export { MAX_DEPTH };
