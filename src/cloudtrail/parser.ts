// Tolerant JSON parser with exact offsets. It builds a small syntax tree for one value (one
// record, normally), reports every syntax error once at the place it happens with a message a
// person understands and a quick fix when the repair is certain, and recovers so the values
// after the error are still parsed. Recursion is capped (MAX_DEPTH): deeper values are skipped
// iteratively with one diagnostic, so 100,000 levels of nesting cannot blow the stack.

import { Char } from './chars';
import type { CtFix } from './types';

export type AstNode = AstObject | AstArray | AstScalar | AstSkipped;

export interface AstObject {
  kind: 'object';
  start: number;
  end: number;
  members: AstMember[];
}
export interface AstMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: AstNode | undefined;
}
export interface AstArray {
  kind: 'array';
  start: number;
  end: number;
  items: AstNode[];
}
export interface AstScalar {
  kind: 'string' | 'number' | 'boolean' | 'null';
  start: number;
  end: number;
  value: string | number | boolean | null;
}
/** A value nested deeper than MAX_DEPTH, skipped without being parsed. */
export interface AstSkipped {
  kind: 'skipped';
  start: number;
  end: number;
}

export interface SyntaxProblem {
  ruleId: 'syntax' | 'max-depth';
  message: string;
  start: number;
  end: number;
  fixes?: CtFix[];
}

