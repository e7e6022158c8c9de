// The rest of the core's API: locate (hovers/links), semanticTokens, formatCloudTrail,
// lineColumn and LineIndex.

import * as assert from 'node:assert/strict';
import {
  LineIndex,
  formatCloudTrail,
  lineColumn,
  locate,
  semanticTokens,
  validateCloudTrail,
} from '../../../src/cloudtrail';
import { cleanRecord, recordsFile } from './helpers';

describe('CloudTrail locate', () => {
  const text = recordsFile([
    cleanRecord(),
    cleanRecord({
      eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8',
      eventName: 'DeleteFleet',
      requestParameters: { fleetId: 'fleet-9999bbbb-33cc-44dd-55ee-6666ffff77aa' },
      responseElements: null,
    }),
  ]);

  it('finds the value, key, path and record at an offset', () => {
    const off = text.indexOf('fleet-9999bbbb') + 3;
    const loc = locate(text, off)!;
    assert.deepEqual(loc.path, ['Records', 1, 'requestParameters', 'fleetId']);
    assert.equal(loc.key, 'fleetId');
    assert.equal(loc.value, 'fleet-9999bbbb-33cc-44dd-55ee-6666ffff77aa');
    assert.equal(text.slice(loc.valueStart, loc.valueEnd), '"fleet-9999bbbb-33cc-44dd-55ee-6666ffff77aa"');
    assert.equal(loc.record?.eventName, 'DeleteFleet');
    assert.equal(loc.record?.index, 1);
    assert.equal(loc.onKey, false);
  });

  it('knows when the offset is on a key, and uses the record list when given', () => {
    const off = text.indexOf('"eventSource"') + 2;
    const loc = locate(text, off, validateCloudTrail(text).records)!;
    assert.equal(loc.onKey, true);
    assert.equal(loc.key, 'eventSource');
    assert.equal(loc.value, 'gamelift.amazonaws.com');
    assert.deepEqual(loc.path, ['Records', 0, 'eventSource']);
    assert.equal(text.slice(loc.keyStart, loc.keyEnd), '"eventSource"');
  });

  it('works in arrays, single records and broken text; returns undefined outside', () => {
    const arr = JSON.stringify([cleanRecord()]);
    assert.deepEqual(locate(arr, arr.indexOf('us-west-2'))!.path, [0, 'awsRegion']);
    const single = JSON.stringify(cleanRecord(), null, 2);
    assert.deepEqual(locate(single, single.indexOf('UpdateFleetPortSettings'))!.path, ['eventName']);
    const broken = text.replace('"awsRegion": "us-west-2",', '"awsRegion": us-west-2",');
    assert.equal(locate(broken, broken.indexOf('us-west-2'))!.value, 'us-west-2');
    assert.equal(locate(text, text.length + 5), undefined);
  });
});

describe('CloudTrail semantic tokens', () => {
  it('marks keys and the interesting values', () => {
    const text = recordsFile([
      cleanRecord({
        errorCode: 'ThrottlingException',
        errorMessage: 'Rate exceeded',
        resources: [
          {
            ARN: 'arn:aws:gamelift:us-west-2:350421987654:fleet/fleet-1',
            accountId: '350421987654',
            type: 'AWS::GameLift::Fleet',
          },
        ],
      }),
    ]);
    const tokens = semanticTokens(text);
    const of = (type: string): string[] =>
      tokens.filter((t) => t.type === type).map((t) => text.slice(t.start, t.start + t.length));
    assert.deepEqual(of('eventName'), ['"UpdateFleetPortSettings"']);
    assert.deepEqual(of('eventSource'), ['"gamelift.amazonaws.com"']);
    assert.deepEqual(of('errorCode'), ['"ThrottlingException"']);
    assert.deepEqual(of('errorMessage'), ['"Rate exceeded"']);
    assert.deepEqual(of('ipAddress'), ['"198.51.100.7"']);
    assert.deepEqual(of('accessKeyId'), ['"AKIAJ45Q7YFFAREXMPLQ"']);
    assert.ok(of('arn').includes('"arn:aws:iam::350421987654:user/alice"'));
    assert.ok(of('arn').includes('"arn:aws:gamelift:us-west-2:350421987654:fleet/fleet-1"'));
    assert.equal(of('accountId').length, 3);
    assert.ok(of('key').includes('"eventTime"'));
  });

  it('limits tokens to the requested range', () => {
    const text = recordsFile([cleanRecord(), cleanRecord()]);
    const second = text.indexOf('"eventVersion"', text.indexOf('"eventVersion"') + 1);
    const tokens = semanticTokens(text, second, text.length);
    assert.ok(tokens.length > 0);
    assert.ok(tokens.every((t) => t.start >= second));
  });
});

describe('CloudTrail formatting', () => {
  it('pretty-prints compact JSON keeping numbers and escapes as written', () => {
    const compact = '{"Records":[{"a":1e999999,"b":"x\\u00e9\\n","c":[],"d":{},"e":[1,{"f":null}]}]}';
    const out = formatCloudTrail(compact, 2)!;
    assert.equal(
      out,
      '{\n  "Records": [\n    {\n      "a": 1e999999,\n      "b": "x\\u00e9\\n",\n      "c": [],\n      "d": {},\n      "e": [\n        1,\n        {\n          "f": null\n        }\n      ]\n    }\n  ]\n}\n',
    );
    assert.deepEqual(JSON.parse(formatCloudTrail(recordsFile([cleanRecord()], false))!), { Records: [cleanRecord()] });
  });

  it('returns undefined for text that is not JSON', () => {
    assert.equal(formatCloudTrail('{"Records":[}'), undefined);
  });
});

describe('CloudTrail line index', () => {
  it('converts offsets to 0-based line/column for \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    for (let i = 0; i <= text.length; i++) assert.deepEqual(idx.lineColumn(i), lineColumn(text, i), `offset ${i}`);
    assert.deepEqual(lineColumn(text, text.indexOf('gh') + 1), { line: 3, column: 1 });
    assert.deepEqual(lineColumn(text, text.indexOf('ef')), { line: 2, column: 0 });
    assert.equal(idx.offsetAt(2, 1), text.indexOf('ef') + 1);
    assert.equal(idx.lineCount, 4);
  });
});
