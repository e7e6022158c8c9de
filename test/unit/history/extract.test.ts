// The record finder: every file shape, each record's byte range parsing back to the record,
// damaged input keeping what came before, and the structural scan held to JSON.stringify.
import * as assert from 'node:assert/strict';
import { extractRecords, RecordEncoding } from '../../../src/history/extract';
import { skipValue } from '../../../src/history/jsonScan';
import { seededRandom } from '../../support/seededRandom';

type Found = { record: Record<string, unknown>; slice: string; encoding: RecordEncoding };

function extract(text: string | Buffer) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const found: Found[] = [];
  const outcome = extractRecords(bytes, (record, start, end, encoding) =>
    found.push({ record, slice: bytes.toString('utf8', start, end), encoding }),
  );
  return { found, outcome };
}

const rec = (name: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '1.11',
  eventTime: '2026-11-20T10:05:00Z',
  eventSource: 'gamelift.amazonaws.com',
  eventName: name,
  ...extra,
});

describe('history: finding records in a file', () => {
  it('reads a delivery and gives each record its exact byte range', () => {
    const records = [rec('CreateFleet', { note: 'ünï "quoted" }{ ][' }), rec('DeleteFleet')];
    const text = JSON.stringify({ Records: records });
    const { found, outcome } = extract(text);
    assert.deepEqual(outcome, { skipped: 0 });
    assert.deepEqual(
      found.map((f) => f.record),
      records,
    );
    for (const f of found) assert.deepEqual(JSON.parse(f.slice), f.record);
    assert.equal(found[0].slice, JSON.stringify(records[0]));
  });

  it('reads pretty deliveries with a byte order mark, arrays and single records', () => {
    const a = rec('A');
    const b = rec('B');
    assert.deepEqual(
      extract(`\ufeff${JSON.stringify({ Records: [a, b] }, null, 2)}`).found.map((f) => f.record),
      [a, b],
    );
    assert.deepEqual(
      extract(JSON.stringify([a, b], null, 1)).found.map((f) => f.record),
      [a, b],
    );
    assert.deepEqual(
      extract(JSON.stringify(a, null, 3)).found.map((f) => f.record),
      [a],
    );
  });

  it('reads JSON Lines of records and of whole deliveries (zcat of several files)', () => {
    const [a, b, c] = [rec('A'), rec('B'), rec('C')];
    const lines = `${JSON.stringify(a)}\n\n${JSON.stringify({ Records: [b] })}\r\n${JSON.stringify({ Records: [c] })}\n`;
    assert.deepEqual(
      extract(lines).found.map((f) => f.record),
      [a, b, c],
    );
  });

  it('takes the record from EventBridge envelopes (detail) with its own range', () => {
    const r = rec('UpdateFleetCapacity');
    const text = JSON.stringify({
      version: '0',
      'detail-type': 'AWS API Call via CloudTrail',
      source: 'aws.gamelift',
      detail: r,
    });
    const { found } = extract(text);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].record, r);
    assert.equal(found[0].slice, JSON.stringify(r));
  });

  it('reads lookup-events output: the record is the CloudTrailEvent string', () => {
    const r = rec('PutScalingPolicy', { requestParameters: { name: 'a"b\\c' } });
    const text = JSON.stringify(
      { Events: [{ EventId: 'x', CloudTrailEvent: JSON.stringify(r) }], NextToken: 't' },
      null,
      4,
    );
    const { found, outcome } = extract(text);
    assert.equal(outcome.skipped, 0);
    assert.equal(found.length, 1);
    assert.equal(found[0].encoding, RecordEncoding.JsonString);
    assert.deepEqual(found[0].record, r);
    assert.deepEqual(JSON.parse(JSON.parse(found[0].slice) as string), r);
  });

  it('keeps the records before damage and says where it starts', () => {
    const text = JSON.stringify({ Records: [rec('A'), rec('B'), rec('C')] });
    const { found, outcome } = extract(text.slice(0, text.length - 30));
    assert.deepEqual(
      found.map((f) => f.record.eventName),
      ['A', 'B'],
    );
    assert.match(outcome.damaged ?? '', /at byte \d+/);
  });

  it('skips values that are not records (or do not parse) and counts them', () => {
    const text = `[${JSON.stringify(rec('A'))}, 42, {"hello": "world"}, {"eventName": tru}]`;
    const { found, outcome } = extract(text);
    assert.deepEqual(
      found.map((f) => f.record.eventName),
      ['A'],
    );
    assert.equal(outcome.skipped, 3);
    assert.match(outcome.firstProblem ?? '', /not an object/);
  });

  it('reports text that is not JSON, and reads empty deliveries as no records', () => {
    assert.match(extract('hello').outcome.damaged ?? '', /not JSON/);
    assert.deepEqual(extract('{"Records":[]}'), { found: [], outcome: { skipped: 0 } });
    assert.deepEqual(extract('  \n'), { found: [], outcome: { skipped: 0 } });
  });

  it('skipValue ends every generated JSON value where JSON.stringify ends it', () => {
    const random = seededRandom(11);
    const strings = ['', 'a', '\\', '"', '\\"', 'ü', '✓', '\n', '}{][', '\u2028', '😀'];
    const gen = (depth: number): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3)
        return strings[Math.floor(random() * strings.length)] + String(Math.floor(random() * 9));
      if (r < 0.4) return Math.floor(random() * 1e6) / 100 - 50;
      if (r < 0.45) return [true, false, null][Math.floor(random() * 3)];
      if (r < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => gen(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, (_, i) => [strings[i % strings.length] + i, gen(depth + 1)]),
      );
    };
    for (let i = 0; i < 500; i++) {
      const value = gen(0);
      const text = JSON.stringify(value, null, i % 2 ? 2 : undefined);
      const bytes = Buffer.from(`${text} ,`);
      assert.equal(skipValue(bytes, 0), Buffer.byteLength(text), text);
    }
  });
});
