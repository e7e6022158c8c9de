// The fleet timeline's view model at scale, on what ships (src/timeline bundled by esbuild with
// the release options): 10,000, 130,000 (where the old model overflowed the stack) and
// 1,000,000 loaded events, in several shapes, including unkind ones (shuffled, every event a
// state change, every event at one instant). Also the size of the message posted to the page.
// The baseline, measured in the same run, is one pass that finds the span: the least any
// timeline must do. Figures only, no assertions.
// Run: npm run compile-tests && npm run bench:timeline
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetEvent } from '../src/gamelift/types';
import type { buildTimelineViewModel as Build } from '../src/timeline/timelineModel';
import { seededRandom } from '../test/support/seededRandom';
import { bundleAsShipped } from './bundle';
import { coldMs, readJsonInput } from './coldRun';
import { bestTime, median } from './stats';

const NOW = Date.UTC(2026, 4, 11, 12, 0, 0);
const DAY = 86_400_000;
const REF = { target: { region: 'us-west-2' }, fleetId: 'fleet-be4c4000-0000-4000-8000-000000010000' };
const BUSY = [
  'SERVER_PROCESS_CRASHED',
  'SERVER_PROCESS_TERMINATED_UNHEALTHY',
  'GAME_SESSION_ACTIVATION_TIMEOUT',
  'INSTANCE_INTERRUPTED',
  'FLEET_SCALING_EVENT',
  'GENERIC_EVENT',
];
const STATES = ['FLEET_STATE_ACTIVATING', 'FLEET_STATE_ACTIVE', 'FLEET_STATE_ERROR', 'FLEET_STATE_BUILDING'];

function events(count: number, codes: readonly string[], seed: number, spanMs: number): FleetEvent[] {
  const r = seededRandom(seed);
  const list: FleetEvent[] = [];
  for (let i = 0; i < count; i++)
    list.push({
      eventId: `e-${seed}-${i}`,
      eventCode: codes[Math.floor(r() * codes.length)],
      message: `Server process on instance i-0${i % 997} exited with code 139.`,
      eventTime: NOW - Math.floor(r() * spanMs),
      fetchedAt: NOW,
    });
  return list;
}

const newestFirst = (list: FleetEvent[]) => [...list].sort((a, b) => (b.eventTime ?? 0) - (a.eventTime ?? 0));

function profiles(): Array<{ name: string; events: FleetEvent[] }> {
  const out: Array<{ name: string; events: FleetEvent[] }> = [];
  for (const n of [10_000, 130_000, 1_000_000])
    out.push({
      name: `${n.toLocaleString('en-US')} busy, newest first`,
      events: newestFirst(events(n, BUSY, n, 40 * DAY)),
    });
  out.push({ name: '1,000,000 busy, shuffled', events: events(1_000_000, BUSY, 7, 40 * DAY) });
  out.push({ name: 'unkind: 1,000,000 state changes', events: events(1_000_000, STATES, 8, 40 * DAY) });
  out.push({ name: 'unkind: 1,000,000 at one instant', events: events(1_000_000, BUSY, 9, 0) });
  return out;
}

function baseline(list: readonly FleetEvent[]): number {
  let start = Infinity;
  let end = -Infinity;
  for (const e of list) {
    const t = e.eventTime as number;
    if (t < start) start = t;
    if (t > end) end = t;
  }
  return end - start;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
  try {
    const bundle = join(dir, 'timeline.js');
    await bundleAsShipped('src/timeline/timelineModel.ts', bundle);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { buildTimelineViewModel } = require(bundle) as { buildTimelineViewModel: typeof Build };
    console.log('Fleet timeline view model on the bundled core\n');
    console.log('profile'.padEnd(36), 'warm ms', ' cold ms', ' baseline ms', ' ×baseline', '   marks', ' message KB');
    for (const [index, profile] of profiles().entries()) {
      const build = () => buildTimelineViewModel(REF, undefined, profile.events);
      const warm = bestTime(build, 5);
      const base = bestTime(() => baseline(profile.events), 5);
      const model = build();
      const marks = model.lanes.reduce((n, l) => n + l.marks.length, 0);
      const kb = JSON.stringify(model).length / 1024;
      const inputFile = join(dir, `input-${index}.json`);
      writeFileSync(inputFile, JSON.stringify(profile.events));
      const cold = [0, 1, 2].map(() =>
        coldMs(
          readJsonInput(inputFile),
          `require(${JSON.stringify(bundle)}).buildTimelineViewModel(${JSON.stringify(REF)}, undefined, input);`,
        ),
      );
      console.log(
        profile.name.padEnd(36),
        warm.toFixed(1).padStart(7),
        median(cold).toFixed(1).padStart(8),
        base.toFixed(2).padStart(12),
        (warm / base).toFixed(0).padStart(10),
        String(marks).padStart(8),
        kb.toFixed(0).padStart(11),
      );
    }
    console.log('\nwarm: best of 5 in this process; cold: median of 3 fresh processes (load + one build)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
