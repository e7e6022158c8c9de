// Detection heuristics on heads of real corpus files and on look-alikes that must not match.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectCloudTrail,
  isCloudTrailFileName,
  DETECTION_HEAD_LENGTH,
} from '../../../src/cloudtrail/editor/detectCloudTrail';
import { CORPUS_DIR as corpus } from '../../support/cloudtrailCorpus';

const record = {
  eventVersion: '1.08',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012' },
  eventTime: '2024-05-01T10:00:00Z',
  eventSource: 'gamelift.amazonaws.com',
  eventName: 'DescribeFleetAttributes',
  awsRegion: 'us-west-2',
  sourceIPAddress: '203.0.113.7',
  requestParameters: { fleetIds: ['fleet-1234'] },
  responseElements: null,
  eventID: '3f1d2c4b-1111-2222-3333-444455556666',
  eventType: 'AwsApiCall',
};

describe('cloudtrail editor: detectCloudTrail', () => {
  it('recognises a Records object, compact and pretty, with or without a BOM', () => {
    assert.equal(detectCloudTrail(JSON.stringify({ Records: [record] })), 'records-object');
    assert.equal(detectCloudTrail(JSON.stringify({ Records: [record] }, null, 2)), 'records-object');
    assert.equal(detectCloudTrail('\ufeff{"Records":[]}'), 'records-object');
  });

  it('recognises Records that is not the first member', () => {
    assert.equal(detectCloudTrail('{"note": "x", "Records": [ ]}'), 'records-object');
  });

  it('recognises a bare array of records, a single record and ndjson', () => {
    assert.equal(detectCloudTrail(JSON.stringify([record, record], null, 2)), 'records-array');
    assert.equal(detectCloudTrail(JSON.stringify(record, null, 4)), 'single-record');
    assert.equal(detectCloudTrail(`${JSON.stringify(record)}\n${JSON.stringify(record)}\n`), 'ndjson');
  });

  it('works on a head cut in the middle of a value', () => {
    const text = JSON.stringify([record, record], null, 2);
    const cut = text.slice(0, text.indexOf('"eventType"') + 5);
    assert.equal(detectCloudTrail(cut), 'records-array');
    assert.equal(detectCloudTrail(text.slice(0, 3)), undefined);
  });

  it('reads only the top level of the first record (nested look-alikes do not count)', () => {
    const envelope = { version: '0', 'detail-type': 'AWS API Call via CloudTrail', detail: record };
    assert.equal(detectCloudTrail(JSON.stringify(envelope, null, 2)), undefined);
    assert.equal(
      detectCloudTrail(JSON.stringify({ config: { eventVersion: '1', eventTime: 'x', eventName: 'y' } })),
      undefined,
    );
  });

  it('leaves ordinary JSON alone', () => {
    for (const text of [
      '{"name": "my-extension", "version": "1.0.0", "scripts": {}}',
      '[1, 2, 3]',
      '[]',
      '{}',
      '',
      'not json',
      '{"Records": 5}',
      '[{"eventName": "x"}]',
    ]) {
      assert.equal(detectCloudTrail(text), undefined, text);
    }
  });

  it('recognises records carried in strings: lookup-events output and _raw exports', () => {
    const inner = JSON.stringify(record);
    assert.equal(
      detectCloudTrail(JSON.stringify({ Events: [{ EventId: 'x', CloudTrailEvent: inner }] }, null, 4)),
      'lookup-events',
    );
    assert.equal(detectCloudTrail(JSON.stringify({ preview: false, result: { _raw: inner } })), 'single-record');
    assert.equal(detectCloudTrail(JSON.stringify([{ _raw: inner, _time: 'x' }])), 'records-array');
    assert.equal(detectCloudTrail(JSON.stringify({ Events: [{ EventId: 'x', Name: 'y' }] })), undefined);
    assert.equal(detectCloudTrail(JSON.stringify([{ _raw: 'GET /index.html 200' }])), undefined);
  });

  it('looks no further than the detection head', () => {
    const padding = ' '.repeat(DETECTION_HEAD_LENGTH);
    assert.equal(detectCloudTrail(padding + JSON.stringify({ Records: [] })), undefined);
  });

  it('recognises the corpus files in their published shapes', () => {
    const expected: Record<string, string> = {
      'Records-object': 'records-object',
      'json-array': 'records-array',
      'single-record': 'single-record',
      ndjson: 'ndjson',
    };
    const rows = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; format: string; strict_json: boolean });
    let checked = 0;
    for (const row of rows) {
      const shape = Object.keys(expected).find((k) => row.format.startsWith(k));
      if (!shape || !row.strict_json) continue;
      const head = readFileSync(join(corpus, row.file), 'utf8').slice(0, DETECTION_HEAD_LENGTH);
      const got = detectCloudTrail(head);
      // Sanitised fixtures sometimes drop most fields; every detected shape must still be the right one.
      if (got !== undefined) assert.equal(got, expected[shape], row.file);
      if (got === expected[shape]) checked++;
    }
    assert.ok(checked >= 20, `recognised ${checked} corpus files`);
  });
});

describe('cloudtrail editor: isCloudTrailFileName', () => {
  it('accepts S3 delivery names and *.cloudtrail.json', () => {
    assert.ok(isCloudTrailFileName('111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz'));
    assert.ok(
      isCloudTrailFileName(
        '/logs/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json',
      ),
    );
    assert.ok(isCloudTrailFileName('C:\\logs\\prod.cloudtrail.json'));
  });

  it('rejects digest files and unrelated names', () => {
    assert.ok(
      !isCloudTrailFileName('111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20150801T021000Z.json.gz'),
    );
    assert.ok(!isCloudTrailFileName('package.json'));
    assert.ok(!isCloudTrailFileName('CloudTrail.json'));
  });
});

describe('cloudtrail editor: corpus sanity', () => {
  it('has the trailscraper delivery pair', () => {
    assert.ok(readdirSync(join(corpus, 'trailscraper')).some((f) => isCloudTrailFileName(f)));
  });
});
