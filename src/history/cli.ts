// cloudtrail-history: reads folders of CloudTrail logs into a history index (worker threads, one
// per core) and prints the records matching the filters, newest first (bundled to
// dist/cloudtrail-history.js; `node dist/cloudtrail-history.js --help`). A summary line goes to stderr.
import { csvCell } from '../gamelift/exportEvents';
import { buildHistoryIndex, type BuildResult } from './buildIndex';
import { parseArgs, USAGE, type CliOptions } from './cliArgs';
import type { HistoryIndex } from './historyIndex';
import { runQuery } from './query';
import { RecordReader } from './readRecord';
import type { HistoryRow } from './types';
import { systemClock } from '../common/clock';

// The bundle is also a library for scripts and the benchmark: require('dist/cloudtrail-history.js').
export { buildHistoryIndex } from './buildIndex';
export { runQuery } from './query';

export interface CliIo {
  /** Resolves when the text was taken (back-pressure); rejects with EPIPE when the reader went away. */
  readonly write: (text: string) => Promise<void>;
  readonly error: (text: string) => void;
  readonly now?: () => number;
}

const MAX_LISTED_FAILURES = 20;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, io.now?.() ?? systemClock.now());
  if ('help' in parsed) {
    await io.write(`${USAGE}\n`);
    return 0;
  }
  if ('error' in parsed) {
    io.error(`cloudtrail-history: ${parsed.error}\nTry --help.\n`);
    return 2;
  }
  const options = parsed.options;
  const started = performance.now();
  let built: BuildResult;
  try {
    built = await buildHistoryIndex(options.inputs, options.threads !== undefined ? { threads: options.threads } : {});
  } catch (e) {
    io.error(`cloudtrail-history: ${(e as Error).message}\n`);
    return 2;
  }
  for (const f of built.failures.slice(0, MAX_LISTED_FAILURES))
    io.error(`cloudtrail-history: ${f.file}: ${f.reason}\n`);
  if (built.failures.length > MAX_LISTED_FAILURES)
    io.error(`cloudtrail-history: … and ${built.failures.length - MAX_LISTED_FAILURES} more files with problems\n`);
  if (built.unread > 0)
    io.error(
      `cloudtrail-history: the index is full at ${num(built.index.size)} records; ${num(built.unread)} files were not read. ` +
        'For histories this large, query the trail bucket with Athena.\n',
    );

  const index = built.index;
  const result = runQuery(index, options.query);
  const shown = options.limit !== undefined ? Math.min(options.limit, result.total) : result.total;
  let printed = 0;
  let outputError: string | undefined;
  try {
    printed = await printRows(index, result.rows.subarray(0, shown), options, io);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code !== 'EPIPE') outputError = err.message;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const failed = built.failures.length ? ` (${built.failures.length} with problems)` : '';
  io.error(
    `cloudtrail-history: ${num(built.files)} files${failed}, ${num(index.size)} records, ${num(result.total)} matches${
      printed < result.total ? ` (${num(printed)} printed)` : ''
    } in ${seconds} s\n`,
  );
  if (options.stats) {
    const bytes = index.memoryBytes();
    io.error(
      `cloudtrail-history: index ${(bytes / 1048576).toFixed(1)} MiB, ${index.size ? (bytes / index.size).toFixed(1) : '0'} bytes/record, ` +
        `${num(index.strings.length)} distinct strings; read ${(built.bytesRead / 1048576).toFixed(1)} MiB in ${(built.ms / 1000).toFixed(2)} s ` +
        `with ${built.threads || 'no extra'} thread${built.threads === 1 ? '' : 's'}; query ${result.ms.toFixed(1)} ms\n`,
    );
  }
  if (outputError) {
    io.error(`cloudtrail-history: writing the output failed: ${outputError}\n`);
    return 2;
  }
  if (built.files === 0 || (index.size === 0 && built.failures.length > 0)) {
    if (built.files === 0)
      io.error('cloudtrail-history: no CloudTrail files found (.json, .json.gz, .jsonl, .ndjson)\n');
    return 2;
  }
  return result.total > 0 ? 0 : 1;
}

const num = (n: number) => n.toLocaleString('en-US');

