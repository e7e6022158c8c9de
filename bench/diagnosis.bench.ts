// Diagnosis speed on what ships: src/diagnosis bundled by esbuild with the release options of
// scripts/build.mjs (minified, node20, cjs) into a temporary file, then timed cold (a fresh
// Node process: load the bundle and diagnose once) and warm (best of several runs in this
// process), on fleets of 10,000 events in several shapes, including unkind ones (events out
// of order, every event a state change, 5 MB installer logs). The baseline, measured in the
// same run, is one pass that counts the events by code: the least any diagnosis must do.
// Target (issue 16): under 50 ms for 10,000 events. Figures only, no assertions.
// Run: npm run compile-tests && npm run bench:diagnosis
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { diagnoseFleet as DiagnoseFleet, DiagnosisEvent, DiagnosisInput } from '../src/diagnosis';
import { seededRandom } from '../test/support/seededRandom';
import { bundleAsShipped } from './bundle';
import { median } from './stats';

const NOW = Date.UTC(2026, 4, 11, 12, 0, 0);
const MIN = 60_000;
const EVENTS = 10_000;
const WARM_RUNS = 15;
const COLD_RUNS = 5;

const ACTIVE_MIX = [
  'FLEET_SCALING_EVENT',
  'SERVER_PROCESS_CRASHED',
  'GAME_SESSION_ACTIVATION_TIMEOUT',
  'SERVER_PROCESS_TERMINATED_UNHEALTHY',
  'SERVER_PROCESS_PROCESS_READY_TIMEOUT',
  'INSTANCE_INTERRUPTED',
  'INSTANCE_RECYCLED',
  'LOCATION_STATE_ERROR',
  'GAME_SERVER_CONTAINER_GROUP_CRASHED',
  'GENERIC_EVENT',
];

function events(count: number, codes: readonly string[], seed: number, spanMinutes: number): DiagnosisEvent[] {
  const r = seededRandom(seed);
  const list: DiagnosisEvent[] = [];
  for (let i = 0; i < count; i++) {
    const code = codes[Math.floor(r() * codes.length)];
    list.push({
      eventId: `e-${seed}-${i}`,
      eventCode: code,
      eventTime: NOW - Math.floor(r() * spanMinutes * MIN),
      message: `Server process /local/game/bin/ArenaServer (pid ${i}) on instance i-0${i} crashed with exit code 139 (SIGSEGV).`,
      ...(r() < 0.3 ? { count: 2 + Math.floor(r() * 99) } : {}),
    });
  }
  return list;
}

const newestFirst = (list: DiagnosisEvent[]) => [...list].sort((a, b) => (b.eventTime ?? 0) - (a.eventTime ?? 0));

function installerLog(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 97 === 0
        ? `2026-05-11T10:00:00.000Z [ERROR] step ${i} failed: /bin/bash\r: bad interpreter`
        : `2026-05-11T10:00:00.000Z [INFO] + cp /local/game/content/file-${i}.pak /local/game/cache/`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function profiles(): Array<{ name: string; input: DiagnosisInput }> {
  const fleet = (status: string) => ({
    fleetId: 'fleet-be4c4000-0000-4000-8000-000000010000',
    status,
    operatingSystem: 'AMAZON_LINUX_2023',
    instanceType: 'c5.large',
    creationTime: NOW - 30 * 24 * 60 * MIN,
  });
  const creation = [
    'FLEET_CREATED',
    'FLEET_STATE_DOWNLOADING',
    'FLEET_CREATION_EXTRACTING_BUILD',
    'FLEET_CREATION_RUNNING_INSTALLER',
  ].map((eventCode, i) => ({ eventId: `c-${i}`, eventCode, eventTime: NOW - (200 - i) * MIN }));
  const failed = { eventId: 'c-f', eventCode: 'FLEET_CREATION_FAILED_INSTALLER', eventTime: NOW - 100 * MIN };
  const busy = events(EVENTS, ACTIVE_MIX, 1, 30 * 24 * 60);
  const states = events(
    EVENTS,
    ['FLEET_STATE_DOWNLOADING', 'FLEET_STATE_VALIDATING', 'FLEET_STATE_BUILDING', 'FLEET_STATE_ACTIVATING'],
    2,
    60 * 24 * 60,
  );
  return [
    { name: 'ACTIVE busy fleet, newest first', input: { fleet: fleet('ACTIVE'), events: newestFirst(busy), now: NOW } },
    { name: 'ACTIVE busy fleet, shuffled', input: { fleet: fleet('ACTIVE'), events: busy, now: NOW } },
    {
      name: 'ERROR, installer failed, 10k process events + 5 MB log',
      input: {
        fleet: fleet('ERROR'),
        events: newestFirst([...creation, failed, ...events(EVENTS - 5, ACTIVE_MIX, 3, 10 * 24 * 60)]),
        logs: [{ eventId: 'c-f', text: installerLog(5 * 1024 * 1024) }],
        runtimeConfiguration: {
          serverProcesses: [{ launchPath: '/local/game/bin/ArenaServer', concurrentExecutions: 2 }],
        },
        now: NOW,
      },
    },
    { name: 'unkind: every event a state change', input: { fleet: fleet('ACTIVATING'), events: states, now: NOW } },
  ];
}

function baseline(input: DiagnosisInput): number {
  const counts = new Map<string, number>();
  for (const e of input.events) counts.set(e.eventCode, (counts.get(e.eventCode) ?? 0) + 1);
  return counts.size;
}

function best(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return Math.min(...times);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'diagnosis-bench-'));
  try {
    const bundle = join(dir, 'diagnosis.js');
    // The release options of scripts/build.mjs: what the extension and the CLI ship.
    await bundleAsShipped('src/diagnosis/index.ts', bundle);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { diagnoseFleet } = require(bundle) as { diagnoseFleet: typeof DiagnoseFleet };
    console.log(`Diagnosis of ${EVENTS.toLocaleString('en-US')} events on the bundled core (target < 50 ms)\n`);
    console.log('profile'.padEnd(56), 'warm ms', ' cold ms', '  baseline ms', ' ×baseline', ' verdict');
    for (const [index, { name, input }] of profiles().entries()) {
      const warm = best(() => diagnoseFleet(input), WARM_RUNS);
      const base = best(() => baseline(input), WARM_RUNS);
      const inputFile = join(dir, `input-${index}.json`);
      writeFileSync(inputFile, JSON.stringify(input));
      const cold: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) {
        // A fresh process: read the input, then time loading the bundle and one diagnosis.
        const out = spawnSync(
          process.execPath,
          [
            '-e',
            `const input = JSON.parse(require('fs').readFileSync(${JSON.stringify(inputFile)}, 'utf8'));
             const t = process.hrtime.bigint();
             const { diagnoseFleet } = require(${JSON.stringify(bundle)});
             diagnoseFleet(input);
             console.log(Number(process.hrtime.bigint() - t) / 1e6);`,
          ],
          { encoding: 'utf8' },
        );
        cold.push(Number(out.stdout.trim()));
      }
      const verdict = diagnoseFleet(input).verdict;
      console.log(
        name.padEnd(56),
        warm.toFixed(1).padStart(7),
        median(cold).toFixed(1).padStart(8),
        base.toFixed(2).padStart(13),
        (warm / base).toFixed(0).padStart(10),
        ` ${verdict}`,
      );
    }
    console.log(
      '\nwarm: best of',
      WARM_RUNS,
      'in this process; cold: median of',
      COLD_RUNS,
      'fresh processes (load + one run)',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
