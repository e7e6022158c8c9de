// Syntax errors: one diagnostic each, at the exact place, with a readable message and a quick
// fix that gives valid JSON; the records after the error are still checked. Also the formats
// (Records object, array, single record, JSON lines, EventBridge) and hostile inputs.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexRecords, reindexRecord, validateCloudTrail, type CtDiagnostic } from '../../../src/cloudtrail';
import { applyEdits, cleanRecord, pos, recordsFile } from './helpers';
import { CORPUS_DIR as corpus } from '../../support/cloudtrailCorpus';

/** A file of three records whose third has a rule finding (eventTime not a real date). */
function threeRecords(): string {
  return recordsFile([
    cleanRecord(),
    cleanRecord({
      eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8',
      eventName: 'DescribeFleetAttributes',
      requestParameters: { fleetIds: ['fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa'] },
      responseElements: null,
    }),
    cleanRecord({ eventID: '7a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8', eventTime: '2026-02-30T10:00:00Z' }),
  ]);
}

function syntaxOf(text: string): CtDiagnostic[] {
  return validateCloudTrail(text).diagnostics.filter((d) => d.ruleId === 'syntax');
}

function laterRecordStillChecked(text: string): void {
  const r = validateCloudTrail(text);
  assert.ok(
    r.diagnostics.some((d) => d.ruleId === 'event-time-invalid'),
    'the finding in the third record is still reported',
  );
  assert.equal(r.records.length, 3);
}

function fixGivesValidJson(text: string, d: CtDiagnostic): string {
  assert.ok(d.fixes && d.fixes.length > 0, 'has a quick fix');
  const fixed = applyEdits(text, d.fixes[0].edits);
  assert.doesNotThrow(() => JSON.parse(fixed), 'fixed text parses');
  return fixed;
}