const TABLE_COLUMNS: Array<{ title: string; width: number; value: (r: HistoryRow) => string }> = [
  { title: 'TIME', width: 20, value: (r) => isoTime(r.time) },
  { title: 'SOURCE', width: 12, value: (r) => r.eventSource.replace(/\.amazonaws\.com$/, '') },
  { title: 'EVENT', width: 28, value: (r) => r.eventName },
  { title: 'WHO', width: 24, value: (r) => r.user || r.principal },
  { title: 'SOURCE IP', width: 15, value: (r) => r.sourceIp },
  { title: 'REGION', width: 14, value: (r) => r.region },
  { title: 'ACCOUNT', width: 12, value: (r) => r.account },
  { title: 'ERROR', width: 24, value: (r) => r.errorCode },
  { title: 'RESOURCES', width: 0, value: (r) => r.resources.join(' ') },
];
const CSV_COLUMNS: Array<{ title: string; value: (r: HistoryRow) => string }> = [
  { title: 'time', value: (r) => isoTime(r.time) },
  { title: 'eventSource', value: (r) => r.eventSource },
  { title: 'eventName', value: (r) => r.eventName },
  { title: 'user', value: (r) => r.user },
  { title: 'principal', value: (r) => r.principal },
  { title: 'sourceIPAddress', value: (r) => r.sourceIp },
  { title: 'awsRegion', value: (r) => r.region },
  { title: 'account', value: (r) => r.account },
  { title: 'errorCode', value: (r) => r.errorCode },
  { title: 'readOnly', value: (r) => (r.readOnly === undefined ? '' : String(r.readOnly)) },
  { title: 'resources', value: (r) => r.resources.join(' ') },
];

function isoTime(ms: number): string {
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Cuts a cell to its width and drops control characters (service text must not drive the terminal). */
function cell(text: string, width: number): string {
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  if (width === 0) return visible;
  return visible.length > width ? `${visible.slice(0, width - 1)}…` : visible.padEnd(width);
}

async function printRows(index: HistoryIndex, rows: Uint32Array, options: CliOptions, io: CliIo): Promise<number> {
  const out = new BufferedWriter(io.write);
  let printed = 0;
  if (options.format === 'table') {
    await out.add(`${TABLE_COLUMNS.map((c) => cell(c.title, c.width)).join(' ')}\n`);
    for (const r of rows) {
      const row = index.row(r);
      await out.add(
        `${TABLE_COLUMNS.map((c) => cell(c.value(row), c.width))
          .join(' ')
          .trimEnd()}\n`,
      );
      printed++;
    }
  } else if (options.format === 'csv') {
    await out.add(`${CSV_COLUMNS.map((c) => c.title).join(',')}\r\n`);
    for (const r of rows) {
      const row = index.row(r);
      await out.add(`${CSV_COLUMNS.map((c) => csvCell(c.value(row))).join(',')}\r\n`);
      printed++;
    }
  } else {
    const reader = new RecordReader();
    const lost = new Set<string>();
    for (const r of rows) {
      const place = index.place(r);
      let text: string;
      try {
        text = await reader.text(place);
      } catch (e) {
        // The file changed or went away after it was read: say so once per file, print the rest.
        if (!lost.has(place.file)) io.error(`cloudtrail-history: ${(e as Error).message}\n`);
        lost.add(place.file);
        continue;
      }
      // Records written on one line go out as they are; others are put on one line.
      await out.add(/[\r\n]/.test(text) ? `${JSON.stringify(JSON.parse(text))}\n` : `${text}\n`);
      printed++;
    }
  }
  await out.flush();
  return printed;
}

/** Collects output into blocks of about 256 KiB, so a million records are not a million writes. */
class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => Promise<void>) {}

  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 256 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.write(text);
  }
}

/** Writes to a stream, waiting for 'drain' when it is full; EPIPE (e.g. `| head`) rejects. */
function streamWriter(stream: NodeJS.WriteStream): (text: string) => Promise<void> {
  let broken: Error | undefined;
  stream.on('error', (e) => {
    broken = e;
  });
  return (text) =>
    new Promise<void>((resolve, reject) => {
      if (broken) return reject(broken);
      const onError = (e: Error) => reject(e);
      stream.once('error', onError);
      const ok = stream.write(text, (e) => {
        stream.off('error', onError);
        if (e) reject(e);
        else if (ok) resolve();
      });
      if (!ok) stream.once('drain', () => resolve());
    });
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    write: streamWriter(process.stdout),
    error: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`cloudtrail-history: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
