// What a one-character edit inside one record of a large CloudTrail log costs: re-validating the
// whole text (the baseline: the text streamed to the worker again and every record checked)
// versus the incremental path (only the edit sent, the worker re-checks one record of its copy),
// measured in the same run. For each: the wall time until the result is back, and how long the
// host's main thread was busy (event loop utilisation), the part a user could feel while typing.
// Also the pure core on its own (validateCloudTrail against tryIncrementally) and what
// placing a result from scratch costs (the incremental path updates the previous placement).
// Prints figures and ratios; asserts nothing.
// Run: npm run compile-tests && npm run build && npm run bench:cloudtrail-incremental [MB]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeCloudTrailText } from './cloudtrail-data';
import { placeResult } from '../src/cloudtrail/editor/worker/positionedResult';
import { WorkerValidator } from '../src/cloudtrail/editor/worker/workerClient';
import {
  LineIndex,
  indexRecords,
  tryIncremental,
  validateCloudTrail,
  type CtEdit,
  type CtValidateOptions,
} from '../src/cloudtrail';
import { median } from './stats';

const ROOT = join(__dirname, '..', '..');
const MB = Number(process.argv[2] ?? 50);
const ROUNDS = 3;
const OPTIONS: CtValidateOptions = { maxDiagnostics: 1000 };

function workerPath(): string {
  const bundled = join(ROOT, 'dist', 'cloudtrail.worker.js');
  return existsSync(bundled)
    ? bundled
    : join(__dirname, '..', 'src', 'cloudtrail', 'editor', 'worker', 'validationWorker.js');
}

/** Wall time and the main thread's busy time while `work` runs. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; wall: number; busy: number }> {
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const result = await work();
  const wall = performance.now() - t0;
  const busy = performance.eventLoopUtilization(elu0).active;
  return { result, wall, busy };
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

async function main(): Promise<void> {
  let text = makeCloudTrailText(MB * 1024 * 1024, true);
  text.charCodeAt(text.length >> 1); // flatten the generator's rope, as an editor's text is flat
  const base = validateCloudTrail(text, OPTIONS);
  console.log(
    `CloudTrail incremental bench: ${(text.length / (1024 * 1024)).toFixed(1)} M characters, ${base.records.length} records (pretty), ${ROUNDS} rounds, worker ${workerPath()}`,
  );

  const validator = new WorkerValidator(workerPath());
  await validator.validate('warm', makeCloudTrailText(200_000, true), OPTIONS); // start-up and JIT
  let version = 1;
  await validator.validate('doc', text, OPTIONS, { version, length: text.length }); // the worker now holds version 1

  const full = { wall: [] as number[], busy: [] as number[] };
  const incr = { wall: [] as number[], busy: [] as number[] };
  const core = { full: [] as number[], incremental: [] as number[] };
  let position = 0;
  let prevResult = base;
  for (let round = 0; round < ROUNDS; round++) {
    // One character inside the middle record: us-west-2 ↔ us-west-3 in its awsRegion value.
    const record = prevResult.records[(prevResult.records.length >> 1) + round];
    const key = text.indexOf('"awsRegion": "', record.start) + '"awsRegion": "'.length;
    const digit = key + text.slice(key).search(/[0-9]"/);
    const edit: CtEdit = {
      start: digit,
      end: digit + 1,
      newText: text[digit] === '9' ? '8' : String(Number(text[digit]) + 1),
    };
    const next = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    next.charCodeAt(next.length >> 1);

    // Baseline: the whole new text validated again in the worker (what every edit cost before).
    const f = await measure(() => validator.validate(`full-${round}`, next, OPTIONS));
    full.wall.push(f.wall);
    full.busy.push(f.busy);
    validator.forget(`full-${round}`);

    // Incremental: only the edit goes to the worker, which holds the previous version.
    validator.noteEdits('doc', version + 1, [edit]);
    const i = await measure(() =>
      validator.validate('doc', next, OPTIONS, { version: version + 1, length: next.length }),
    );
    if (i.result?.how !== 'incremental') throw new Error(`expected the incremental path, got ${i.result?.how}`);
    if (i.result.totalDiagnostics !== f.result?.totalDiagnostics) throw new Error('the two paths disagree');
    incr.wall.push(i.wall);
    incr.busy.push(i.busy);
    version++;

    // The pure core alone, on this thread.
    let t0 = performance.now();
    const fullResult = validateCloudTrail(next, OPTIONS);
    core.full.push(performance.now() - t0);
    t0 = performance.now();
    const incResult = tryIncremental(text, prevResult, next, [edit], OPTIONS).result;
    core.incremental.push(performance.now() - t0);
    if (!incResult || incResult.totalDiagnostics !== fullResult.totalDiagnostics)
      throw new Error('the core took no fast path');
    t0 = performance.now();
    placeResult(next, incResult, indexRecords(next, incResult.records), new LineIndex(next));
    position = Math.max(position, performance.now() - t0);
    text = next;
    prevResult = incResult;
  }
  validator.dispose();

  const row = (label: string, wall: number[], busy: number[]): string =>
    `  ${label.padEnd(34)} wall ${fmt(median(wall)).padStart(9)}   host main thread busy ${fmt(median(busy)).padStart(9)}`;
  console.log('One-character edit inside a record (medians):');
  console.log(row('full re-validation (worker)', full.wall, full.busy));
  console.log(row('incremental (worker, edits only)', incr.wall, incr.busy));
  console.log(
    `  ratio full / incremental:          wall ×${(median(full.wall) / median(incr.wall)).toFixed(1)}, host busy ×${(median(full.busy) / Math.max(0.01, median(incr.busy))).toFixed(1)}`,
  );
  console.log('Pure core on this thread (medians):');
  console.log(`  validateCloudTrail (whole text)    ${fmt(median(core.full)).padStart(9)}`);
  console.log(
    `  tryIncremental                     ${fmt(median(core.incremental)).padStart(9)}   ratio ×${(median(core.full) / median(core.incremental)).toFixed(0)}`,
  );
  console.log(
    `  placeResult from scratch (max)     ${fmt(position).padStart(9)}   line table, folding and outline of the whole text: what the full path pays on top, and the incremental path avoids by updating the previous run's`,
  );
  console.log(`Sent to the worker: ${JSON.stringify(validator.sent)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