describe('CloudTrail syntax recovery', () => {
  it('missing opening quote: exact range, message, fix, later records checked', () => {
    const good = threeRecords();
    const text = good.replace('"accessKeyId": "AKIAJ45Q7YFFAREXMPLQ"', '"accessKeyId": AKIAJ45Q7YFFAREXMPLQ"');
    const [d, ...rest] = syntaxOf(text);
    assert.equal(rest.length, 0, 'one diagnostic');
    assert.equal(d.message, 'This value is missing its opening quote');
    assert.equal(d.start, text.indexOf('AKIAJ45Q7YFFAREXMPLQ"'));
    assert.equal(text.slice(d.start, d.end), 'AKIAJ45Q7YFFAREXMPLQ"');
    assert.equal(d.fixes![0].isPreferred, true);
    assert.equal(fixGivesValidJson(text, d), good);
    laterRecordStillChecked(text);
  });

  it('trailing comma before ] and before }', () => {
    const good = threeRecords();
    const text = good.replace(/}\n\s*\]\n}$/, '},\n  ]\n}');
    const [d] = syntaxOf(text);
    assert.match(d.message, /Trailing comma/);
    assert.equal(text[d.start], ',');
    assert.equal(pos(text, d.start), pos(text, text.lastIndexOf(',')));
    fixGivesValidJson(text, d);
    laterRecordStillChecked(text);

    const obj = good.replace('"eventCategory": "Management"\n    }', '"eventCategory": "Management",\n    }');
    const [d2] = syntaxOf(obj);
    assert.match(d2.message, /Trailing comma: no member follows/);
    fixGivesValidJson(obj, d2);
    laterRecordStillChecked(obj);
  });

  it('missing comma between records and between members', () => {
    const good = threeRecords();
    const between = good.replace('\n    },\n    {', '\n    }\n    {');
    const ds = syntaxOf(between);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].message, 'Expected a comma between records');
    assert.equal(ds[0].fixes![0].edits[0].newText, ',');
    assert.equal(fixGivesValidJson(between, ds[0]), good);
    laterRecordStillChecked(between);

    const member = good.replace('"awsRegion": "us-west-2",', '"awsRegion": "us-west-2"');
    const [m] = syntaxOf(member);
    assert.equal(m.message, 'Expected a comma between members');
    assert.equal(fixGivesValidJson(member, m), good);
    laterRecordStillChecked(member);
  });

  it('unterminated string ends at the line break', () => {
    const good = threeRecords();
    const text = good.replace('"userName": "alice"', '"userName": "alice');
    const [d, ...rest] = syntaxOf(text);
    assert.equal(rest.length, 0);
    assert.match(d.message, /not closed/);
    assert.equal(text.slice(d.start, d.end), '"alice');
    assert.equal(fixGivesValidJson(text, d), good);
    laterRecordStillChecked(text);
  });

  it('stray characters are reported once and removed by the fix', () => {
    const good = threeRecords();
    const text = good.replace('"awsRegion": "us-west-2",', '"awsRegion": "us-west-2",\n      #');
    const [d, ...rest] = syntaxOf(text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(d.start, d.end), '#');
    assert.equal(fixGivesValidJson(text, d).replace(/\n\s*\n/g, '\n'), good);
    laterRecordStillChecked(text);
  });

  it('a truncated file is one diagnostic whose fix closes what is open', () => {
    const good = recordsFile([cleanRecord()], false);
    const cut = good.slice(0, good.indexOf('"awsRegion":"us-west-2"') + '"awsRegion":"us-west-2"'.length);
    const ds = syntaxOf(cut);
    assert.equal(ds.length, 1);
    assert.match(ds[0].message, /truncated/);
    assert.equal(ds[0].end, cut.length);
    const fixed = fixGivesValidJson(cut, ds[0]);
    assert.ok(fixed.endsWith('}]}'));
    // In the middle of a string too.
    const inString = good.slice(0, good.indexOf('us-west-2') + 3);
    const [s] = syntaxOf(inString);
    fixGivesValidJson(inString, s);
  });

  it('reports text after the end of the document', () => {
    const text = recordsFile([cleanRecord()]) + '\n}';
    const [d] = syntaxOf(text);
    assert.equal(d.message, 'Unexpected text after the end of the JSON document');
    fixGivesValidJson(text, d);
  });

  it('reports unquoted names, missing colons, single-case literals, NUL in strings', () => {
    const base = recordsFile([cleanRecord()]);
    const cases: Array<[string, RegExp]> = [
      [base.replace('"awsRegion":', 'awsRegion:'), /Property names must be in double quotes/],
      [base.replace('"awsRegion": "us-west-2"', '"awsRegion" "us-west-2"'), /Expected a colon/],
      [base.replace('"readOnly": false', '"readOnly": False'), /JSON literals are lower-case/],
      [
        base.replace('"eventName": "UpdateFleetPortSettings"', '"eventName": "UpdateFleet\u0000PortSettings"'),
        /may not contain a NUL/,
      ],
    ];
    for (const [text, re] of cases) {
      const ds = syntaxOf(text);
      assert.equal(ds.length, 1, `one diagnostic for ${re}`);
      assert.match(ds[0].message, re);
      if (ds[0].fixes) fixGivesValidJson(text, ds[0]);
    }
  });

  it('never throws on hostile input and keeps every range inside the text', () => {
    const inputs = [
      '',
      '\uFEFF' + recordsFile([cleanRecord()]),
      '['.repeat(100_000),
      '{"a":'.repeat(100_000),
      '['.repeat(100_000) + ']'.repeat(100_000),
      `{"Records":[${JSON.stringify(cleanRecord({ additionalEventData: { big: 'x'.repeat(10_000_000) } }))}]}`,
      `{"Records":[${JSON.stringify(cleanRecord({ additionalEventData: { n: 1 } })).replace('"n":1', '"n":1e999999')}]}`,
      '{"Records":["\uD800\uDC00\uDFFF\uD800"]}',
      '\u0000\u0000\u0000',
      '{"Records":[{"eventVersion":"1.08"\u0000}]}',
    ];
    for (const text of inputs) {
      const r = validateCloudTrail(text);
      for (const d of r.diagnostics)
        assert.ok(d.start >= 0 && d.end <= text.length && d.start <= d.end, `range inside (${text.slice(0, 20)})`);
    }
    const bom = validateCloudTrail(inputs[1]);
    assert.equal(bom.diagnostics.length, 0, 'a BOM is accepted');
    assert.ok(validateCloudTrail(inputs[2]).diagnostics.some((d) => d.ruleId === 'max-depth'));
  });
});

