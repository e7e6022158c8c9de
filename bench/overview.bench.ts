// The fleet overview and container logs at scale, on what ships: the cores and the AWS SDK
// bundled by esbuild with the release options, run in fresh Node processes against the local
// endpoint (scenario `overview-large`, 20 ms per request):
// - the tree rows of a fleet in 10 locations with 2,000 computes: requests beside the minimum
//   and beside a naive baseline (every location's capacity and every compute listed), time;
// - the computes section: the first page, then all 2,000;
// - a log group with 100,000 lines in the last hour: time to the first rows, the newest
//   10,000 lines, the whole window (requests beside the 1 MB-per-answer minimum), memory per line
//   beside keeping the SDK's event objects, the text of the document, saving it to a file;
// - the longest the event loop was blocked in each.
// Cold = the first run in a fresh process, warm = the second. Figures only, no assertions.
// Run: npm run compile-tests && npm run bench:overview
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEST_ACCOUNT } from '../test/emulator/credentials';
import { SCALE_LOCATIONS_FLEET, SCALE_LOG_GROUP } from '../test/emulator/fixtures';
import { startEmulator } from '../test/emulator/server';
import type * as OverviewEntry from './overviewEntry';
import { bundleAsShipped } from './bundle';
import { median } from './stats';

type Bundle = typeof OverviewEntry;

const REGION = 'us-west-2';
const LATENCY_MS = 20;
// The scenario writes 100,000 lines over the hour before the endpoint starts; a 90-minute window
// holds all of them however long the runs before take.
const WINDOW_MS = 90 * 60_000;
const PROCESSES = 3;
const MB = 1_048_576;

interface Figures {
  readonly [name: string]: number;
}

// ---------- the child: one fresh process, each task twice (cold, then warm) ----------

