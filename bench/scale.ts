// Scale: an account with 1,000 fleets across 3 regions and one fleet with 100,000 events,
// on the local endpoint with 20 ms latency per request (run in its own process, so its work
// does not count against this one's event loop). Measures, through the real SDK, services
// and explorer model/nodes:
//   - time to list all fleets (3 regions in parallel, as the tree does)
//   - time to first events of the big fleet (first page)
//   - heap per event with all 100,000 loaded and grouped into categories
//   - expand time of the fleet and of its biggest category (nodes + tree items; a category
//     shows its newest 500 events, then "Show more…")
//   - the longest blocked interval of the event loop while all of that runs
// Each figure is printed beside its target and a baseline measured in the same run.
// Run: npm run compile-tests && npm run bench:scale   (node --expose-gc out/bench/scale.js)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { DescribeFleetEventsCommand, ListFleetsCommand } from '@aws-sdk/client-gamelift';
import { createClientFactory } from '../src/gamelift/clientFactory';
import type { ConnectionTarget } from '../src/gamelift/types';
import { ExplorerModel } from '../src/explorer/model/explorerModel';
import { DEFAULT_TEST_ACCOUNT, testCredentials } from '../test/emulator/credentials';
import type { Scenario } from '../test/emulator/scenario';
import { installVscodeShim } from './scaleVscodeShim';

const LATENCY_MS = 20;
const REGIONS = ['us-west-2', 'us-east-1', 'eu-west-1'];
const FLEETS = 1_000;
const EVENTS = 100_000;
const BIG_FLEET = 'fleet-b16b16b1-0000-4000-8000-000000100000';
const TARGETS = { listMs: 2_000, expandMs: 50, bytesPerEvent: 2_048, blockedMs: 50 };

function scenario(): Scenario {
  const regions: Record<string, object[]> = Object.fromEntries(REGIONS.map((r) => [r, []]));
  for (let i = 0; i < FLEETS; i++) {
    regions[REGIONS[i % REGIONS.length]].push({
      fleetId: `fleet-5ca1e000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `scale-${i}`,
      status: i % 17 === 0 ? 'ACTIVATING' : 'ACTIVE',
      createdMinutesAgo: 60 * 24 * (1 + (i % 90)),
    });
  }
  regions['us-west-2'].push({
    fleetId: BIG_FLEET,
    name: 'event-firehose',
    status: 'ACTIVE',
    createdMinutesAgo: 60 * 24 * 95,
    generate: { count: EVENTS, seed: 99, spanMinutes: 60 * 24 * 90 },
  });
  return {
    description: 'bench/scale.ts',
    accounts: [{ profile: DEFAULT_TEST_ACCOUNT.profile, regions: regions }],
  };
}

async function startEndpoint(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const file = path.join(dir, 'scale-scenario.json');
  writeFileSync(file, JSON.stringify(scenario()));
  const cli = path.join(__dirname, '..', 'test', 'emulator', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--port', '0', '--scenario', file, '--latency', String(LATENCY_MS), '--quiet'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${out}`)));
  });
  return { url, child };
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/**
 * Longest gap between 5 ms timer ticks (what a user would feel as a frozen host), with the CPU
 * time this process used during that gap: on a shared machine a gap can also be the OS running
 * someone else, and then its own CPU time is much smaller than the gap.
 */
function blockWatcher(): { stop(): { gapMs: number; cpuMs: number } } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let worst = { gapMs: 0, cpuMs: 0 };
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const gapMs = now - last - 5;
    if (gapMs > worst.gapMs) worst = { gapMs, cpuMs: (cpu.user + cpu.system) / 1000 };
    last = now;
    lastCpu = process.cpuUsage();
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return { gapMs: Math.max(0, worst.gapMs), cpuMs: worst.cpuMs };
    },
  };
}

function fmtGap(g: { gapMs: number; cpuMs: number }): string {
  return `${g.gapMs.toFixed(0)} ms (own CPU ${g.cpuMs.toFixed(0)} ms)`;
}

function row(what: string, value: string, target: string, ok: boolean | undefined, baseline = ''): string[] {
  return [what, value, target, ok === undefined ? '' : ok ? 'yes' : 'NO', baseline];
}

