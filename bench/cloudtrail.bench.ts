// CloudTrail editor benchmark: what a user waits for between opening a log and seeing its
// diagnostics, outline, folding and fleet links. "ours" is the whole editor path as the worker
// runs it — validation and everything the worker returns (diagnostics as line/column ranges,
// outline records, folding, fleet links) — loaded from the shipped bundle dist/cloudtrail.worker.js.
// Baselines in the same process model: JSON.parse, and vscode-json-languageservice (parse +
// validation against bench/cloudtrail.schema.json). Files of 1, 10 and 50 MB (decimal; 50 MB
// stays under VS Code's 50 MiB limit for documents handed to extensions), pretty and compact, in
// three data profiles (clean; a finding in one record of 200; a finding on every record).
//
// cold = a fresh process per run (the module is loaded, the file read, then one timed run),
// median of 5; warm = the same process after warm-up runs, median of 5. Times are the CPU time
// of the run (user + system, all threads): on an idle machine that is about what a user waits
// for, and on a shared one (other jobs on the same cores) it stays put where wall time does not.
// Memory = peak RSS growth of one run over the RSS just before it (after a first run on the same
// text and a full collection), sampled from a second thread, median of 3 processes. Last, the linear
// worst case: time per record at 10k/20k/40k records of series built against the checks
// (event IDs sharing a long prefix, GameLift calls naming no fleet), against random IDs.
//
// Run: npm run bench:cloudtrail [-- --sizes 1,10 --profiles clean --layouts pretty --no-ls]
// (CLOUDTRAIL_BUNDLE=<path> measures another build of the worker, e.g. to compare two versions.)

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DATA_PROFILES, ensureBenchFile, makeRecord, mulberry32, type DataProfile } from './cloudtrail-data';
import { median } from './stats';
import type * as LanguageService from 'vscode-json-languageservice';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = process.env.CLOUDTRAIL_BUNDLE ?? join(ROOT, 'dist', 'cloudtrail.worker.js');
const SCHEMA = join(ROOT, 'bench', 'cloudtrail.schema.json');
/** The editor's default for gamelift.cloudtrail.maxDiagnostics. */
const EDITOR_OPTIONS = { maxDiagnostics: 1000 };
const COLD_RUNS = 5;
const WARM_RUNS = 5;
const MEMORY_PROCESSES = 3;
const VSCODE_SYNC_LIMIT = 50 * 1024 * 1024;

type Method = 'json' | 'ls' | 'ours';

interface RunFigures {
  ms: number;
  records?: number;
  shown?: number;
  total?: number;
}

// ---- child processes -------------------------------------------------------------------

interface EditorBundle {
  validateAndPosition(
    text: string,
    options: { maxDiagnostics: number },
  ): { recordCount: number; diagnostics: unknown[]; totalDiagnostics: number };
}

type Run = (text: string) => Promise<RunFigures | undefined> | RunFigures | undefined;

/** Prepares one method (loading its code is not timed: the editor's worker is loaded once). */
async function prepare(method: Method): Promise<Run> {
  if (method === 'json') {
    return (text) => {
      JSON.parse(text);
      return undefined;
    };
  }
  if (method === 'ours') {
    const bundle = (await import(BUNDLE)) as EditorBundle;
    return (text) => {
      const r = bundle.validateAndPosition(text, EDITOR_OPTIONS);
      return { ms: 0, records: r.recordCount, shown: r.diagnostics.length, total: r.totalDiagnostics };
    };
  }
  const ls: typeof LanguageService = await import('vscode-json-languageservice');
  const service = ls.getLanguageService({});
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [
      { uri: 'https://example.invalid/cloudtrail.schema.json', fileMatch: ['*.json'], schema: readJson(SCHEMA) },
    ],
  });
  return async (text) => {
    const doc = ls.TextDocument.create('file:///bench/cloudtrail.json', 'json', 1, text);
    const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc));
    return { ms: 0, total: diagnostics.length };
  };
}

function readJson(file: string): never {
  return JSON.parse(readFileSync(file, 'utf8')) as never;
}

/** CPU time of one run: on a shared machine it is far steadier than wall time (see the header). */
async function timed(run: (text: string) => unknown, text: string): Promise<RunFigures> {
  const start = process.cpuUsage();
  const figures = (await run(text)) as RunFigures | undefined;
  const used = process.cpuUsage(start);
  return { ...figures, ms: (used.user + used.system) / 1000 };
}

