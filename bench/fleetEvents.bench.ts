// Benchmarks the AWS side against the local endpoint with 20 ms latency per request:
// - paging 10,000 events with FleetEventPager (what "Load more" uses) and with fetchEvents
//   (the "Fetch fleet events" command), beside a baseline that loops the SDK's own
//   paginateDescribeFleetEvents: time to first events, total time, request count, peak heap;
// - listing 500 fleets with listFleets (ListFleets per page + DescribeFleetAttributes per
//   batch) beside a naive baseline (paginateListFleets + one DescribeFleetAttributes per fleet).
// Figures are ratios against the baseline measured in the same run, on this machine.
// Run: npm run compile-tests && npm run bench:events
import {
  DescribeFleetAttributesCommand,
  paginateDescribeFleetEvents,
  paginateListFleets,
  type DescribeFleetEventsCommandOutput,
  type Event,
  type GameLiftClient,
} from '@aws-sdk/client-gamelift';
import * as os from 'node:os';
import { buildClient } from '../src/gamelift/clientFactory';
import { DEFAULT_EVENT_PAGE_SIZE, FleetEventPager, fetchEvents } from '../src/gamelift/eventPager';
import { DEFAULT_ATTRIBUTES_BATCH_SIZE, DEFAULT_FLEET_PAGE_SIZE, listFleets } from '../src/gamelift/fleetService';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../test/emulator/credentials';
import { startEmulator, type RunningEmulator, type Scenario } from '../test/emulator/server';
import { median } from './stats';

const LATENCY_MS = 20;
const EVENT_COUNT = 10_000;
const FLEET_COUNT = 500;
// Wall-clock figures on a shared machine are noisy: interleave rounds and report medians.
const ROUNDS = 5;
const EVENTS_REGION = 'us-west-2';
const FLEETS_REGION = 'eu-west-1';
const FLEET_ID = 'fleet-be4c4000-0000-4000-8000-000000010000';

const SCENARIO: Scenario = {
  description: 'fleetEvents.bench: one fleet with 10,000 events; 500 fleets in another region',
  accounts: [
    {
      profile: DEFAULT_TEST_ACCOUNT.profile,
      regions: {
        [EVENTS_REGION]: [
          {
            fleetId: FLEET_ID,
            name: 'bench-events',
            status: 'ACTIVE',
            createdMinutesAgo: 60 * 24 * 40,
            generate: { count: EVENT_COUNT, seed: 11, spanMinutes: 60 * 24 * 30 },
          },
        ],
      },
      generateFleets: { count: FLEET_COUNT, regions: [FLEETS_REGION], seed: 5 },
    },
  ],
};

interface Run {
  readonly firstMs: number;
  readonly totalMs: number;
  /** Process CPU time (user + system) during the run; the endpoint's share is the same for both sides. */
  readonly cpuMs: number;
  readonly requests: number;
  readonly items: number;
  readonly peakHeapBytes: number;
}

/** Samples heap use while `work` runs; returns the peak above the level before it started. */
async function measure(
  emulator: RunningEmulator,
  operation: string,
  work: (onFirst: () => void) => Promise<number>,
): Promise<Run> {
  collectGarbage();
  const baseHeap = process.memoryUsage().heapUsed;
  let peak = baseHeap;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 2);
  emulator.resetRequests();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let firstMs = NaN;
  const items = await work(() => {
    if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
  });
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(sampler);
  return {
    firstMs,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    requests: emulator.requests.filter((r) => r.operation === operation).length,
    items,
    peakHeapBytes: peak - baseHeap,
  };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

// ---------- the contenders ----------

async function oursPager(client: GameLiftClient, onFirst: () => void): Promise<number> {
  const pager = new FleetEventPager(client, FLEET_ID, {}, DEFAULT_EVENT_PAGE_SIZE);
  await pager.loadNextPage();
  onFirst();
  while (pager.hasMore) await pager.loadNextPage();
  return pager.events.length;
}

async function oursFetch(client: GameLiftClient, onFirst: () => void): Promise<number> {
  const events = await fetchEvents(client, FLEET_ID, {}, { pageSize: DEFAULT_EVENT_PAGE_SIZE, onPage: onFirst });
  return events.length;
}

async function baselineSdkPaginator(client: GameLiftClient, onFirst: () => void): Promise<number> {
  const all: Event[] = [];
  for await (const page of paginateDescribeFleetEvents(
    { client, pageSize: DEFAULT_EVENT_PAGE_SIZE },
    { FleetId: FLEET_ID },
  )) {
    all.push(...(page.Events ?? []));
    onFirst();
  }
  return all.length;
}

/** Pages as the SDK returned them, recorded once so the pager's own bookkeeping can be timed without the network. */
async function recordPages(client: GameLiftClient): Promise<DescribeFleetEventsCommandOutput[]> {
  const pages: DescribeFleetEventsCommandOutput[] = [];
  for await (const page of paginateDescribeFleetEvents(
    { client, pageSize: DEFAULT_EVENT_PAGE_SIZE },
    { FleetId: FLEET_ID },
  ))
    pages.push(page);
  return pages;
}

