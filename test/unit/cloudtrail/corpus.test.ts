// The public CloudTrail corpus (test/fixtures/cloudtrail-corpus, listed in manifest.jsonl): no
// valid-JSON file gets an error-severity diagnostic, invalid ones get syntax errors, and a
// table of findings per severity and rule is printed.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { validateCloudTrail, type CtSeverity } from '../../../src/cloudtrail';
import { CORPUS_DIR as corpus } from '../../support/cloudtrailCorpus';

interface Row {
  source: string;
  file: string;
  strict_json: boolean;
  records: number;
  format: string;
}

function read(row: Row): string {
  let data = readFileSync(join(corpus, row.file));
  if (row.file.endsWith('.gz')) data = gunzipSync(data);
  return data.toString('utf8');
}

describe('CloudTrail corpus', function () {
  this.timeout(120_000);
  const manifest = join(corpus, 'manifest.jsonl');
  const rows: Row[] = existsSync(manifest)
    ? readFileSync(manifest, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Row)
    : [];

  it('finds the corpus', () => {
    assert.ok(rows.length > 500, `manifest at ${manifest}`);
  });

  it('reports no error-severity diagnostic on any valid-JSON file, and prints what it finds', () => {
    const table = new Map<string, Record<CtSeverity, number>>();
    const errors: string[] = [];
    let files = 0;
    let records = 0;
    for (const row of rows.filter((r) => r.strict_json)) {
      const text = read(row);
      const result = validateCloudTrail(text);
      files++;
      records += result.records.length;
      for (const d of result.diagnostics) {
        const counts = table.get(d.ruleId) ?? { error: 0, warning: 0, info: 0, hint: 0 };
        counts[d.severity]++;
        table.set(d.ruleId, counts);
        if (d.severity === 'error') errors.push(`${row.file}: ${d.ruleId} ${d.message}`);
      }
    }
    const lines = [...table.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(
        ([rule, c]) =>
          `    ${rule.padEnd(30)} ${String(c.error).padStart(6)} ${String(c.warning).padStart(8)} ${String(c.info).padStart(6)} ${String(c.hint).padStart(5)}`,
      );
    console.log(
      `    ${files} valid-JSON files, ${records} records\n    ${'rule'.padEnd(30)} ${'error'.padStart(6)} ${'warning'.padStart(8)} ${'info'.padStart(6)} ${'hint'.padStart(5)}\n${lines.join('\n')}`,
    );
    assert.deepEqual(errors, []);
    assert.ok(records > 700, 'records are recognised');
  });

  it('finds syntax errors in every file that is not valid JSON', () => {
    const missed: string[] = [];
    for (const row of rows.filter((r) => !r.strict_json)) {
      const text = read(row);
      const r = validateCloudTrail(text);
      if (!r.diagnostics.some((d) => d.ruleId === 'syntax' && d.severity === 'error')) missed.push(row.file);
      for (const d of r.diagnostics) assert.ok(d.start >= 0 && d.end <= text.length && d.start <= d.end);
    }
    assert.deepEqual(missed, []);
  });

  it('finds the records of the real captures (trailscraper, cloudtrail2sightings, OTRF)', () => {
    for (const row of rows.filter((r) => r.strict_json && /trailscraper|cloudtrail2sightings|otrf/.test(r.source))) {
      assert.equal(validateCloudTrail(read(row)).records.length, row.records, row.file);
    }
  });
});