export const MAX_DEPTH = 200;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD_END = /[ \t\r\n,:{}[\]"]/;

/** White space outside JSON's four characters (NBSP, BOM, Unicode spaces, line/paragraph separators). */
function isOtherSpace(c: number): boolean {
  return (
    c === Char.NoBreakSpace ||
    c === Char.ByteOrderMark ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x1680
  );
}

function isWs(c: number): boolean {
  return c === Char.Space || c === Char.LF || c === Char.CR || c === Char.Tab;
}

/** Characters that may start a JSON value. */
function startsValue(c: number): boolean {
  return (
    c === Char.Quote ||
    c === Char.BraceOpen ||
    c === Char.BracketOpen ||
    c === Char.Minus ||
    (c >= Char.Digit0 && c <= Char.Digit9) ||
    c === Char.LowerT ||
    c === Char.LowerF ||
    c === Char.LowerN
  );
}

/** Characters that may start an unquoted word (a value or key missing its quotes). */
function isWordChar(c: number): boolean {
  return (
    (c >= Char.Digit0 && c <= Char.Digit9) ||
    (c >= Char.UpperA && c <= Char.UpperZ) ||
    (c >= Char.LowerA && c <= Char.LowerZ) ||
    c === Char.Underscore ||
    c === Char.Dollar ||
    c === Char.Dot ||
    c === Char.Minus ||
    c === Char.Plus ||
    c === Char.Slash ||
    c > 127
  );
}

function describeChar(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the file';
  const c = text.charCodeAt(pos);
  if (c === 0) return 'a NUL character';
  if (c < 32) return `a control character (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
  if (c === Char.ByteOrderMark) return 'a byte order mark';
  return `'${text[pos]}'`;
}

export interface ParseContext {
  /** Noun for the items of the array being parsed ("records" for the Records array). */
  itemNoun?: string;
}

/**
 * Parses values from `text`, starting anywhere. One instance can parse several values in turn
 * (`pos` moves forward); problems accumulate in `problems`.
 */
export class TolerantParser {
  pos: number;
  readonly problems: SyntaxProblem[] = [];
  /** The one problem reported for running into the end of the file; outer levels add their closers to its fix. */
  private eofProblem: SyntaxProblem | undefined;

  constructor(
    readonly text: string,
    start = 0,
  ) {
    this.pos = start;
  }

  skipWs(): number {
    const text = this.text;
    let i = this.pos;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === Char.Space || c === Char.LF || c === Char.CR || c === Char.Tab) i++;
      else if (isOtherSpace(c)) {
        // Non-breaking spaces and friends (pasted from web pages) are not JSON white space.
        const s = i;
        while (i < n && isOtherSpace(text.charCodeAt(i))) i++;
        const what =
          c === Char.NoBreakSpace
            ? 'Non-breaking spaces are'
            : c === Char.ByteOrderMark
              ? 'A byte order mark is'
              : `U+${c.toString(16).toUpperCase().padStart(4, '0')} is`;
        this.report(`${what} not allowed as white space in JSON`, s, i, [
          {
            title: 'Replace with ordinary spaces',
            edits: [{ start: s, end: i, newText: ' '.repeat(i - s) }],
            isPreferred: true,
          },
        ]);
      } else break;
    }
    this.pos = i;
    return i < n ? text.charCodeAt(i) : -1;
  }

  report(
    message: string,
    start: number,
    end: number,
    fixes?: CtFix[],
    ruleId: SyntaxProblem['ruleId'] = 'syntax',
  ): void {
    const len = this.text.length;
    start = Math.max(0, Math.min(start, len));
    end = Math.max(start, Math.min(end, len));
    this.problems.push({ ruleId, message, start, end, fixes });
  }

  /**
   * Reports running into the end of the file once: a truncated file is one mistake, not one per
   * open bracket. Each enclosing level appends its closer to the fix.
   */
  reportEof(message: string, closer: string): void {
    const len = this.text.length;
    if (this.eofProblem) {
      const fix = this.eofProblem.fixes?.[0];
      if (fix && closer) fix.edits[0].newText += closer;
      return;
    }
    const start = Math.max(0, len - 1);
    this.eofProblem = {
      ruleId: 'syntax',
      message,
      start,
      end: len,
      fixes: closer
        ? [
            {
              title: 'Close what is still open at the end of the file',
              edits: [{ start: len, end: len, newText: closer }],
            },
          ]
        : undefined,
    };
    this.problems.push(this.eofProblem);
  }

  /** Range to underline at `pos`: the character there, or the last character at the end of the file. */
  private spot(pos: number): [number, number] {
    const len = this.text.length;
    if (pos < len) return [pos, pos + 1];
    return [Math.max(0, len - 1), len];
  }

  parseValue(depth = 0, ctx?: ParseContext): AstNode | undefined {
    const c = this.skipWs();
    const start = this.pos;
    if (c === Char.BraceOpen || c === Char.BracketOpen) {
      if (depth >= MAX_DEPTH) return this.skipDeep(start);
      return c === Char.BraceOpen ? this.parseObject(depth + 1) : this.parseArray(depth + 1, ctx);
    }
    if (c === Char.Quote) return this.parseString();
    if (c === -1) {
      this.reportEof('The file ends where a value was expected (is it truncated?)', '');
      return undefined;
    }
    if (c === Char.Minus || (c >= Char.Digit0 && c <= Char.Digit9)) {
      NUMBER.lastIndex = start;
      if (NUMBER.test(this.text)) {
        const end = NUMBER.lastIndex;
        const next = end < this.text.length ? this.text.charCodeAt(end) : -1;
        if (!(isWordChar(next) || next === Char.Quote)) {
          this.pos = end;
          return { kind: 'number', start, end, value: Number(this.text.slice(start, end)) };
        }
      }
      return this.parseBareWord(start);
    }
    if (isWordChar(c)) return this.parseBareWord(start);
    if (c === Char.Comma || c === Char.BraceClose || c === Char.BracketClose || c === Char.Colon) {
      const [s, e] = this.spot(start);
      this.report(`A value is missing here (found ${describeChar(this.text, start)})`, s, e);
      return undefined;
    }
    // A stray character: report it and skip it, then try again.
    const [s, e] = this.spot(start);
    this.report(`Unexpected ${describeChar(this.text, start)}`, s, e, [
      { title: 'Remove the unexpected character', edits: [{ start: s, end: e, newText: '' }] },
    ]);
    this.pos = start + 1;
    return this.parseValue(depth, ctx);
  }

  /** A word without quotes: a literal, a value missing its opening quote, or an unquoted value. */
  private parseBareWord(start: number): AstNode {
    const text = this.text;
    let i = start;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (
        c === Char.Quote ||
        c === Char.Comma ||
        c === Char.BraceClose ||
        c === Char.BracketClose ||
        c === Char.LF ||
        c === Char.CR ||
        c === Char.Colon ||
        c === Char.BraceOpen ||
        c === Char.BracketOpen
      )
        break;
      i++;
    }
    // Trailing blanks before the terminator are not part of the word.
    let wordEnd = i;
    while (wordEnd > start && isWs(text.charCodeAt(wordEnd - 1))) wordEnd--;
    const word = text.slice(start, wordEnd);
    if (word === 'true' || word === 'false' || word === 'null') {
      this.pos = wordEnd;
      return {
        kind: word === 'null' ? 'null' : 'boolean',
        start,
        end: wordEnd,
        value: word === 'null' ? null : word === 'true',
      };
    }
    if (i < n && text.charCodeAt(i) === Char.Quote && i === wordEnd) {
      // `AKIAIOSFODNN7EXAMPLE",`: the closing quote is there, the opening one is not.
      this.pos = i + 1;
      this.report('This value is missing its opening quote', start, i + 1, [
        { title: 'Insert the missing opening quote', edits: [{ start, end: start, newText: '"' }], isPreferred: true },
      ]);
      return { kind: 'string', start, end: i + 1, value: word };
    }
    this.pos = wordEnd;
    const lower = word.toLowerCase();
    if (lower === 'true' || lower === 'false' || lower === 'null') {
      this.report(`JSON literals are lower-case: write ${lower}`, start, wordEnd, [
        { title: `Change to ${lower}`, edits: [{ start, end: wordEnd, newText: lower }], isPreferred: true },
      ]);
      return {
        kind: lower === 'null' ? 'null' : 'boolean',
        start,
        end: wordEnd,
        value: lower === 'null' ? null : lower === 'true',
      };
    }
    if (word === '...' || word === '…') {
      this.report('A placeholder (…) stands where a value should be', start, wordEnd);
      return { kind: 'null', start, end: wordEnd, value: null };
    }
    this.report('This value is not in quotes', start, wordEnd, [
      {
        title: 'Put the value in quotes',
        edits: [
          { start, end: start, newText: '"' },
          { start: wordEnd, end: wordEnd, newText: '"' },
        ],
        isPreferred: true,
      },
    ]);
    return { kind: 'string', start, end: wordEnd, value: word };
  }

  /** A string starting at the current quote. Unterminated strings end at the line break. */
  parseString(): AstScalar {
    const text = this.text;
    const start = this.pos;
    const n = text.length;
    let escapes = false;
    let bad = -1;
    let j = start + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === Char.Quote) break;
      if (c === Char.Backslash) {
        escapes = true;
        j++;
      } else if (c < 32) {
        if (c === Char.LF || c === Char.CR) {
          let end = j;
          while (end > start + 1 && isWs(text.charCodeAt(end - 1))) end--;
          this.report('This string is not closed: the closing quote is missing', start, end, [
            { title: 'Insert the closing quote', edits: [{ start: end, end, newText: '"' }], isPreferred: true },
          ]);
          this.pos = end;
          return { kind: 'string', start, end, value: this.decode(start + 1, end, escapes) };
        }
        if (bad < 0) bad = j;
      }
    }
    if (j >= n) {
      this.reportEof('The file ends inside this string (is it truncated?)', '"');
      this.pos = n;
      return { kind: 'string', start, end: n, value: this.decode(start + 1, n, escapes) };
    }
    this.pos = j + 1;
    if (bad >= 0) {
      this.report(
        `Strings may not contain ${describeChar(text, bad)}; write it as an escape such as \\u0000`,
        bad,
        bad + 1,
      );
    }
    return {
      kind: 'string',
      start,
      end: j + 1,
      value: escapes ? this.decode(start + 1, j, true) : text.slice(start + 1, j),
    };
  }

  /** Decodes string content leniently; reports invalid escapes. */
  private decode(from: number, to: number, escapes: boolean): string {
    const text = this.text;
    if (!escapes) return text.slice(from, to);
    try {
      return JSON.parse('"' + text.slice(from, to).replace(/[\u0000-\u001f]/g, ' ') + '"') as string;
    } catch {
      // Walk the escapes to find the bad one.
      let out = '';
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c !== Char.Backslash) {
          out += text[i];
          continue;
        }
        const e = text[i + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i++;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 5;
        } else {
          this.report(
            `Invalid escape sequence \\${e ?? ''}: a backslash must be written as \\\\`,
            i,
            Math.min(i + 2, to),
            [{ title: 'Escape the backslash', edits: [{ start: i, end: i + 1, newText: '\\\\' }] }],
          );
          out += '\\';
        }
      }
      return out;
    }
  }

  parseObject(depth: number): AstObject {
    const text = this.text;
    const start = this.pos;
    this.pos++; // {
    const members: AstMember[] = [];
    let lastValueEnd = this.pos; // where a missing comma would go
    let commaAt = -1; // position of a comma after the previous member
    for (;;) {
      const c = this.skipWs();
      const loopStart = this.pos;
      if (c === Char.BraceClose) {
        if (commaAt >= 0) this.trailingComma(commaAt, 'member', '}');
        this.pos++;
        return { kind: 'object', start, end: this.pos, members };
      }
      if (c === -1) {
        this.reportEof('The file ends before this object is closed (is it truncated?)', commaAt >= 0 ? '' : '}');
        return { kind: 'object', start, end: text.length, members };
      }
      if (c === Char.BracketClose) {
        if (commaAt >= 0) this.trailingComma(commaAt, 'member', ']');
        this.report('Expected } to close the object before this ]', this.pos, this.pos + 1, [
          { title: 'Insert the missing }', edits: [{ start: lastValueEnd, end: lastValueEnd, newText: '}' }] },
        ]);
        return { kind: 'object', start, end: lastValueEnd, members };
      }
      if (members.length > 0 && commaAt < 0) {
        if (c === Char.Quote || isWordChar(c)) {
          this.report('Expected a comma between members', lastValueEnd, lastValueEnd, [
            {
              title: 'Insert the missing comma',
              edits: [{ start: lastValueEnd, end: lastValueEnd, newText: ',' }],
              isPreferred: true,
            },
          ]);
          this.widenEmpty();
        } else if (c === Char.BraceOpen || c === Char.BracketOpen) {
          // A value where a key should be: most likely a missing } before it. Close the object.
          this.report('Expected a comma or } after this member', lastValueEnd, lastValueEnd);
          this.widenEmpty();
          return { kind: 'object', start, end: lastValueEnd, members };
        }
      }
      // Key
      let key: string;
      const keyStart = this.pos;
      let keyEnd: number;
      if (c === Char.Quote) {
        const k = this.parseString();
        key = k.value as string;
        keyEnd = k.end;
      } else if (isWordChar(c) && !WORD_END.test(text[keyStart])) {
        let i = keyStart;
        while (i < text.length && !WORD_END.test(text[i])) i++;
        key = text.slice(keyStart, i);
        keyEnd = i;
        this.pos = i;
        if (i < text.length && text.charCodeAt(i) === Char.Quote) {
          this.pos = i + 1;
          keyEnd = i + 1;
          this.report('This name is missing its opening quote', keyStart, keyEnd, [
            {
              title: 'Insert the missing opening quote',
              edits: [{ start: keyStart, end: keyStart, newText: '"' }],
              isPreferred: true,
            },
          ]);
        } else {
          this.report('Property names must be in double quotes', keyStart, keyEnd, [
            {
              title: 'Put the name in quotes',
              edits: [
                { start: keyStart, end: keyStart, newText: '"' },
                { start: keyEnd, end: keyEnd, newText: '"' },
              ],
              isPreferred: true,
            },
          ]);
        }
      } else if (c === Char.Comma) {
        this.report('Unexpected comma: a member is missing here', this.pos, this.pos + 1, [
          { title: 'Remove the extra comma', edits: [{ start: this.pos, end: this.pos + 1, newText: '' }] },
        ]);
        this.pos++;
        continue;
      } else {
        const [s, e] = this.spot(this.pos);
        this.report(`Expected a property name in double quotes, found ${describeChar(text, this.pos)}`, s, e, [
          { title: 'Remove the unexpected character', edits: [{ start: s, end: e, newText: '' }] },
        ]);
        this.pos++;
        continue;
      }
      commaAt = -1;
      // Colon
      const afterKey = this.skipWs();
      let value: AstNode | undefined;
      if (afterKey === Char.Colon) {
        this.pos++;
        value = this.parseValue(depth);
      } else if (afterKey !== -1 && startsValue(afterKey) && afterKey !== Char.Comma) {
        this.report('Expected a colon after the property name', keyEnd, keyEnd, [
          {
            title: 'Insert the missing colon',
            edits: [{ start: keyEnd, end: keyEnd, newText: ':' }],
            isPreferred: true,
          },
        ]);
        this.widenEmpty();
        value = this.parseValue(depth);
      } else {
        const [s, e] = this.spot(keyEnd - 1);
        this.report(`Expected a colon and a value after "${key}"`, s, e);
        value = undefined;
      }
      members.push({ key, keyStart, keyEnd, value });
      lastValueEnd = value ? value.end : keyEnd;
      if (this.pos === loopStart) this.pos++; // always make progress
      const after = this.skipWs();
      if (after === Char.Comma) {
        commaAt = this.pos;
        this.pos++;
        lastValueEnd = this.pos;
      }
    }
  }

  parseArray(depth: number, ctx?: ParseContext): AstArray {
    const text = this.text;
    const start = this.pos;
    this.pos++; // [
    const items: AstNode[] = [];
    const noun = ctx?.itemNoun ?? 'items';
    let lastEnd = this.pos;
    let commaAt = -1;
    for (;;) {
      const c = this.skipWs();
      if (c === Char.BracketClose) {
        if (commaAt >= 0) this.trailingComma(commaAt, noun === 'items' ? 'item' : noun.replace(/s$/, ''), ']');
        this.pos++;
        return { kind: 'array', start, end: this.pos, items };
      }
      if (c === -1) {
        this.reportEof('The file ends before this array is closed (is it truncated?)', commaAt >= 0 ? '' : ']');
        return { kind: 'array', start, end: text.length, items };
      }
      if (c === Char.BraceClose) {
        this.report('Expected ] to close the array before this }', this.pos, this.pos + 1, [
          { title: 'Insert the missing ]', edits: [{ start: lastEnd, end: lastEnd, newText: ']' }] },
        ]);
        return { kind: 'array', start, end: lastEnd, items };
      }
      if (c === Char.Comma) {
        this.report('Unexpected comma: a value is missing here', this.pos, this.pos + 1, [
          { title: 'Remove the extra comma', edits: [{ start: this.pos, end: this.pos + 1, newText: '' }] },
        ]);
        this.pos++;
        continue;
      }
      if (items.length > 0 && commaAt < 0) {
        this.report(`Expected a comma between ${noun}`, lastEnd, lastEnd, [
          {
            title: 'Insert the missing comma',
            edits: [{ start: lastEnd, end: lastEnd, newText: ',' }],
            isPreferred: true,
          },
        ]);
        this.widenEmpty();
      }
      commaAt = -1;
      const before = this.pos;
      const item = this.parseValue(depth);
      if (item) items.push(item);
      if (this.pos === before) this.pos++; // guarantee progress
      lastEnd = item ? item.end : this.pos;
      const after = this.skipWs();
      if (after === Char.Comma) {
        commaAt = this.pos;
        this.pos++;
        lastEnd = this.pos;
      }
    }
  }

  private trailingComma(at: number, noun: string, closer: string): void {
    this.report(`Trailing comma: no ${noun} follows it before ${closer}`, at, at + 1, [
      { title: 'Remove the trailing comma', edits: [{ start: at, end: at + 1, newText: '' }], isPreferred: true },
    ]);
  }

  /** Gives the last problem a one-character range so an insertion point is visible. */
  private widenEmpty(): void {
    const p = this.problems[this.problems.length - 1];
    if (p.start === p.end) {
      if (p.end < this.text.length) p.end = p.start + 1;
      else if (p.start > 0) p.start = p.end - 1;
    }
  }

  /** Skips a value nested too deeply, iteratively (strings are honoured). */
  private skipDeep(start: number): AstSkipped {
    const text = this.text;
    let depth = 0;
    let i = start;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === Char.Quote) {
        i = skipString(text, i);
        continue;
      }
      if (c === Char.BraceOpen || c === Char.BracketOpen) depth++;
      else if (c === Char.BraceClose || c === Char.BracketClose) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
      i++;
    }
    this.pos = i;
    this.report(
      `Nesting deeper than ${MAX_DEPTH} levels: this value is not checked`,
      start,
      start + 1,
      undefined,
      'max-depth',
    );
    if (depth > 0) this.reportEof('The file ends inside this deeply nested value (is it truncated?)', '');
    return { kind: 'skipped', start, end: i };
  }
}