/** `--cold method file`: one run in this fresh process. */
async function coldChild(method: Method, file: string): Promise<void> {
  const run = await prepare(method);
  const text = readFileSync(file, 'utf8');
  process.stdout.write(JSON.stringify(await timed(run, text)));
}

/** `--warm method file`: runs until the code is warm, then the median of WARM_RUNS runs. */
async function warmChild(method: Method, file: string): Promise<void> {
  const run = await prepare(method);
  const text = readFileSync(file, 'utf8');
  const warmUp = Math.max(3, Math.ceil(30e6 / text.length));
  for (let i = 0; i < warmUp; i++) await run(text);
  const runs: RunFigures[] = [];
  for (let i = 0; i < WARM_RUNS; i++) runs.push(await timed(run, text));
  process.stdout.write(JSON.stringify({ ...runs[0], ms: median(runs.map((r) => r.ms)) }));
}

/**
 * `--memory file`: peak RSS growth of one run of ours, after a first run on the same text and a
 * full collection, so that what is measured is the memory a run takes, not the engine growing its
 * heaps and compiling the code on first use (several MB, whatever the file).
 */
async function memoryChild(method: Method, file: string): Promise<void> {
  const run = await prepare(method);
  const text = readFileSync(file, 'utf8');
  await run(text);
  (globalThis as { gc?: () => void }).gc?.();
  const sampler = rssSampler();
  const base = process.memoryUsage().rss;
  sampler.start();
  const kept = await run(text); // kept until the peak is read: the result is part of the cost
  const growth = Math.max(0, sampler.stop() - base);
  await sampler.close();
  process.stdout.write(JSON.stringify({ growth, kept: kept !== undefined }));
}

/** Samples RSS every millisecond from a second thread (a busy main thread cannot sample itself). */
function rssSampler(): { start(): void; stop(): number; close(): Promise<number> } {
  const shared = new Int32Array(new SharedArrayBuffer(8)); // [0 idle / 1 sampling / 2 quit, peak KB]
  const code = `
    const s = require('node:worker_threads').workerData;
    for (;;) {
      const command = Atomics.load(s, 0);
      if (command === 2) break;
      if (command === 1) {
        const kb = Math.floor(process.memoryUsage.rss() / 1024);
        if (kb > Atomics.load(s, 1)) Atomics.store(s, 1, kb);
      }
      Atomics.wait(s, 0, command, 1);
    }`;
  const worker = new Worker(code, { eval: true, workerData: shared });
  const rssKb = (): number => Math.floor(process.memoryUsage.rss() / 1024);
  return {
    start(): void {
      Atomics.store(shared, 1, rssKb());
      Atomics.store(shared, 0, 1);
      Atomics.notify(shared, 0);
    },
    stop(): number {
      const kb = Math.max(Atomics.load(shared, 1), rssKb());
      Atomics.store(shared, 0, 0);
      return kb * 1024;
    },
    close(): Promise<number> {
      Atomics.store(shared, 0, 2);
      Atomics.notify(shared, 0);
      return worker.terminate();
    },
  };
}

/** `--linear file`: ours per record on a file, warm (the file holds one size of the linearity series). */
async function linearChild(file: string): Promise<void> {
  await warmChild('ours', file);
}

function child<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8000', __filename, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${r.stderr || r.status}`);
  return JSON.parse(r.stdout) as T;
}

// ---- the parent: files, table, targets -----------------------------------------------------

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? ' -  ' : ok ? 'PASS' : 'MISS';
}

interface Row {
  label: string;
  cold: Record<Method, RunFigures | undefined>;
  warm: Record<Method, RunFigures | undefined>;
  memory: number;
  /** The same for JSON.parse, for scale: at 1 MB both are mostly the engine growing its heaps. */
  parseMemory: number;
  bytes: number;
  mb: number;
}

function measureFile(file: string, mb: number, label: string, withLs: boolean): Row {
  const methods: Method[] = withLs ? ['json', 'ls', 'ours'] : ['json', 'ours'];
  const cold = { json: undefined, ls: undefined, ours: undefined } as Row['cold'];
  const warm = { ...cold };
  for (const method of methods) {
    const runs: RunFigures[] = [];
    for (let i = 0; i < COLD_RUNS; i++) runs.push(child<RunFigures>(['--cold', method, file]));
    cold[method] = { ...runs[0], ms: median(runs.map((r) => r.ms)) };
    warm[method] = child<RunFigures>(['--warm', method, file]);
  }
  const memory = (method: Method): number => {
    const growths: number[] = [];
    for (let i = 0; i < MEMORY_PROCESSES; i++)
      growths.push(child<{ growth: number }>(['--memory', method, file]).growth);
    return median(growths);
  };
  return {
    label,
    cold,
    warm,
    memory: memory('ours'),
    parseMemory: memory('json'),
    bytes: readFileSync(file).length,
    mb,
  };
}

