// Writes container log events as the lines of a read-only document in the GameLift Log
// language: `<time> [<stream>] <message>`. Service text is made safe to show: terminal colour
// codes removed, control characters and bidi overrides made visible, and the continuation
// lines of a multi-line event indented under its first.
import { markBidiControls } from '../gamelift/bidi';
import { throwIfAborted } from '../gamelift/errors';
import type { LogLine } from './logLines';

/** The language id of helper 16's grammar (media/gamelift-log.tmLanguage.json). */
export const GAMELIFT_LOG_LANGUAGE = 'gamelift-log';

export interface FormatOptions {
  /** `utc` (default) writes `2025-05-01T12:00:00.123Z`; `local` the computer's time with its offset. */
  readonly timeZone?: 'utc' | 'local';
  /** Whether to write the stream label (off for a document of one stream). */
  readonly showStream?: boolean;
}

// ESC [ … final byte (colours, cursor moves) and ESC ] … BEL/ST (titles, links).
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;
// C0 controls other than tab and line feed, and DEL.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A message as one or more safe display lines (no trailing line break). */
export function cleanMessage(message: string): string[] {
  const text = message
    .replace(/\r?\n$/, '')
    .replace(/\r\n/g, '\n')
    .replace(ANSI, '')
    // Caret notation (^M for a carriage return), which the GameLift Log grammar marks.
    .replace(CONTROL, (c) => (c === '\u007f' ? '^?' : `^${String.fromCharCode(c.charCodeAt(0) + 64)}`));
  return markBidiControls(text).split('\n');
}

/**
 * Short, stable labels for stream names: the last `/` segment, or more of the name when two
 * streams would share one. A label never changes once given, so a document that grows keeps its text.
 */
export class StreamLabels {
  private readonly labels = new Map<string, string>();
  private readonly taken = new Set<string>();

  labelOf(stream: string): string {
    let label = this.labels.get(stream);
    if (label !== undefined) return label;
    const parts = stream.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const candidate = parts.slice(-n).join('/');
      if (!this.taken.has(candidate)) {
        label = candidate;
        break;
      }
    }
    label ??= stream;
    this.labels.set(stream, label);
    this.taken.add(label);
    return label;
  }
}

export function formatTime(time: number, timeZone: 'utc' | 'local' = 'utc'): string {
  const date = new Date(time);
  if (timeZone === 'utc') return date.toISOString();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}

/** One event as document lines: the first with time and stream, the rest indented under it. */
export function formatLogLine(line: LogLine, labels: StreamLabels, options: FormatOptions = {}): string[] {
  const prefix = `${formatTime(line.time, options.timeZone)} ${options.showStream === false ? '' : `[${labels.labelOf(line.stream)}] `}`;
  const [first, ...rest] = cleanMessage(line.message);
  const indent = ' '.repeat(prefix.length);
  return [prefix + first, ...rest.map((r) => indent + r)];
}

/** Lines formatted between two yields of `renderLogText`: a few milliseconds of work. */
export const RENDER_CHUNK_LINES = 5_000;

/**
 * The whole document text of some lines, oldest first, formatted a chunk at a time with a yield
 * to the event loop in between, so 100,000 lines never hold the extension host for long.
 */
export async function renderLogText(
  lines: Iterable<LogLine>,
  labels: StreamLabels,
  options: FormatOptions & { readonly signal?: AbortSignal; readonly chunkLines?: number } = {},
): Promise<string> {
  const chunk = options.chunkLines ?? RENDER_CHUNK_LINES;
  const parts: string[] = [];
  let since = 0;
  for (const line of lines) {
    for (const text of formatLogLine(line, labels, options)) parts.push(text);
    if (++since >= chunk) {
      since = 0;
      await new Promise((resolve) => setImmediate(resolve));
      throwIfAborted(options.signal);
    }
  }
  return parts.join('\n');
}
