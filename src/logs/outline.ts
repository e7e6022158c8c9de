// The outline of a log: its sections (banners, headings, "Step 3/7"), the commands of a
// shell trace (`+ cmd`) or a batch file (`C:\game>cmd`), and its error lines, so a long
// installer or server log can be walked by step. Pure; line numbers are 1-based.

export interface OutlineEntry {
  readonly kind: 'section' | 'step' | 'error';
  readonly title: string;
  /** 1-based. */
  readonly line: number;
}

/** More entries than this are not listed (a log of 100,000 errors still opens quickly). */
const MAX_ENTRIES = 2000;
const TITLE_MAX = 120;

// A leading timestamp and level are not part of a title.
const PREFIX = /^(?:\[?\d{4}-\d{2}-\d{2}[T ][\d:.,]+(?:Z|[+-]\d{2}:?\d{2})?\]?\s*)?(?:\[(?:[A-Z]+)\]\s*)?/;
const BANNER = /^(?:={3,}|-{3,}|\*{3,}|#{3,})\s*(.+?)\s*(?:={3,}|-{3,}|\*{3,}|#{3,})?$/;
const HEADING = /^#{1,3}\s+(\S.*)$/;
const STEP = /^\[?\s*(?:step|stage|phase)\s+(\d+)(?:\s*(?:\/|of)\s*\d+)?\s*\]?\s*[:.)-]?\s*(.*)$/i;
const TRACE = /^\+{1,3}\s+(\S.*)$/;
const BATCH = /^[A-Za-z]:\\[^>]*>(\S.*)$/;
const ERROR =
  /\b(?:ERROR|FATAL|CRITICAL)\b|\berror:|\bfailed\b|\bexception\b|Segmentation fault|bad interpreter|command not found/i;

function title(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t;
}

export function outlineLog(text: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && entries.length < MAX_ENTRIES; i++) {
    const raw = lines[i];
    if (raw.length === 0) continue;
    const body = raw.replace(PREFIX, '');
    let m: RegExpExecArray | null;
    if ((m = BANNER.exec(body)) && /\w/.test(m[1])) entries.push({ kind: 'section', title: title(m[1]), line: i + 1 });
    else if ((m = HEADING.exec(body))) entries.push({ kind: 'section', title: title(m[1]), line: i + 1 });
    else if ((m = STEP.exec(body)))
      entries.push({ kind: 'step', title: title(`Step ${m[1]}${m[2] ? `: ${m[2]}` : ''}`), line: i + 1 });
    else if ((m = TRACE.exec(body))) entries.push({ kind: 'step', title: title(`$ ${m[1]}`), line: i + 1 });
    else if ((m = BATCH.exec(body))) entries.push({ kind: 'step', title: title(`> ${m[1]}`), line: i + 1 });
    else if (ERROR.test(raw)) entries.push({ kind: 'error', title: title(body), line: i + 1 });
  }
  return entries;
}
