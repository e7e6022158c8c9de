// Longer CloudTrail fuzz run: seeded mutations of every corpus file (and a generated log) fed to
// validateCloudTrail, locate, semanticTokens and formatCloudTrail in a worker thread. Prints
// crashes (exceptions, internal failures, ranges outside the text), hangs (no answer within
// --hang-ms; the worker is restarted) and the slowest inputs in milliseconds per MB.
//
// Run: npm run bench:cloudtrail-fuzz [-- --iterations 3000 --seed 1 --hang-ms 10000]

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { formatCloudTrail, locate, semanticTokens, validateCloudTrail } from '../src/cloudtrail';
import { mutate, rng } from '../test/unit/cloudtrail/mutations';
import { cleanRecord, recordsFile } from '../test/unit/cloudtrail/helpers';
import { makeCloudTrailText } from './cloudtrail-data';
import { bestTime } from './stats';
import { CORPUS_DIR as corpus } from '../test/support/cloudtrailCorpus';

function loadSeeds(): Array<{ name: string; text: string }> {
  const seeds = [{ name: 'generated-200KB', text: makeCloudTrailText(200_000, true, 3) }];
  const manifest = join(corpus, 'manifest.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').trim().split('\n')) {
      const row = JSON.parse(line) as { file: string };
      let data = readFileSync(join(corpus, row.file));
      if (row.file.endsWith('.gz')) data = gunzipSync(data);
      seeds.push({ name: row.file, text: data.toString('utf8') });
    }
  }
  return seeds;
}

interface Answer {
  iteration: number;
  ms: number;
  size: number;
  seed: string;
  applied: string[];
  problem?: string;
}