/** Offset just after the string starting at `start` (a quote), or the text length. */
export function skipString(text: string, start: number): number {
  let q = text.indexOf('"', start + 1);
  while (q > 0) {
    let b = q - 1;
    while (text.charCodeAt(b) === Char.Backslash) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    q = text.indexOf('"', q + 1);
  }
  return text.length;
}

/** Plain JavaScript value of a node (skipped values become undefined). Not recursive beyond MAX_DEPTH by construction. */
export function toValue(node: AstNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const m of node.members) {
        if (m.key === '__proto__')
          Object.defineProperty(o, m.key, {
            value: toValue(m.value),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else o[m.key] = toValue(m.value);
      }
      return o;
    }
    case 'array':
      return node.items.map(toValue);
    case 'skipped':
      return undefined;
    default:
      return node.value;
  }
}

/** The node at a path (last duplicate key wins, as in JSON.parse). */
export function nodeAt(
  root: AstNode | undefined,
  path: ReadonlyArray<string | number>,
): { node: AstNode | undefined; member?: AstMember; parent?: AstNode } {
  let node = root;
  let member: AstMember | undefined;
  let parent: AstNode | undefined;
  for (const seg of path) {
    if (!node) return { node: undefined };
    parent = node;
    if (typeof seg === 'number') {
      if (node.kind !== 'array') return { node: undefined };
      node = node.items[seg];
      member = undefined;
    } else {
      if (node.kind !== 'object') return { node: undefined };
      member = undefined;
      for (let i = node.members.length - 1; i >= 0; i--) {
        if (node.members[i].key === seg) {
          member = node.members[i];
          break;
        }
      }
      if (!member) return { node: undefined, parent };
      node = member.value;
    }
  }
  return { node, member, parent };
}