/**
 * CPU time of FleetEventPager's own work (mapping to plain JSON, de-duplication, ordering,
 * the shared in-flight promise) over recorded pages: a stand-in client replays them.
 */
async function pagerBookkeepingMs(pages: DescribeFleetEventsCommandOutput[]): Promise<number> {
  let next = 0;
  const replay = { send: async () => pages[next++] } as unknown as GameLiftClient;
  const pager = new FleetEventPager(replay, FLEET_ID, {}, DEFAULT_EVENT_PAGE_SIZE);
  const before = process.cpuUsage();
  while (pager.hasMore) await pager.loadNextPage();
  const used = process.cpuUsage(before);
  if (pager.events.length !== EVENT_COUNT) throw new Error(`replay gave ${pager.events.length} events`);
  return (used.user + used.system) / 1000;
}

async function oursListFleets(client: GameLiftClient, onFirst: () => void): Promise<number> {
  return (await listFleets(client, { onPage: onFirst })).length;
}

async function baselineOnePerFleet(client: GameLiftClient, onFirst: () => void): Promise<number> {
  let count = 0;
  for await (const page of paginateListFleets({ client, pageSize: DEFAULT_FLEET_PAGE_SIZE }, {})) {
    for (const id of page.FleetIds ?? []) {
      await client.send(new DescribeFleetAttributesCommand({ FleetIds: [id] }));
      count++;
      onFirst();
    }
  }
  return count;
}

// ---------- reporting ----------

async function sequence<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

