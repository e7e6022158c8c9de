// CloudTrail records carried inside JSON strings: `aws cloudtrail lookup-events` output (each
// event's record in the string CloudTrailEvent) and `_raw` exports. They are recognised, checked,
// listed, and each diagnostic is placed on the right characters inside the string.

import * as assert from 'node:assert/strict';
import { indexRecords, validateCloudTrail } from '../../../src/cloudtrail';
import { validateAndPosition } from '../../../src/cloudtrail/editor/worker/positionedResult';
import { recordAt } from '../../../src/cloudtrail/editor/worker/resultReader';
import { applyEdits, cleanRecord } from './helpers';

const id = (i: number): string => `5f1d3c2b-7a8e-4b9c-a0d1-${String(i).padStart(12, '0')}`;

/** What `aws cloudtrail lookup-events` prints: each record as JSON text in CloudTrailEvent. */
function lookupEvents(records: Array<Record<string, unknown>>, pretty = true): string {
  const events = records.map((r) => ({
    EventId: r.eventID,
    EventName: r.eventName,
    ReadOnly: 'false',
    EventTime: '2026-11-20T08:15:42+00:00',
    EventSource: r.eventSource,
    Username: 'alice',
    Resources: [],
    CloudTrailEvent: JSON.stringify(r),
  }));
  return JSON.stringify({ Events: events, NextToken: 'abc' }, null, pretty ? 4 : undefined);
}

describe('CloudTrail records inside strings', () => {
  // A user name (before eventTime in the record) that puts escapes of the document's string ahead
  // of the mistake: two-character ones (\" \\ \t, and \\u0001 for the record's own \u0001) and,
  // in the first test, six-character ones (é written \u00e9, as a JSON writer that keeps to ASCII
  // does). The diagnostic must move past each of them.
  const tricky = cleanRecord({
    eventID: id(2),
    eventTime: '2026-02-30T08:15:42Z',
  });
  tricky.userIdentity = {
    ...(tricky.userIdentity as object),
    userName: 'caf\u00e9 "quoted" \\ tab\t \u2028 \u0001 café',
  };
  const records = [cleanRecord({ eventID: id(1) }), tricky];

  it('checks lookup-events output and places each diagnostic inside its string', () => {
    const text = lookupEvents(records).replaceAll('\u00e9', '\\u00e9');
    assert.equal((text.match(/\\u00e9/g) ?? []).length, 2, 'six-character escapes before the mistake');
    const r = validateCloudTrail(text);
    assert.equal(r.format, 'lookup-events');
    assert.equal(r.embedded, true);
    assert.deepEqual(
      r.records.map((x) => x.eventName),
      ['UpdateFleetPortSettings', 'UpdateFleetPortSettings'],
    );
    const [d] = r.diagnostics;
    assert.deepEqual(
      r.diagnostics.map((x) => x.ruleId),
      ['event-time-invalid'],
    );
    assert.equal(text.slice(d.start, d.end), '\\"2026-02-30T08:15:42Z\\"');
    // The record's range is its string in the document.
    const second = r.records[1];
    assert.equal(text[second.start], '"');
    assert.equal(JSON.parse(text.slice(second.start, second.end)), JSON.stringify(tricky));
  });

  it('places a finding on a key and a fix inside the string, escaped for it', () => {
    const text = lookupEvents([cleanRecord({ eventID: id(3), readOnly: 'true' })], false);
    const [d] = validateCloudTrail(text).diagnostics;
    assert.equal(d.ruleId, 'field-type');
    assert.equal(text.slice(d.start, d.end), '\\"true\\"');
    const fixed = applyEdits(text, d.fixes![0].edits);
    const inner = JSON.parse(
      (JSON.parse(fixed) as { Events: Array<{ CloudTrailEvent: string }> }).Events[0].CloudTrailEvent,
    );
    assert.equal(inner.readOnly, true);
  });

  it('reads records wrapped in _raw, one per line or in an array', () => {
    const lines = records.map((r) =>
      JSON.stringify({ preview: false, result: { _raw: JSON.stringify(r), _time: 'x' } }),
    );
    const ndjson = validateCloudTrail(lines.join('\n'));
    assert.equal(ndjson.records.length, 2);
    assert.deepEqual(
      ndjson.diagnostics.map((x) => x.ruleId),
      ['event-time-invalid'],
    );
    const array = JSON.stringify(records.map((r) => ({ _raw: JSON.stringify(r), source: 'cloudtrail' })));
    const inArray = validateCloudTrail(array);
    assert.equal(inArray.records.length, 2);
    const [d] = inArray.diagnostics;
    assert.equal(array.slice(d.start, d.end), '\\"2026-02-30T08:15:42Z\\"');
  });

  it('reports a syntax error inside the string where it is', () => {
    const broken = JSON.stringify(cleanRecord({ eventID: id(4) })).replace(
      '"awsRegion":"us-west-2",',
      '"awsRegion":"us-west-2",,',
    );
    const text = JSON.stringify({ Events: [{ EventId: id(4), CloudTrailEvent: broken }] });
    const r = validateCloudTrail(text);
    const syntax = r.diagnostics.filter((x) => x.ruleId === 'syntax');
    assert.equal(syntax.length, 1);
    assert.equal(text.slice(syntax[0].start, syntax[0].end), ',');
    assert.equal(text[syntax[0].start - 1], ',', 'the second of the two commas');
    assert.equal(r.records.length, 1, 'the record is still checked');
  });

  it('lists the embedded records in the outline', () => {
    const text = lookupEvents(records);
    const placed = validateAndPosition(text, {});
    assert.equal(placed.recordCount, 2);
    const first = recordAt(placed, 0);
    assert.equal(first.eventName, 'UpdateFleetPortSettings');
    assert.equal(first.user, 'alice');
    const lines = text.split('\n');
    assert.ok(first.nameRange, 'the eventName inside the string is found');
    const [line, column, , endColumn] = first.nameRange;
    assert.equal(lines[line].slice(column, endColumn), '\\"UpdateFleetPortSettings\\"');
    const refs = indexRecords(text, validateCloudTrail(text).records).fleetRefs;
    assert.equal(refs.length, 4, 'the fleet ID in requestParameters and responseElements of both records');
    for (const ref of refs) assert.equal(text.slice(ref.start, ref.end), 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa');
  });
});
