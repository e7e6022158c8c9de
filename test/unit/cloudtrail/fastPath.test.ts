// The fast path (structural scan + native JSON.parse per record, offsets only for findings) must
// give exactly what the tolerant offset-tracking parser gives: same diagnostics with the same
// ranges and fixes, same record summaries and fleet references. Checked on every corpus file
// and on the generated benchmark files (pretty and compact).

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { validateWith } from '../../../src/cloudtrail/validate';
import { makeCloudTrailText } from '../../../bench/cloudtrail-data';
import { cleanRecord } from './helpers';
import { CORPUS_DIR as corpus } from '../../support/cloudtrailCorpus';

function bothPaths(text: string, label: string): number {
  const fast = validateWith(text, {}, false);
  const tolerant = validateWith(text, {}, true);
  assert.deepStrictEqual(fast, tolerant, label);
  return fast.diagnostics.length;
}

describe('CloudTrail fast path agrees with the tolerant parser', function () {
  this.timeout(300_000);

  it('on every corpus file', () => {
    const manifest = join(corpus, 'manifest.jsonl');
    assert.ok(existsSync(manifest), `manifest at ${manifest}`);
    const rows = readFileSync(manifest, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    let files = 0;
    let diagnostics = 0;
    for (const row of rows) {
      let data = readFileSync(join(corpus, row.file));
      if (row.file.endsWith('.gz')) data = gunzipSync(data);
      diagnostics += bothPaths(data.toString('utf8'), row.file);
      files++;
    }
    assert.ok(files > 500);
    assert.ok(diagnostics > 0, 'the corpus produces findings, so ranges were compared');
  });

  for (const pretty of [true, false]) {
    it(`on the generated ${pretty ? 'pretty' : 'compact'} benchmark file`, () => {
      const text = makeCloudTrailText(1024 * 1024, pretty);
      const n = bothPaths(text, pretty ? 'pretty' : 'compact');
      assert.ok(n > 0, `the generated file carries mistakes (${n} diagnostics)`);
    });
  }

  it('on records read in batches, with odd white space between some of them', () => {
    // Unique event IDs, so only the separators differ between the variants.
    const records = Array.from({ length: 80 }, (_, i) =>
      JSON.stringify(cleanRecord({ eventID: `${String(i).padStart(8, '0')}-1111-4222-8333-444455556666` })),
    );
    const join = (sep: (i: number) => string) =>
      `{"Records":[${records.map((r, i) => (i === 0 ? r : sep(i) + r)).join('')}]}`;
    const plain = join(() => ',');
    assert.equal(bothPaths(plain, 'plain separators'), 0);
    // A non-breaking space in every separator: never read in batches, each one reported.
    const everywhere = join(() => ',\u00a0');
    assert.equal(bothPaths(everywhere, 'NBSP everywhere'), records.length - 1);
    // Plain at first (the separator is learned and batches start), odd here and there later.
    const later = join((i) => (i % 17 === 0 ? ',\u00a0' : i % 23 === 0 ? ' ,\t' : ','));
    const odd = records.map((_, i) => i).filter((i) => i > 0 && i % 17 === 0).length;
    assert.equal(bothPaths(later, 'NBSP later'), odd);
  });

  it('on a file with syntax errors between valid records', () => {
    const text = makeCloudTrailText(64 * 1024, true, 7);
    const broken = text.replace('"eventVersion"', '"eventVersion" "1.08",').replace(/},\n {4}\{/, '}\n    {');
    assert.notEqual(broken, text);
    const n = bothPaths(broken, 'broken');
    assert.ok(n > 0);
  });
});