/** Worker: rebuilds input `iteration` from the seed and runs everything on it. */
function workerMain(): void {
  const seeds = loadSeeds();
  const { seed } = workerData as { seed: number };
  parentPort!.on('message', (iteration: number) => {
    const r = rng(seed * 1_000_003 + iteration);
    const base = seeds[Math.floor(r() * seeds.length)];
    const { text, applied } = mutate(base.text, r);
    const answer: Answer = { iteration, ms: 0, size: text.length, seed: base.name, applied };
    const started = process.hrtime.bigint();
    try {
      const result = validateCloudTrail(text, { maxDiagnostics: 1000 });
      const internal = result.diagnostics.find((d) => /checker stopped early/.test(d.message));
      if (internal) answer.problem = internal.message;
      const bad = result.diagnostics.find((d) => d.start < 0 || d.end > text.length || d.start > d.end);
      if (bad) answer.problem = `diagnostic range ${bad.start}-${bad.end} outside 0-${text.length}`;
      locate(text, Math.floor(r() * (text.length + 1)), result.records);
      semanticTokens(text, 0, Math.min(text.length, 20_000));
      if (text.length < 2_000_000) formatCloudTrail(text);
    } catch (e) {
      answer.problem = `exception: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    answer.ms = Number(process.hrtime.bigint() - started) / 1e6;
    parentPort!.postMessage(answer);
  });
  parentPort!.postMessage('ready');
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const iterations = arg('--iterations', 2000);
  const seed = arg('--seed', 1);
  const hangMs = arg('--hang-ms', 10_000);
  const crashes: Answer[] = [];
  const hangs: number[] = [];
  const slowest: Answer[] = [];
  let worker: Worker | undefined;
  const start = (): Promise<Worker> =>
    new Promise((resolve) => {
      const w = new Worker(__filename, { workerData: { seed }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
      w.once('message', () => resolve(w));
    });
  const began = Date.now();
  for (let i = 0; i < iterations; i++) {
    worker ??= await start();
    const w = worker;
    const answer = await new Promise<Answer | 'hang' | 'died'>((resolve) => {
      const timer = setTimeout(() => resolve('hang'), hangMs);
      w.once('message', (a: Answer) => {
        clearTimeout(timer);
        resolve(a);
      });
      w.once('error', () => {
        clearTimeout(timer);
        resolve('died');
      });
      w.postMessage(i);
    });
    if (answer === 'hang' || answer === 'died') {
      if (answer === 'hang') hangs.push(i);
      else
        crashes.push({
          iteration: i,
          ms: 0,
          size: 0,
          seed: '?',
          applied: [],
          problem: 'worker died (out of memory or stack?)',
        });
      await w.terminate();
      worker = undefined;
      continue;
    }
    w.removeAllListeners('error');
    if (answer.problem) crashes.push(answer);
    slowest.push(answer);
    slowest.sort((a, b) => b.ms / Math.max(b.size, 1) - a.ms / Math.max(a.size, 1));
    if (slowest.length > 10) slowest.length = 10;
    if ((i + 1) % 250 === 0)
      console.log(`  ${i + 1}/${iterations} inputs, ${crashes.length} crashes, ${hangs.length} hangs`);
  }
  await worker?.terminate();
  console.log(
    `\nCloudTrail fuzz: ${iterations} inputs (seed ${seed}) in ${((Date.now() - began) / 1000).toFixed(1)} s`,
  );
  console.log(`crashes: ${crashes.length}`);
  for (const c of crashes.slice(0, 20))
    console.log(
      `  #${c.iteration} ${c.seed} [${c.applied.join('+')}]: ${c.problem?.split('\n').slice(0, 3).join(' | ')}`,
    );
  console.log(
    `hangs (no answer within ${hangMs} ms): ${hangs.length}${hangs.length ? ` — iterations ${hangs.slice(0, 20).join(', ')}` : ''}`,
  );
  console.log('slowest inputs (ms per MB):');
  for (const s of slowest)
    console.log(
      `  #${s.iteration} ${((s.ms / Math.max(s.size, 1)) * 1048576).toFixed(0).padStart(8)} ms/MB  ${s.ms.toFixed(1).padStart(8)} ms  ${(s.size / 1024).toFixed(0).padStart(7)} KB  ${s.seed} [${s.applied.join('+')}]`,
    );
  for (const d of deepNestingTimes())
    console.log(
      `deep nesting: ${d.what}, ${(d.chars / 1024).toFixed(0)} K characters (the editor checks up to 256 K on its main thread): ${d.ms.toFixed(1)} ms`,
    );
  const scaling = scalingRatio();
  console.log(
    `scaling: 10× the records (broken on purpose, so recovery runs) took ${scaling.time.toFixed(1)}× the time for ${scaling.size.toFixed(1)}× the text (linear ≈ 10×, quadratic ≈ 100×)`,
  );
  process.exitCode = crashes.length > 0 || hangs.length > 0 ? 1 : 0;
}

/** Best-of-3 time of the slowest shapes known for their size: nesting 100,000 levels deep. */
function deepNestingTimes(): Array<{ what: string; chars: number; ms: number }> {
  const n = 131_072;
  const cases: Record<string, string> = {
    'arrays in a record': `{"Records":[{"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","additionalEventData":${'['.repeat(n)}${']'.repeat(n)}}]}`,
    'arrays never closed': `{"Records":[{"eventVersion":"1.08","x":${'['.repeat(n)}`,
    'objects with a syntax error inside': `{"Records":[{"eventVersion":"1.08","x":${'[{"a":'.repeat(n / 4)}1,,${'}]'.repeat(n / 4)}}]}`,
  };
  return Object.entries(cases).map(([what, text]) => ({
    what,
    chars: text.length,
    ms: bestTime(() => validateCloudTrail(text), 3),
  }));
}

/** Time for a document of 5,000 records over one of 500 (best of 3 each, same process). */
function scalingRatio(): { time: number; size: number } {
  const best = (text: string): number => bestTime(() => validateCloudTrail(text, { maxDiagnostics: 1000 }), 3);
  // A flipped quote every seventh record, so the tolerant parser's recovery paths run too.
  const doc = (n: number): string =>
    recordsFile(
      Array.from({ length: n }, (_, i) =>
        cleanRecord({ eventName: i % 7 === 0 ? 'Describe"Fleet' : 'DescribeFleetEvents' }),
      ),
      true,
    );
  const small = doc(500);
  const large = doc(5000);
  best(small); // warm-up
  return { time: best(large) / best(small), size: large.length / small.length };
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  workerMain();
}
