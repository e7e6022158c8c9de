// The index and its queries held to a plain reading: a generated folder read with JSON.parse
// only, summarised, sorted by time and filtered by hand must give the same rows, pick-list
// counts and histogram as runQuery, for hundreds of random queries; and the radix time order
// equals a stable comparison sort.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHistoryIndex } from '../../../src/history/buildIndex';
import type { HistoryIndex } from '../../../src/history/historyIndex';
import { runQuery } from '../../../src/history/query';
import { orderByTime } from '../../../src/history/sortByTime';
import { summarizeRecord } from '../../../src/history/summarize';
import {
  HISTORY_FIELDS,
  STRING_FIELDS,
  type HistoryField,
  type HistoryQuery,
  type RecordSummary,
} from '../../../src/history/types';
import { seededRandom } from '../../support/seededRandom';
import { plainScan, writeMixedFolder } from './trailFolder';

function valuesOf(s: RecordSummary, field: HistoryField): readonly string[] {
  return field === 'resource' ? s.resources : [s[field]];
}

function passesField(s: RecordSummary, field: HistoryField, f: { values?: readonly string[]; text?: string }): boolean {
  const candidates = field === 'principal' ? [s.principal, s.user] : valuesOf(s, field);
  return candidates.some(
    (v) => (!f.values || f.values.includes(v)) && (!f.text || v.toLowerCase().includes(f.text.toLowerCase())),
  );
}

/** Which filters a record fails, by name (the reference for matches, facets and the histogram). */
function failures(s: RecordSummary, q: HistoryQuery): Set<string> {
  const failed = new Set<string>();
  if (q.since !== undefined && !(s.time >= q.since)) failed.add('time');
  if (q.until !== undefined && !(s.time < q.until)) failed.add('time');
  if (q.errorsOnly && !s.errorCode) failed.add('errors');
  if (q.writesOnly && s.readOnly !== false) failed.add('writes');
  if (q.fleet && !s.resources.includes(q.fleet)) failed.add('fleet');
  if (q.text) {
    const t = q.text.toLowerCase();
    const all = [...STRING_FIELDS.map((f) => s[f]), ...s.resources];
    if (!all.some((v) => v.toLowerCase().includes(t))) failed.add('text');
  }
  for (const [field, f] of Object.entries(q.fields ?? {})) {
    if (f && (f.values || f.text) && !passesField(s, field as HistoryField, f)) failed.add(field);
  }
  return failed;
}