async function child(bundlePath: string, url: string, task: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const b = require(bundlePath) as Bundle;
  const credentials = {
    accessKeyId: DEFAULT_TEST_ACCOUNT.accessKeyId,
    secretAccessKey: DEFAULT_TEST_ACCOUNT.secretAccessKey,
  };
  const config = { endpoint: url, region: REGION, credentials, maxAttempts: 1 };
  const gamelift = new b.GameLiftClient(config);
  const logs = new b.CloudWatchLogsClient(config);
  const requests = async () => ((await (await fetch(`${url}/__emulator/requests`)).json()) as unknown[]).length;
  const reset = () => fetch(`${url}/__emulator/requests/reset`, { method: 'POST' });
  const gc = () => (globalThis as { gc?: () => void }).gc?.();

  const timed = async (work: (mark: () => void) => Promise<unknown>): Promise<Figures> => {
    await reset();
    const loop = b.sampleEventLoop();
    const started = performance.now();
    let first = NaN;
    await work(() => {
      if (Number.isNaN(first)) first = performance.now() - started;
    });
    const ms = performance.now() - started;
    return { ms, firstMs: Number.isNaN(first) ? ms : first, requests: await requests(), blockMs: loop.stop() };
  };

  const tasks: Record<string, () => Promise<Figures>> = {
    summary: async () => {
      const fleet = (await b.describeFleet(gamelift, SCALE_LOCATIONS_FLEET))!;
      return timed(async () => {
        const home = (await b.describeHomeCapacities(gamelift, [fleet.fleetId])).get(fleet.fleetId);
        const summary = await b.summarizeFleetResources(gamelift, fleet, { region: REGION, capacity: home });
        if (!summary.locations.ok || !summary.computes.ok || summary.computes.value.count !== 2000)
          throw new Error('unexpected summary');
      });
    },
    summaryBaseline: async () =>
      timed(async () => {
        // Naive: every location's capacity (home included) and every compute listed to count them.
        const locations = [
          'us-west-2',
          'ap-northeast-1',
          'ap-southeast-1',
          'ap-southeast-2',
          'eu-central-1',
          'eu-west-1',
          'eu-west-2',
          'sa-east-1',
          'us-east-1',
          'us-east-2',
        ];
        await Promise.all(locations.map((l) => b.describeLocationCapacity(gamelift, SCALE_LOCATIONS_FLEET, l)));
        if ((await b.listComputes(gamelift, SCALE_LOCATIONS_FLEET)).length !== 2000)
          throw new Error('unexpected computes');
      }),
    computes: async () =>
      timed(async (mark) => {
        const pager = new b.ComputePager(gamelift, SCALE_LOCATIONS_FLEET);
        await pager.loadNextPage();
        mark();
        while (pager.hasMore) await pager.loadNextPage();
        if (pager.computes.length !== 2000) throw new Error('unexpected computes');
      }),
    logsOpen: async () =>
      timed(async (mark) => {
        const reader = new b.ContainerLogReader(logs, { logGroup: SCALE_LOG_GROUP, start: Date.now() - WINDOW_MS });
        await reader.loadNewest({ onPage: mark });
        if (reader.lines.size !== 10_000) throw new Error(`unexpected ${reader.lines.size}`);
      }),
    logsAll: async () => {
      let bytes = 0;
      const figures = await timed(async (mark) => {
        const reader = new b.ContainerLogReader(logs, { logGroup: SCALE_LOG_GROUP, start: Date.now() - WINDOW_MS });
        await reader.loadNewest({ onPage: mark });
        while (reader.hasOlder) await reader.loadOlder({ maxLines: 100_000 });
        reader.lines.forEach((_t, _s, m) => (bytes += Buffer.byteLength(m) + 26));
        if (reader.lines.size !== 100_000) throw new Error(`unexpected ${reader.lines.size}`);
      });
      // The least any reader needs: answers stop at 10,000 events and at 1 MB.
      return { ...figures, minimumRequests: Math.max(Math.ceil(100_000 / 10_000), Math.ceil(bytes / MB)) };
    },
    memory: async () => {
      // Lines as the reader keeps them, beside the SDK's event objects kept as they arrive.
      const reader = new b.ContainerLogReader(logs, { logGroup: SCALE_LOG_GROUP, start: Date.now() - WINDOW_MS });
      gc();
      const before = process.memoryUsage().heapUsed;
      await reader.loadNewest({ maxLines: 100_000 });
      while (reader.hasOlder) await reader.loadOlder({ maxLines: 100_000 });
      gc();
      const store = (process.memoryUsage().heapUsed - before) / reader.lines.size;
      const kept: unknown[][] = [];
      gc();
      const baseBefore = process.memoryUsage().heapUsed;
      let token: string | undefined;
      const startTime = Date.now() - WINDOW_MS;
      do {
        const out = await logs.send(
          new b.FilterLogEventsCommand({
            logGroupName: SCALE_LOG_GROUP,
            startTime,
            nextToken: token,
          }),
        );
        kept.push(out.events ?? []);
        token = out.nextToken;
      } while (token);
      gc();
      const raw = (process.memoryUsage().heapUsed - baseBefore) / kept.reduce((n, p) => n + p.length, 0);
      return { storeBytesPerLine: store, sdkBytesPerLine: raw, keptPages: kept.length };
    },
    text: async () => {
      const reader = new b.ContainerLogReader(logs, { logGroup: SCALE_LOG_GROUP, start: Date.now() - WINDOW_MS });
      await reader.loadNewest({ maxLines: 100_000 });
      while (reader.hasOlder) await reader.loadOlder({ maxLines: 100_000 });
      // Baseline: one synchronous pass over the lines.
      let started = performance.now();
      const labels = new b.StreamLabels();
      const parts: string[] = [];
      for (const line of reader.lines) parts.push(...b.formatLogLine(line, labels));
      const plain = parts.join('\n');
      const baselineMs = performance.now() - started;
      // What the document uses: the same text, a chunk at a time with yields in between.
      const loop = b.sampleEventLoop();
      started = performance.now();
      const text = await b.renderLogText(reader.lines, new b.StreamLabels());
      const ms = performance.now() - started;
      if (text !== plain) throw new Error('renderLogText differs from the plain pass');
      return { ms, blockMs: loop.stop(), baselineMs, chars: text.length };
    },
    save: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'overview-bench-'));
      try {
        return await timed(async () => {
          const saved = await b.exportLogWindow(
            logs,
            { logGroup: SCALE_LOG_GROUP, start: Date.now() - WINDOW_MS },
            join(dir, 'log.txt'),
          );
          if (saved.lines !== 100_000) throw new Error('unexpected lines');
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    const run = tasks[task];
    const cold = await run();
    const warm = await run();
    console.log(JSON.stringify({ cold, warm }));
  } finally {
    // Kept-alive sockets would keep the process alive after a failure.
    gamelift.destroy();
    logs.destroy();
  }
}

// ---------- the parent: the endpoint, the bundle, the table ----------

function runChild(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')}: ${err}`))));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'overview-bench-'));
  const emulator = await startEmulator({ scenario: 'overview-large', faults: { latencyMs: LATENCY_MS } });
  try {
    const bundle = join(dir, 'overview.js');
    await bundleAsShipped('bench/overviewEntry.ts', bundle);
    const runTask = async (task: string) => {
      const results: Array<{ cold: Figures; warm: Figures }> = [];
      for (let i = 0; i < PROCESSES; i++) {
        // Not spawnSync: the endpoint answers from this process's event loop.
        const stdout = await runChild([__filename, '--child', bundle, emulator.url, task]);
        results.push(JSON.parse(stdout.trim().split('\n').pop()!) as { cold: Figures; warm: Figures });
      }
      // Wall times: the median. The longest block: the least of the processes, since on a shared
      // machine a gap also holds the time the process waited for a CPU.
      return (which: 'cold' | 'warm', key: string) =>
        (key === 'blockMs' ? Math.min : (...v: number[]) => median(v))(...results.map((r) => r[which][key]));
    };
    const f = (n: number, digits = 0) => n.toFixed(digits).padStart(8);
    console.log(
      `Fleet overview and container logs at scale: bundled cores, ${LATENCY_MS} ms per request, median of ${PROCESSES} fresh processes\n`,
    );
    console.log('work'.padEnd(64), 'requests', ' minimum', ' cold ms', ' warm ms', ' first ms', ' block ms');
    const row = (name: string, pick: Awaited<ReturnType<typeof runTask>>, minimum: number | string) =>
      console.log(
        name.padEnd(64),
        f(pick('warm', 'requests')),
        String(minimum).padStart(8),
        f(pick('cold', 'ms')),
        f(pick('warm', 'ms')),
        f(pick('warm', 'firstMs')),
        f(pick('cold', 'blockMs')),
      );
    // Tree rows: DescribeFleetCapacity + DescribeFleetLocationAttributes + one capacity per remote location.
    row('tree rows of a fleet in 10 locations, 2,000 computes', await runTask('summary'), 1 + 1 + 9);
    row('  baseline: every location and every compute listed', await runTask('summaryBaseline'), 1 + 1 + 9);
    row('computes section: first page, then all 2,000', await runTask('computes'), 20);
    row('log: open (newest 10,000 of 100,000 lines)', await runTask('logsOpen'), 2);
    const all = await runTask('logsAll');
    row('log: the whole window (100,000 lines, Load older to the start)', all, all('warm', 'minimumRequests'));
    row(
      'log: save the window to a file (read and written page by page)',
      await runTask('save'),
      all('warm', 'minimumRequests'),
    );
    const memory = await runTask('memory');
    const text = await runTask('text');
    console.log(
      `\nmemory per line held: ${memory('warm', 'storeBytesPerLine').toFixed(0)} bytes (the reader's store) vs ` +
        `${memory('warm', 'sdkBytesPerLine').toFixed(0)} bytes (the SDK's event objects kept): ` +
        `${(memory('warm', 'sdkBytesPerLine') / memory('warm', 'storeBytesPerLine')).toFixed(2)}× less`,
    );
    console.log(
      `document text of 100,000 lines (${(text('warm', 'chars') / 1e6).toFixed(1)} M characters): ` +
        `${text('warm', 'ms').toFixed(0)} ms warm, ${text('cold', 'ms').toFixed(0)} ms cold in chunks, longest block ` +
        `${text('cold', 'blockMs').toFixed(0)} ms; one synchronous pass (baseline): ${text('warm', 'baselineMs').toFixed(0)} ms blocked`,
    );
    console.log(
      '\nrequests: warm run; minimum: the tree rows need the home capacity, the location list and each remote\n' +
        "location's capacity (computes come from the instance counts); 2,000 computes at 100 per page; the log\n" +
        'at 10,000 events or 1 MB per answer. first: until the first rows were there. block: the longest stretch\n' +
        'the event loop was busy in the cold run, the least of the processes (on a loaded machine it also holds\n' +
        'time spent waiting for a CPU).',
    );
  } finally {
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4], process.argv[5]).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
