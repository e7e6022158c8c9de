// What is at an offset, for hovers and links: the JSON path, the member's key and value ranges,
// the scalar value, and the record around it. Only the record containing the offset is parsed;
// the records before it are skipped structurally (or found by binary search when the caller
// passes the record list of its last validation).

import { Char } from './chars';
import { TolerantParser, toValue, type AstNode } from './parser';
import { scanValueEnd } from './scanValue';
import { recordContaining } from './recordIndex';
import { summarizeRecord } from './validate';
import type { CtLocation, CtPathSegment, CtRecordSummary } from './types';

interface Child {
  key?: string;
  index: number;
  start: number;
  end: number;
}

/** The direct child of the container at `containerStart` whose value (or key) contains `offset`. */
function childContaining(text: string, containerStart: number, offset: number): Child | undefined {
  const isObject = text.charCodeAt(containerStart) === Char.BraceOpen;
  const p = new TolerantParser(text, containerStart + 1);
  let index = 0;
  for (let guard = 0; guard < 10_000_000; guard++) {
    let c = p.skipWs();
    if (c === -1 || c === Char.BraceClose || c === Char.BracketClose) return undefined;
    let key: string | undefined;
    const keyStart = p.pos;
    if (isObject) {
      if (c !== Char.Quote) return undefined;
      key = p.parseString().value as string;
      c = p.skipWs();
      if (c !== Char.Colon) return undefined;
      p.pos++;
      c = p.skipWs();
    }
    const start = p.pos;
    let end: number;
    if (c === Char.BraceOpen || c === Char.BracketOpen) {
      end = scanValueEnd(text, start);
      if (end < 0) end = text.length;
    } else {
      const before = p.pos;
      p.parseValue(0);
      end = Math.max(p.pos, before + 1);
    }
    if (offset < end) return offset >= keyStart ? { key, index, start, end } : undefined;
    p.pos = end;
    c = p.skipWs();
    if (c === Char.Comma) p.pos++;
    else if (c !== Char.BraceClose && c !== Char.BracketClose) return undefined;
    index++;
  }
  return undefined;
}

function isRecordish(node: AstNode | undefined): boolean {
  if (!node || node.kind !== 'object') return false;
  let n = 0;
  for (const m of node.members)
    if (
      m.key === 'eventVersion' ||
      m.key === 'eventTime' ||
      m.key === 'eventName' ||
      m.key === 'eventSource' ||
      m.key === 'eventID'
    )
      n++;
  return n >= 2;
}

/** Finds the record range containing `offset` and the path prefix leading to it. */
function findRecord(
  text: string,
  offset: number,
  records?: readonly CtRecordSummary[],
): { start: number; end: number; prefix: CtPathSegment[]; summary?: CtRecordSummary } | undefined {
  let root = text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  while (root < text.length && /\s/.test(text[root])) root++;
  const first = text.charCodeAt(root);
  const at = records ? recordContaining(records, offset) : -1;
  if (records && at >= 0) {
    const r = records[at];
    const prefix: CtPathSegment[] =
      first === Char.BracketOpen
        ? [r.index]
        : text.startsWith('"Records"', text.indexOf('"', root))
          ? ['Records', r.index]
          : [];
    return { start: r.start, end: r.end, prefix, summary: r };
  }
  if (first === Char.BracketOpen) {
    const child = childContaining(text, root, offset);
    return child ? { start: child.start, end: child.end, prefix: [child.index] } : undefined;
  }
  if (first !== Char.BraceOpen) return undefined;
  // Top-level objects one after another (JSON lines) or a single one.
  let start = root;
  for (;;) {
    let end = scanValueEnd(text, start);
    if (end < 0) end = text.length;
    if (offset < end || end >= text.length) {
      const child = childContaining(text, start, offset);
      if (child && child.key === 'Records' && text.charCodeAt(child.start) === Char.BracketOpen) {
        const rec = childContaining(text, child.start, offset);
        return rec ? { start: rec.start, end: rec.end, prefix: ['Records', rec.index] } : { start, end, prefix: [] };
      }
      if (child && child.key === 'detail' && text.charCodeAt(child.start) === Char.BraceOpen) {
        const p = new TolerantParser(text, child.start);
        if (isRecordish(p.parseValue(0))) return { start: child.start, end: child.end, prefix: ['detail'] };
      }
      return { start, end, prefix: [] };
    }
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next++;
    if (text.charCodeAt(next) !== Char.BraceOpen || offset < next) return undefined;
    start = next;
  }
}

/**
 * What is at `offset`. `records` (from the last validation of the same text) makes finding the
 * record a binary search instead of a scan.
 */
export function locate(text: string, offset: number, records?: readonly CtRecordSummary[]): CtLocation | undefined {
  try {
    if (offset < 0 || offset > text.length) return undefined;
    const rec = findRecord(text, offset, records);
    if (!rec) return undefined;
    const parser = new TolerantParser(text, rec.start);
    const root = parser.parseValue(0);
    if (!root) return undefined;
    const record = rec.summary ?? summarizeRecord(toValue(root), -1, rec.start, root.end);
    if (rec.summary === undefined && records) {
      const found = records.find((r) => r.start === rec.start);
      if (found) record.index = found.index;
    }
    if (record.index < 0 && typeof rec.prefix[rec.prefix.length - 1] === 'number')
      record.index = rec.prefix[rec.prefix.length - 1] as number;
    const path: CtPathSegment[] = [...rec.prefix];
    const loc: CtLocation = { path, record };
    let node: AstNode = root;
    loc.valueStart = node.start;
    loc.valueEnd = node.end;
    for (;;) {
      let next: AstNode | undefined;
      if (node.kind === 'object') {
        for (const m of node.members) {
          const vEnd = m.value ? m.value.end : m.keyEnd;
          if (offset >= m.keyStart && offset < Math.max(vEnd, m.keyEnd)) {
            path.push(m.key);
            loc.key = m.key;
            loc.keyStart = m.keyStart;
            loc.keyEnd = m.keyEnd;
            loc.onKey = offset < m.keyEnd;
            loc.valueStart = m.value?.start;
            loc.valueEnd = m.value?.end;
            loc.value = undefined;
            if (!loc.onKey) next = m.value;
            else if (m.value && m.value.kind !== 'object' && m.value.kind !== 'array') loc.value = toValue(m.value);
            break;
          }
        }
      } else if (node.kind === 'array') {
        for (let i = 0; i < node.items.length; i++) {
          const it = node.items[i];
          if (offset >= it.start && offset < it.end) {
            path.push(i);
            loc.key = undefined;
            loc.keyStart = undefined;
            loc.keyEnd = undefined;
            loc.onKey = false;
            loc.valueStart = it.start;
            loc.valueEnd = it.end;
            next = it;
            break;
          }
        }
      }
      if (!next) break;
      node = next;
      if (node.kind !== 'object' && node.kind !== 'array') {
        loc.value = toValue(node);
        break;
      }
    }
    return loc;
  } catch {
    return undefined;
  }
}