/** The columns of one timing (cold, then warm). */
const TIME_COLUMNS = [
  'parse'.padStart(6),
  'json-ls'.padStart(8),
  'ours'.padStart(6),
  '÷parse'.padStart(7),
  'ls÷ours'.padStart(8),
  '|',
];

const HEADER = [
  'file'.padEnd(27),
  'records'.padStart(7),
  'diags'.padStart(11),
  ...TIME_COLUMNS,
  ...TIME_COLUMNS,
  'mem'.padStart(6),
  'parse'.padStart(6),
  '|',
  'speed',
  'ls×8',
  'mem ',
  'warm',
].join(' ');

interface Verdicts {
  speed: boolean;
  ls: boolean | undefined;
  memory: boolean;
  warmSpeed: boolean;
}

/**
 * The targets: ours ≤ 1.5× JSON.parse at 10 and 50 MB and under 30 ms at 1 MB (cold), at least
 * 8× faster than the language service (cold), peak memory growth ≤ 2× the file. "warm" is the
 * speed target again on warm runs.
 */
function judge(row: Row): Verdicts {
  const speedOk = (t: Row['cold']): boolean =>
    row.mb <= 1 ? (t.ours?.ms ?? Infinity) < 30 : (t.ours?.ms ?? Infinity) <= 1.5 * (t.json?.ms ?? 0);
  const ls = row.cold.ls && row.cold.ours ? row.cold.ls.ms / row.cold.ours.ms >= 8 : undefined;
  return { speed: speedOk(row.cold), ls, memory: row.memory <= 2 * row.bytes, warmSpeed: speedOk(row.warm) };
}

function line(row: Row, v: Verdicts): string {
  const part = (t: Row['cold']): string[] => [
    fmt(t.json?.ms).padStart(6),
    fmt(t.ls?.ms).padStart(8),
    fmt(t.ours?.ms).padStart(6),
    `${fmt((t.ours?.ms ?? NaN) / (t.json?.ms ?? NaN), 2)}×`.padStart(7),
    `${fmt((t.ls?.ms ?? NaN) / (t.ours?.ms ?? NaN), 1)}×`.padStart(8),
  ];
  const ours = row.cold.ours;
  return [
    row.label.padEnd(27),
    `${ours?.records ?? ''}`.padStart(7),
    `${ours?.shown ?? ''}/${ours?.total ?? ''}`.padStart(11),
    ...part(row.cold),
    '|',
    ...part(row.warm),
    '|',
    `${fmt(row.memory / row.bytes, 2)}×`.padStart(6),
    `${fmt(row.parseMemory / row.bytes, 2)}×`.padStart(6),
    '|',
    verdict(v.speed).padEnd(5),
    verdict(v.ls),
    verdict(v.memory),
    verdict(v.warmSpeed),
  ].join(' ');
}

/** The record series of the linearity check: how each record of the generated data is changed. */
const SERIES = {
  /** Event IDs that share all but their last digits (sequential, anonymised or test IDs). */
  'shared-prefix IDs': (record: Record<string, unknown>, i: number) => {
    record.eventID = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  },
  /** GameLift calls that name no fleet: nothing for the fleet links to find in any record. */
  'GameLift calls without fleet IDs': (record: Record<string, unknown>) => {
    Object.assign(record, { eventSource: 'gamelift.amazonaws.com', eventName: 'ListBuilds' });
    Object.assign(record, { requestParameters: { limit: 10 }, responseElements: null });
  },
  'random IDs': () => undefined,
} satisfies Record<string, (record: Record<string, unknown>, i: number) => void>;

/** A compact {"Records":[...]} text of `count` generated records, changed as `series` says. */
function seriesText(count: number, series: keyof typeof SERIES): string {
  const rnd = mulberry32(7);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const record = makeRecord(rnd, i, 'clean');
    SERIES[series](record, i);
    parts.push(JSON.stringify(record));
  }
  return `{"Records":[${parts.join(',')}]}`;
}