describe('CloudTrail formats', () => {
  const r1 = cleanRecord();
  const r2 = cleanRecord({ eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8' });
  it('detects Records object, bare array, single record, JSON lines, EventBridge', () => {
    assert.equal(validateCloudTrail(recordsFile([r1, r2])).format, 'records-object');
    assert.equal(validateCloudTrail(JSON.stringify([r1, r2])).format, 'records-array');
    assert.equal(validateCloudTrail(JSON.stringify(r1, null, 2)).format, 'single-record');
    const nd = validateCloudTrail(`${JSON.stringify(r1)}\n${JSON.stringify(r2)}\n`);
    assert.equal(nd.format, 'ndjson');
    assert.equal(nd.records.length, 2);
    const eb = validateCloudTrail(
      JSON.stringify(
        { version: '0', id: 'x', 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.gamelift', detail: r1 },
        null,
        2,
      ),
    );
    assert.equal(eb.format, 'single-record');
    assert.equal(eb.eventBridge, true);
    assert.equal(eb.records.length, 1);
    const late = validateCloudTrail(JSON.stringify({ kind: 'export', Records: [r1, r2] }));
    assert.equal(late.format, 'records-object');
    assert.equal(late.records.length, 2);
  });

  it('summarises records for the outline and finds fleet references', () => {
    const text = recordsFile([r1, r2]);
    const r = validateCloudTrail(text);
    const index = indexRecords(text, r.records);
    assert.equal(r.records[0].eventName, 'UpdateFleetPortSettings');
    assert.equal(r.records[0].user, 'alice');
    assert.equal(text.slice(index.names[0], index.names[1]), '"UpdateFleetPortSettings"');
    assert.equal(text[r.records[1].start], '{');
    assert.equal(text[r.records[1].end - 1], '}');
    assert.equal(index.fleetRefs.length, 4);
    for (const f of index.fleetRefs) assert.equal(text.slice(f.start, f.end), f.fleetId);
    const arnText = recordsFile([
      cleanRecord({
        requestParameters: {
          fleetId: 'arn:aws:gamelift:eu-west-1:350421987654:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
        },
      }),
    ]);
    const arn = indexRecords(arnText, validateCloudTrail(arnText).records);
    assert.equal(arn.fleetRefs[0].fleetId, 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa');
    assert.equal(arn.fleetRefs[0].arnRegion, 'eu-west-1');
  });
});

describe('record index after an edit inside one record', () => {
  it('re-indexes only that record and gives what indexing the new text gives', () => {
    const records = [0, 1, 2].map((i) =>
      cleanRecord({
        eventID: `${i}0000000-1111-4222-8333-444455556666`,
        requestParameters: { fleetId: `fleet-${i}1111111-2222-3333-4444-555566667777` },
      }),
    );
    const before = recordsFile(records);
    const index = indexRecords(before, validateCloudTrail(before).records);
    // Record 1 grows (a longer fleet ID): record 2's entries move.
    const at = before.indexOf('fleet-11111111');
    const after = before.slice(0, at) + 'fleet-1111111100000000' + before.slice(at + 'fleet-11111111'.length);
    const result = validateCloudTrail(after);
    const again = reindexRecord(index, after, result.records, 1, after.length - before.length);
    assert.deepEqual(again, indexRecords(after, result.records));
    const order = again.fleetRefs.map((f) => f.record ?? -1);
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'in record order',
    );
    assert.ok(
      again.fleetRefs.some(
        (f) => f.record === 1 && after.slice(f.start, f.end) === 'fleet-1111111100000000-2222-3333-4444-555566667777',
      ),
    );
    assert.ok(
      again.fleetRefs.some(
        (f) => f.record === 2 && after.slice(f.start, f.end) === 'fleet-21111111-2222-3333-4444-555566667777',
      ),
      'the next record moved',
    );
  });
});

describe('GameLift developer guide CloudTrail example', () => {
  const text = readFileSync(
    join(corpus, 'awsdocs', 'amazon-gamelift-developer-guide', 'logging-using-cloudtrail__1.json'),
    'utf8',
  );

  it('finds the missing quote at line 10, column 32 and the trailing comma at line 86', () => {
    const r = validateCloudTrail(text);
    const syntax = r.diagnostics.filter((d) => d.ruleId === 'syntax');
    assert.equal(syntax.length, 2);
    assert.equal(pos(text, syntax[0].start), '10:32');
    assert.equal(syntax[0].message, 'This value is missing its opening quote');
    assert.equal(text.slice(syntax[1].start, syntax[1].end), ',');
    assert.equal(pos(text, syntax[1].start).split(':')[0], '86');
    assert.match(syntax[1].message, /Trailing comma/);
  });

  it('still checks both records (CreateFleet, DescribeFleetAttributes) and their placeholders', () => {
    const r = validateCloudTrail(text);
    assert.deepEqual(
      r.records.map((x) => x.eventName),
      ['CreateFleet', 'DescribeFleetAttributes'],
    );
    const placeholders = r.diagnostics.filter((d) => d.ruleId === 'placeholder');
    assert.ok(
      placeholders.some((d) => pos(text, d.start).startsWith('67:')),
      'the second record is checked',
    );
    assert.ok(placeholders.every((d) => d.severity === 'hint'));
    assert.equal(indexRecords(text, r.records).fleetRefs.length, 2);
  });

  it('both quick fixes together give valid JSON with two records and no errors', () => {
    const syntax = validateCloudTrail(text).diagnostics.filter((d) => d.ruleId === 'syntax');
    const fixed = applyEdits(
      text,
      syntax.flatMap((d) => d.fixes![0].edits),
    );
    assert.equal((JSON.parse(fixed) as { Records: unknown[] }).Records.length, 2);
    assert.equal(validateCloudTrail(fixed).diagnostics.filter((d) => d.severity === 'error').length, 0);
  });
});