describe('history: index queries', function () {
  this.timeout(60_000);
  let dir = '';
  let index: HistoryIndex;
  let expected: RecordSummary[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'history-query-'));
    writeMixedFolder(dir, 3000);
    index = (await buildHistoryIndex([dir], { threads: 0 })).index;
    const plain = plainScan(dir).map(summarizeRecord);
    const order = orderByTime(Float64Array.from(plain.map((s) => s.time)));
    expected = Array.from(order, (i) => plain[i]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every record, in time order, with what the plain reading finds', () => {
    assert.equal(index.size, expected.length);
    for (let k = 0; k < index.size; k++) {
      const row = index.row(k);
      const s = expected[k];
      assert.deepEqual(
        { ...row, record: undefined, time: String(row.time) },
        { ...s, record: undefined, time: String(s.time) },
        `record ${k}`,
      );
    }
  });

  it('answers random queries like a filter over the plain reading (rows, pick lists, histogram)', () => {
    const random = seededRandom(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const span = index.timeSpan()!;
    for (let round = 0; round < 300; round++) {
      const q: {
        -readonly [K in keyof HistoryQuery]: HistoryQuery[K];
      } = { facets: HISTORY_FIELDS, histogram: { buckets: 1 + Math.floor(random() * 40) } };
      const some = expected[Math.floor(random() * expected.length)];
      const fields: Record<string, { values?: string[]; text?: string }> = {};
      if (random() < 0.3) q.since = span.from + random() * (span.to - span.from);
      if (random() < 0.3) q.until = span.from + random() * (span.to - span.from);
      if (random() < 0.2) q.errorsOnly = true;
      if (random() < 0.3) q.writesOnly = true;
      if (random() < 0.2 && some.resources.length) q.fleet = pick(some.resources);
      if (random() < 0.15) q.text = pick([some.user.slice(1, 4), some.eventName.slice(2, 7).toUpperCase(), 'zzz']);
      for (const field of HISTORY_FIELDS) {
        if (random() < 0.12) {
          const value = pick(valuesOf(some, field).length ? valuesOf(some, field) : ['']);
          fields[field] = random() < 0.5 ? { values: [value, pick(['', 'nothing'])] } : { text: value.slice(0, 3) };
        }
      }
      if (Object.keys(fields).length) q.fields = fields;
      if (random() < 0.5) q.order = 'oldest';

      const result = runQuery(index, q);
      const fails = expected.map((s) => failures(s, q));
      const matching = expected.map((_, k) => k).filter((k) => fails[k].size === 0);
      if (q.order !== 'oldest') matching.reverse();
      assert.deepEqual(Array.from(result.rows), matching, `rows, query ${JSON.stringify(q)}`);
      assert.equal(result.total, matching.length);

      for (const field of HISTORY_FIELDS) {
        const counts = new Map<string, number>();
        expected.forEach((s, k) => {
          if ([...fails[k]].every((f) => f === field))
            for (const v of valuesOf(s, field)) counts.set(v, (counts.get(v) ?? 0) + 1);
        });
        const got = new Map(result.facets[field]!.map((v) => [v.value, v.count]));
        assert.deepEqual(got, counts, `facet ${field}, query ${JSON.stringify(q)}`);
        const list = result.facets[field]!.map((v) => v.count);
        assert.deepEqual(
          list,
          [...list].sort((a, b) => b - a),
          'pick lists are sorted by count',
        );
      }
      const h = result.histogram!;
      const hist = new Array<number>(h.counts.length).fill(0);
      expected.forEach((s, k) => {
        if ([...fails[k]].every((f) => f === 'time') && !Number.isNaN(s.time))
          hist[Math.floor((s.time - h.from) / h.bucketMs)]++;
      });
      assert.deepEqual(Array.from(h.counts), hist, `histogram, query ${JSON.stringify(q)}`);
    }
  });

  it('principal matches the identity ARN or the user name; fleets match by ID or ARN', () => {
    const alice = runQuery(index, { fields: { principal: { text: 'ALICE' } } });
    assert.ok(alice.total > 0);
    for (const r of alice.rows) assert.match(index.row(r).user + index.row(r).principal, /alice/i);
    const carol = runQuery(index, { fields: { principal: { text: 'user/carol' } } });
    assert.ok(carol.total > 0 && Array.from(carol.rows).every((r) => index.row(r).user === 'carol'));
    const fleetRow = expected.findIndex((s) => s.resources.some((r) => r.startsWith('fleet-')));
    const fleetId = expected[fleetRow].resources.find((r) => r.startsWith('fleet-'))!;
    const byId = runQuery(index, { fleet: fleetId });
    const byArn = runQuery(index, { fleet: `arn:aws:gamelift:${expected[fleetRow].region}:1:fleet/${fleetId}` });
    assert.ok(byId.total > 0);
    assert.deepEqual(byArn.rows, byId.rows);
    assert.equal(runQuery(index, { fleet: 'fleet-unknown' }).total, 0);
  });

  it('orders by time in linear passes like a stable comparison sort (ties in input order, NaN last)', () => {
    const random = seededRandom(9);
    for (const n of [0, 1, 2, 17, 5000]) {
      const time = Float64Array.from({ length: n }, () => {
        const r = random();
        return r < 0.05
          ? Number.NaN
          : r < 0.1
            ? -5
            : Date.UTC(2026, 0, 1) + Math.floor(random() * 50) * 1000 * (r < 0.5 ? 1 : 3600);
      });
      const reference = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
        const ta = Number.isNaN(time[a]) ? Infinity : Math.max(0, time[a]);
        const tb = Number.isNaN(time[b]) ? Infinity : Math.max(0, time[b]);
        return ta - tb || a - b;
      });
      assert.deepEqual(Array.from(orderByTime(time)), reference, `n = ${n}`);
    }
  });
});