/** Time per record at 10k, 20k and 40k records of each series: it must not grow with the count. */
function linearity(): string[] {
  const dir = join(ROOT, 'bench', '.data');
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const series of Object.keys(SERIES) as Array<keyof typeof SERIES>) {
    const perRecord: number[] = [];
    const cells: string[] = [];
    for (const count of [10_000, 20_000, 40_000]) {
      const file = join(dir, `cloudtrail-series-${series.replace(/\W+/g, '-')}-${count}.json`);
      if (!existsSync(file)) writeFileSync(file, seriesText(count, series));
      const run = child<RunFigures>(['--linear', file]);
      perRecord.push((run.ms * 1000) / count);
      cells.push(`${count / 1000}k ${fmt(perRecord[perRecord.length - 1], 2)} µs`);
    }
    const growth = perRecord[2] / perRecord[0];
    out.push(
      `  ${series.padEnd(33)} ${cells.join(', ')} per record; 40k ÷ 10k = ${fmt(growth, 2)}  ${growth < 1.5 ? 'PASS' : 'MISS'}`,
    );
  }
  out.push('  (linear: about 1; quadratic: about 4)');
  return out;
}

async function main(): Promise<void> {
  const flag = process.argv[2];
  if (flag === '--cold') return coldChild(process.argv[3] as Method, process.argv[4]);
  if (flag === '--warm') return warmChild(process.argv[3] as Method, process.argv[4]);
  if (flag === '--memory') return memoryChild(process.argv[3] as Method, process.argv[4]);
  if (flag === '--linear') return linearChild(process.argv[3]);

  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  const sizes = arg('--sizes', '1,10,50').split(',').map(Number);
  const profiles = arg('--profiles', DATA_PROFILES.join(',')).split(',') as DataProfile[];
  const layouts = arg('--layouts', 'pretty,compact').split(',');
  const withLs = !process.argv.includes('--no-ls');
  console.log(
    `CloudTrail editor path (${BUNDLE.replace(ROOT + '/', '')}) against JSON.parse and vscode-json-languageservice — node ${process.version}`,
  );
  console.log(
    `cold: median of ${COLD_RUNS} fresh processes; warm: median of ${WARM_RUNS} runs after warm-up; ms = CPU time; mem = peak RSS growth ÷ file size, ours and JSON.parse (median of ${MEMORY_PROCESSES})`,
  );
  console.log(`${''.padEnd(47)}${'cold (ms)'.padEnd(40)}${'warm (ms)'.padEnd(40)}`);
  console.log(HEADER);
  const misses: Record<'speed' | 'ls' | 'memory' | 'warm', string[]> = { speed: [], ls: [], memory: [], warm: [] };
  let rows = 0;
  for (const mb of sizes) {
    for (const layout of layouts) {
      for (const profile of profiles) {
        const file = ensureBenchFile(ROOT, mb, layout === 'pretty', profile);
        const size = readFileSync(file).length;
        if (size >= VSCODE_SYNC_LIMIT) throw new Error(`${file} is ${size} bytes, over VS Code's 50 MiB limit`);
        const row = measureFile(file, mb, `${mb} MB ${layout} ${profile}`, withLs);
        const v = judge(row);
        console.log(line(row, v));
        rows++;
        if (!v.speed) misses.speed.push(row.label);
        if (v.ls === false) misses.ls.push(row.label);
        if (!v.memory) misses.memory.push(row.label);
        if (!v.warmSpeed) misses.warm.push(row.label);
      }
    }
  }
  console.log(
    'targets: speed = ours ≤ 1.5× JSON.parse at 10 and 50 MB, < 30 ms at 1 MB (cold); ls×8 = at least 8× faster than json-ls (cold); mem ≤ 2× file; warm = the speed target on warm runs',
  );
  for (const [target, labels] of Object.entries(misses)) {
    const verdict =
      target === 'ls' && !withLs
        ? 'not measured (--no-ls)'
        : labels.length === 0
          ? `PASS on all ${rows} rows`
          : `MISS on ${labels.length === rows ? 'all' : labels.length} of ${rows} rows`;
    const where = labels.length === 0 || labels.length === rows ? '' : `: ${labels.join(', ')}`;
    console.log(`  ${target.padEnd(6)} ${verdict}${where}`);
  }
  console.log('linear worst case: time per record of ours (warm, compact records) on series built against it:');
  for (const l of linearity()) console.log(l);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