async function main(): Promise<void> {
  installVscodeShim();
  const { FleetNode } = await import('../src/explorer/nodes/fleetNode');
  const { CategoryNode } = await import('../src/explorer/nodes/categoryNode');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'gamelift-scale-'));
  const endpoint = await startEndpoint(dir);
  const clients = createClientFactory({
    credentials: testCredentials(),
  });
  const targets: ConnectionTarget[] = REGIONS.map((region) => ({
    profile: DEFAULT_TEST_ACCOUNT.profile,
    region,
    endpoint: endpoint.url,
  }));
  const rows: string[][] = [['measure', 'value', 'target', 'met', 'baseline (same run)']];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    // Warm-up: connections, credentials, SDK code paths; also the one-request baseline.
    const west = clients.clientFor(
      'gamelift',
      targets.find((t) => t.region === 'us-west-2')!,
    );
    await west.send(new ListFleetsCommand({ Limit: 1 }));
    let t = performance.now();
    for (let i = 0; i < 5; i++) await west.send(new ListFleetsCommand({ Limit: 1 }));
    const oneCallMs = (performance.now() - t) / 5;

    loop.enable();
    let watch = blockWatcher();
    const blocked: Record<string, { gapMs: number; cpuMs: number }> = {};

    // 1. List 1,000 fleets across 3 regions, in parallel as the region nodes do.
    const model = new ExplorerModel(clients, { pageSize: 1000, defaultWindow: () => ({}), now: () => Date.now() });
    t = performance.now();
    await Promise.all(targets.map((target) => model.connection(target).load()));
    const listMs = performance.now() - t;
    const listed = targets.reduce((n, target) => n + (model.connection(target).fleets?.length ?? 0), 0);
    const errors = targets.map((target) => model.connection(target).error?.message).filter(Boolean);
    if (errors.length) throw new Error(`listing failed: ${errors.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    blocked.list = watch.stop();
    watch = blockWatcher();
    rows.push(
      row(
        `list ${listed} fleets, 3 regions`,
        `${listMs.toFixed(0)} ms`,
        `< ${TARGETS.listMs} ms`,
        listMs < TARGETS.listMs,
        `1 ListFleets call ${oneCallMs.toFixed(1)} ms → ${(listMs / oneCallMs).toFixed(1)}×`,
      ),
    );

    // 2. First events of the big fleet with the default page size (100).
    const firstModel = new ExplorerModel(clients, { pageSize: 100, defaultWindow: () => ({}), now: () => Date.now() });
    const ref = { target: targets[0], fleetId: BIG_FLEET };
    t = performance.now();
    await firstModel.fleet(ref).ensureStarted();
    const firstMs = performance.now() - t;
    const oneEventsCall = performance.now();
    await west.send(new DescribeFleetEventsCommand({ FleetId: BIG_FLEET, Limit: 100 }));
    const eventsCallMs = performance.now() - oneEventsCall;
    rows.push(
      row(
        'time to first events (100)',
        `${firstMs.toFixed(0)} ms`,
        '',
        undefined,
        `1 DescribeFleetEvents call ${eventsCallMs.toFixed(1)} ms → ${(firstMs / eventsCallMs).toFixed(1)}×`,
      ),
    );
    firstModel.dispose();

    // 3. Load all 100,000 events (1,000 per page, the largest page size setting), grouped.
    const before = heapUsed();
    const state = model.fleet(ref);
    const loadCpuStart = process.cpuUsage();
    t = performance.now();
    await state.ensureStarted();
    while (state.hasMore && !state.error) await state.loadMore();
    const loadMs = performance.now() - t;
    const loadCpu = process.cpuUsage(loadCpuStart);
    if (state.error) throw new Error(state.error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    blocked.load = watch.stop();
    t = performance.now();
    await west.send(new DescribeFleetEventsCommand({ FleetId: BIG_FLEET, Limit: 1000 }));
    const bigPageMs = performance.now() - t;
    watch = blockWatcher();

    // 4. Expand the fleet (groups 100,000 events) and its biggest category, as VS Code does:
    //    getChildren, then getTreeItem for every child.
    const ctx = {
      model,
      settings: () => ({
        profiles: [DEFAULT_TEST_ACCOUNT.profile],
        regions: REGIONS,
        pageSize: 1000,
        defaultTimeRange: 'all' as const,
        timeZone: 'utc' as const,
        relativeTime: false,
        watchIntervalSeconds: 0,
      }),
      now: () => Date.now(),
      changed: () => undefined,
      node: <T>(_id: string, make: () => T) => make(),
      reportError: () => undefined,
    };
    const fleetNode = new FleetNode(undefined, ctx, ref);
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };
    let cpu = process.cpuUsage();
    t = performance.now();
    const fleetChildren = await fleetNode.getChildren();
    for (const c of fleetChildren) c.getTreeItem();
    const expandFleetMs = performance.now() - t;
    const expandFleetCpu = cpuMs(cpu);
    // VS Code expands one node per user action: yield between them, so each counts alone.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const categories = fleetChildren.filter((c): c is InstanceType<typeof CategoryNode> => c instanceof CategoryNode);
    const biggest = categories.reduce((a, b) => (b.group.count > a.group.count ? b : a));
    cpu = process.cpuUsage();
    t = performance.now();
    const eventNodes = biggest.getChildren();
    for (const e of eventNodes) e.getTreeItem();
    const expandCategoryMs = performance.now() - t;
    const expandCategoryCpu = cpuMs(cpu);
    await new Promise((resolve) => setTimeout(resolve, 20));
    t = performance.now();
    for (const e of biggest.getChildren()) e.getTreeItem();
    const reexpandMs = performance.now() - t;

    // Let the 5 ms timer fire once more, so a synchronous expansion shows up as a gap.
    await new Promise((resolve) => setTimeout(resolve, 20));
    blocked.expand = watch.stop();
    const blockedMs = Math.max(blocked.list.gapMs, blocked.load.gapMs, blocked.expand.gapMs);
    loop.disable();
    const after = heapUsed();
    const perEvent = (after - before) / state.events.length;

    rows.push(
      row(
        `load all ${state.events.length.toLocaleString('en-US')} events (1,000/page)`,
        `${(loadMs / 1000).toFixed(1)} s (own CPU ${((loadCpu.user + loadCpu.system) / 1e6).toFixed(1)} s)`,
        '',
        undefined,
        `${Math.ceil(EVENTS / 1000)} calls × ${bigPageMs.toFixed(0)} ms (one 1,000-event call) = ${((Math.ceil(EVENTS / 1000) * bigPageMs) / 1000).toFixed(1)} s`,
      ),
    );
    rows.push(
      row(
        'heap per loaded + grouped event',
        `${perEvent.toFixed(0)} B`,
        `< ${TARGETS.bytesPerEvent} B`,
        perEvent < TARGETS.bytesPerEvent,
        `${((after - before) / 1024 / 1024).toFixed(1)} MB for all`,
      ),
    );
    rows.push(
      row(
        `expand fleet (${categories.length} categories of ${state.events.length.toLocaleString('en-US')} events)`,
        `${expandFleetMs.toFixed(1)} ms`,
        `< ${TARGETS.expandMs} ms`,
        expandFleetMs < TARGETS.expandMs,
        `own CPU ${expandFleetCpu.toFixed(0)} ms`,
      ),
    );
    rows.push(
      row(
        `expand biggest category (${biggest.group.count.toLocaleString('en-US')} events, ${eventNodes.length - 1} nodes + Show more)`,
        `${expandCategoryMs.toFixed(1)} ms`,
        `< ${TARGETS.expandMs} ms`,
        expandCategoryMs < TARGETS.expandMs,
        `own CPU ${expandCategoryCpu.toFixed(0)} ms; again (cached nodes): ${reexpandMs.toFixed(1)} ms`,
      ),
    );
    rows.push(
      row(
        'longest blocked interval (5 ms timer)',
        `${blockedMs.toFixed(0)} ms`,
        `< ${TARGETS.blockedMs} ms`,
        blockedMs < TARGETS.blockedMs,
        `listing ${fmtGap(blocked.list)}, loading ${fmtGap(blocked.load)}, expanding ${fmtGap(blocked.expand)}`,
      ),
    );
    rows.push(
      row(
        'event loop delay max / p99 (perf_hooks)',
        `${(loop.max / 1e6).toFixed(0)} / ${(loop.percentile(99) / 1e6).toFixed(0)} ms`,
        `< ${TARGETS.blockedMs} ms`,
        loop.max / 1e6 < TARGETS.blockedMs,
      ),
    );

    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    console.log(
      `Scale: ${FLEETS} fleets in ${REGIONS.length} regions + 1 fleet with ${EVENTS.toLocaleString('en-US')} events, ${LATENCY_MS} ms latency per request, Node ${process.version}, ${os.cpus().length} CPUs${(globalThis as { gc?: unknown }).gc ? '' : ' (run with --expose-gc for exact heap figures)'}\n`,
    );
    console.log(
      [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'),
    );
    const missed = rows.slice(1).filter((r) => r[3] === 'NO').length;
    console.log(`\n${missed === 0 ? 'All targets met.' : `${missed} target(s) missed.`}`);
    process.exitCode = missed ? 1 : 0;
    model.dispose();
  } finally {
    clients.forget();
    endpoint.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
