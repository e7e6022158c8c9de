// Seeded, bounded fuzz test: mutated corpus files (byte flips, truncations, deep nesting, BOM,
// NUL, lone surrogates, huge numbers…) never make the core throw, and every diagnostic and fix
// range lies inside the document. The longer run is bench/cloudtrail-fuzz.ts.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCloudTrail, locate, semanticTokens, validateCloudTrail } from '../../../src/cloudtrail';
import { mutate, rng } from './mutations';
import { cleanRecord, recordsFile } from './helpers';
import { CORPUS_DIR as corpus } from '../../support/cloudtrailCorpus';

function seeds(): string[] {
  const out = [
    recordsFile([cleanRecord(), cleanRecord({ eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8' })]),
    JSON.stringify([cleanRecord()]),
  ];
  const rows = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; bytes: number });
  const r = rng(7);
  const small = rows.filter((x) => !x.file.endsWith('.gz') && x.bytes < 20_000);
  for (let i = 0; i < 30; i++) out.push(readFileSync(join(corpus, small[Math.floor(r() * small.length)].file), 'utf8'));
  return out;
}

const ITERATIONS = 150;

describe('CloudTrail fuzz (seeded, bounded)', function () {
  this.timeout(60_000);
  it('no exception escapes and every range lies inside the document', () => {
    const inputs = seeds();
    const r = rng(20261121);
    let runs = 0;
    const started = Date.now();
    for (let i = 0; i < ITERATIONS; i++) {
      const base = inputs[Math.floor(r() * inputs.length)];
      const { text, applied } = mutate(base, r);
      const where = `iteration ${i} (${applied.join('+')})`;
      let result;
      try {
        result = validateCloudTrail(text, { maxDiagnostics: 500 });
      } catch (e) {
        assert.fail(`validateCloudTrail threw at ${where}: ${String(e)}`);
      }
      assert.ok(
        !result.diagnostics.some((d) => /checker stopped early/.test(d.message)),
        `internal failure at ${where}: ${result.diagnostics.find((d) => /stopped early/.test(d.message))?.message}`,
      );
      for (const d of result.diagnostics) {
        assert.ok(
          d.start >= 0 && d.start <= d.end && d.end <= text.length,
          `diagnostic range ${d.start}-${d.end} of ${text.length} at ${where}`,
        );
        for (const f of d.fixes ?? [])
          for (const e of f.edits)
            assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `fix range at ${where}`);
      }
      for (const rec of result.records)
        assert.ok(rec.start >= 0 && rec.end <= text.length && rec.start < rec.end, `record range at ${where}`);
      const offset = Math.floor(r() * (text.length + 1));
      assert.doesNotThrow(() => locate(text, offset), `locate at ${where}`);
      assert.doesNotThrow(
        () => semanticTokens(text, Math.max(0, offset - 500), offset + 500),
        `semanticTokens at ${where}`,
      );
      if (text.length < 200_000) assert.doesNotThrow(() => formatCloudTrail(text), `format at ${where}`);
      runs++;
    }
    assert.equal(runs, ITERATIONS);
    console.log(`    ${runs} mutated inputs in ${Date.now() - started} ms`);
  });
});