function summarise(runs: Run[]): Run {
  return {
    firstMs: median(runs.map((r) => r.firstMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    requests: median(runs.map((r) => r.requests)),
    items: median(runs.map((r) => r.items)),
    peakHeapBytes: median(runs.map((r) => r.peakHeapBytes)),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(1)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) console.warn('(run with node --expose-gc for steadier memory figures)');
  const emulator = await startEmulator({ port: 0, scenario: SCENARIO, faults: { latencyMs: LATENCY_MS } });
  const credentials = testCredentials();
  const eventsClient = buildClient('gamelift', { region: EVENTS_REGION, endpoint: emulator.url }, { credentials });
  const fleetsClient = buildClient('gamelift', { region: FLEETS_REGION, endpoint: emulator.url }, { credentials });
  const expectedPages = Math.ceil(EVENT_COUNT / DEFAULT_EVENT_PAGE_SIZE);
  const expectedListCalls = Math.ceil(FLEET_COUNT / DEFAULT_FLEET_PAGE_SIZE);
  const expectedBatches = expectedListCalls * Math.ceil(DEFAULT_FLEET_PAGE_SIZE / DEFAULT_ATTRIBUTES_BATCH_SIZE);

  try {
    // Warm up connections and JIT once, unmeasured.
    await baselineSdkPaginator(eventsClient, () => undefined);
    await oursPager(eventsClient, () => undefined);

    const runs = { pager: [] as Run[], fetch: [] as Run[], sdk: [] as Run[], list: [] as Run[], naive: [] as Run[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so neither side always runs on a warmer process.
      const order = round % 2 === 0 ? (['sdk', 'pager', 'fetch'] as const) : (['pager', 'fetch', 'sdk'] as const);
      for (const which of order) {
        const work = which === 'sdk' ? baselineSdkPaginator : which === 'pager' ? oursPager : oursFetch;
        runs[which].push(await measure(emulator, 'DescribeFleetEvents', (onFirst) => work(eventsClient, onFirst)));
      }
      process.stderr.write(`  events round ${round + 1}/${ROUNDS} done\n`);
    }
    for (let round = 0; round < ROUNDS; round++) {
      runs.list.push(await measure(emulator, 'ListFleets', (onFirst) => oursListFleets(fleetsClient, onFirst)));
      const describeCalls = emulator.requests.filter((r) => r.operation === 'DescribeFleetAttributes').length;
      runs.list[runs.list.length - 1] = { ...runs.list[runs.list.length - 1], describeCalls } as Run & {
        describeCalls: number;
      };
      process.stderr.write(`  fleets round ${round + 1}/${ROUNDS} done\n`);
    }
    // The naive baseline is slow by design (500 round trips); one run is enough.
    runs.naive.push(await measure(emulator, 'ListFleets', (onFirst) => baselineOnePerFleet(fleetsClient, onFirst)));
    const naiveDescribes = emulator.requests.filter((r) => r.operation === 'DescribeFleetAttributes').length;

    const recorded = await recordPages(eventsClient);
    const bookkeeping = median(await sequence(ROUNDS, () => pagerBookkeepingMs(recorded)));
    const pager = summarise(runs.pager);
    const fetch = summarise(runs.fetch);
    const sdk = summarise(runs.sdk);
    const list = summarise(runs.list);
    const listDescribes = median(runs.list.map((r) => (r as Run & { describeCalls: number }).describeCalls));
    const naive = summarise(runs.naive);

    // Counts are exact and must hold; times and memory depend on the machine and are reported.
    const checks: Array<[string, boolean, 'count' | 'speed']> = [];
    const check = (label: string, ok: boolean, kind: 'count' | 'speed' = 'count') => {
      checks.push([label, ok, kind]);
      return ok ? 'yes' : 'NO';
    };

    console.log(
      `\nFleet events: ${EVENT_COUNT.toLocaleString('en')} events, page size ${DEFAULT_EVENT_PAGE_SIZE}, ${LATENCY_MS} ms latency per request, median of ${ROUNDS} rounds\n`,
    );
    console.log(
      table([
        ['metric', 'FleetEventPager', 'fetchEvents', 'SDK paginator (baseline)', 'pager / baseline', 'target', 'met'],
        [
          'events returned',
          String(pager.items),
          String(fetch.items),
          String(sdk.items),
          '',
          `${EVENT_COUNT}`,
          check(
            'all events, each once',
            pager.items === EVENT_COUNT && fetch.items === EVENT_COUNT && sdk.items === EVENT_COUNT,
          ),
        ],
        [
          'DescribeFleetEvents requests',
          String(pager.requests),
          String(fetch.requests),
          String(sdk.requests),
          '',
          `= pages (${expectedPages})`,
          check('requests = pages', pager.requests === expectedPages && fetch.requests === expectedPages),
        ],
        [
          'time to first events',
          ms(pager.firstMs),
          ms(fetch.firstMs),
          ms(sdk.firstMs),
          ratio(pager.firstMs, sdk.firstMs),
          '≤ 1.25× baseline',
          check('first events', pager.firstMs <= sdk.firstMs * 1.25 + 2, 'speed'),
        ],
        [
          'total time',
          ms(pager.totalMs),
          ms(fetch.totalMs),
          ms(sdk.totalMs),
          ratio(pager.totalMs, sdk.totalMs),
          '≤ 1.15× baseline',
          check('total time', pager.totalMs <= sdk.totalMs * 1.15 && fetch.totalMs <= sdk.totalMs * 1.15, 'speed'),
        ],
        [
          'CPU time (client + endpoint)',
          ms(pager.cpuMs),
          ms(fetch.cpuMs),
          ms(sdk.cpuMs),
          ratio(pager.cpuMs, sdk.cpuMs),
          '— (noisy)',
          '',
        ],
        [
          'pager bookkeeping CPU',
          ms(bookkeeping),
          '',
          '',
          `${((bookkeeping / sdk.totalMs) * 100).toFixed(1)}% of baseline time`,
          '≤ 5% of baseline time',
          check('pager bookkeeping', bookkeeping <= sdk.totalMs * 0.05, 'speed'),
        ],
        [
          'peak heap growth',
          mb(pager.peakHeapBytes),
          mb(fetch.peakHeapBytes),
          mb(sdk.peakHeapBytes),
          ratio(pager.peakHeapBytes, sdk.peakHeapBytes),
          '≤ 1.5× baseline',
          check('peak heap', pager.peakHeapBytes <= sdk.peakHeapBytes * 1.5, 'speed'),
        ],
      ]),
    );

    console.log(
      `\nListing ${FLEET_COUNT} fleets: ListFleets page size ${DEFAULT_FLEET_PAGE_SIZE}, DescribeFleetAttributes batch ${DEFAULT_ATTRIBUTES_BATCH_SIZE}, ${LATENCY_MS} ms latency\n`,
    );
    console.log(
      table([
        ['metric', 'listFleets', 'one describe per fleet (baseline)', 'ours / baseline', 'target', 'met'],
        [
          'fleets returned',
          String(list.items),
          String(naive.items),
          '',
          String(FLEET_COUNT),
          check('all fleets', list.items === FLEET_COUNT && naive.items === FLEET_COUNT),
        ],
        [
          'ListFleets calls',
          String(list.requests),
          String(naive.requests),
          '',
          `= pages (${expectedListCalls})`,
          check('ListFleets per page', list.requests === expectedListCalls),
        ],
        [
          'DescribeFleetAttributes calls',
          String(listDescribes),
          String(naiveDescribes),
          ratio(listDescribes, naiveDescribes),
          `= batches (${expectedBatches})`,
          check('one describe per batch', listDescribes === expectedBatches),
        ],
        ['time to first fleets', ms(list.firstMs), ms(naive.firstMs), ratio(list.firstMs, naive.firstMs), '—', ''],
        [
          'total time',
          ms(list.totalMs),
          ms(naive.totalMs),
          ratio(list.totalMs, naive.totalMs),
          '≤ 0.1× baseline',
          check('listing time', list.totalMs <= naive.totalMs * 0.1, 'speed'),
        ],
      ]),
    );

    const failed = checks.filter(([, ok]) => !ok);
    console.log(
      `\n${checks.length - failed.length}/${checks.length} targets met${failed.length ? `; missed: ${failed.map(([l]) => l).join(', ')}` : ''}.`,
    );
    console.log(
      `Machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (times are noisy under load; counts are exact).`,
    );
    // Only the exact targets (counts) decide the exit code.
    process.exitCode = failed.some(([, , kind]) => kind === 'count') ? 1 : 0;
  } finally {
    eventsClient.destroy();
    fleetsClient.destroy();
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
