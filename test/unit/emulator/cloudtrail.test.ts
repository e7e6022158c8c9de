// CloudTrail LookupEvents on the local endpoint, through the real @aws-sdk/client-cloudtrail and
// raw signed requests: both targets, the signing name, records that match the fleets, the
// single-attribute rule, MaxResults, time ranges, token rules and 2 calls per second.
import * as assert from 'node:assert/strict';
import {
  CloudTrailClient,
  LookupEventsCommand,
  paginateLookupEvents,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseSize, writeDeliveries } from '../../emulator/cloudtrail/deliveries';
import { DEFAULT_TEST_ACCOUNT, TEST_ACCOUNTS } from '../../emulator/credentials';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { rawCall, rejection } from './helpers';

const GAMELIFT = { AttributeKey: 'EventSource', AttributeValue: 'gamelift.amazonaws.com' } as const;

function cloudTrailClient(
  emulator: RunningEmulator,
  region = 'us-west-2',
  maxAttempts = 1,
  account = DEFAULT_TEST_ACCOUNT,
) {
  return new CloudTrailClient({
    endpoint: emulator.url,
    region,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    maxAttempts,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('emulator: CloudTrail LookupEvents', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let client: CloudTrailClient;

  beforeEach(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = cloudTrailClient(emulator);
  });
  afterEach(async () => {
    client.destroy();
    await emulator.stop();
  });

  /** All events of a lookup, page after page, spaced to stay under the rate limit. */
  async function lookupAll(input: LookupEventsCommandInput, c = client) {
    const events = [];
    for await (const page of paginateLookupEvents({ client: c, pageSize: 50 }, input)) {
      events.push(...(page.Events ?? []));
      await sleep(520);
    }
    return events;
  }

  it('answers both targets, signed for cloudtrail, with epoch-second times and the record as a JSON string', async () => {
    for (const target of [
      'CloudTrail_20131101.LookupEvents',
      'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
    ]) {
      const r = await rawCall(emulator, {
        target,
        service: 'cloudtrail',
        body: JSON.stringify({ LookupAttributes: [GAMELIFT], MaxResults: 3 }),
      });
      assert.equal(r.status, 200, r.text);
      const body = r.json();
      assert.equal(body.Events.length, 3);
      for (const e of body.Events) {
        assert.equal(typeof e.EventTime, 'number');
        assert.ok(e.EventTime > 1e9 && e.EventTime < 1e10, 'seconds, not ms');
        assert.equal(typeof e.CloudTrailEvent, 'string');
        const record = JSON.parse(e.CloudTrailEvent);
        assert.equal(record.eventID, e.EventId);
        assert.equal(Date.parse(record.eventTime) / 1000, e.EventTime);
        assert.ok(e.ReadOnly === 'true' || e.ReadOnly === 'false');
      }
      await sleep(1100);
    }
  });

  it('checks the SigV4 signing name of each service', async () => {
    const wrong = await rawCall(emulator, { target: 'CloudTrail_20131101.LookupEvents', service: 'gamelift' });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.json().__type, 'InvalidSignatureException');
    assert.match(wrong.json().message, /scoped to correct service: 'cloudtrail'/);
    const crossed = await rawCall(emulator, { target: 'GameLift.ListFleets', service: 'cloudtrail' });
    assert.equal(crossed.status, 403);
    assert.match(crossed.json().message, /'gamelift'/);
    const unknown = await rawCall(emulator, { target: 'CloudTrail_20131101.CreateTrail', service: 'cloudtrail' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json().__type, 'UnknownOperationException');
    const noTarget = await rawCall(emulator, { service: 'cloudtrail' });
    assert.equal(noTarget.json().__type, 'UnknownOperationException');
  });

  it('holds records consistent with the fleets: who created, scaled, updated and deleted them', async () => {
    const records = (await lookupAll({ LookupAttributes: [GAMELIFT] })).map((e) => JSON.parse(e.CloudTrailEvent!));
    const busy = emulator.state.getFleet(DEFAULT_FLEETS.busy)!;
    const created = records.filter(
      (r) => r.eventName === 'CreateFleet' && r.responseElements?.fleetAttributes?.fleetId === busy.fleetId,
    );
    assert.equal(created.length, 1);
    assert.equal(Date.parse(created[0].eventTime), Math.floor(busy.creationTime / 1000) * 1000);
    assert.equal(created[0].responseElements.fleetAttributes.fleetArn, busy.fleetArn);
    const scaled = records.filter(
      (r) => r.eventName === 'UpdateFleetCapacity' && r.requestParameters.fleetId === busy.fleetId,
    );
    assert.ok(
      scaled.some((r) => r.requestParameters.desiredInstances === 0),
      'someone scaled it to zero',
    );
    assert.ok(scaled.some((r) => r.errorCode === 'LimitExceededException' && r.responseElements === null));
    for (const name of ['UpdateFleetAttributes', 'UpdateRuntimeConfiguration', 'PutScalingPolicy'])
      assert.ok(
        records.some((r) => r.eventName === name && r.requestParameters.fleetId === busy.fleetId),
        name,
      );
    const deleted = records.filter((r) => r.eventName === 'DeleteFleet');
    assert.deepEqual(
      deleted.map((r) => r.requestParameters.fleetId),
      [DEFAULT_FLEETS.deleting],
    );
    for (const r of records) {
      assert.equal(r.awsRegion, 'us-west-2');
      assert.equal(r.recipientAccountId, DEFAULT_TEST_ACCOUNT.accountId);
      assert.equal(r.eventSource, 'gamelift.amazonaws.com');
      assert.equal(r.readOnly, !/^(Create|Update|Put|Delete)/.test(r.eventName));
    }
    // eu-west-1 has its own fleets' history; the other account its own.
    const eu = cloudTrailClient(emulator, 'eu-west-1');
    const qa = cloudTrailClient(emulator, 'us-west-2', 1, TEST_ACCOUNTS[1]);
    try {
      const euRecords = (await lookupAll({ LookupAttributes: [GAMELIFT] }, eu)).map((e) =>
        JSON.parse(e.CloudTrailEvent!),
      );
      assert.ok(euRecords.some((r) => r.responseElements?.fleetAttributes?.fleetId === DEFAULT_FLEETS.euActive));
      assert.ok(euRecords.every((r) => r.awsRegion === 'eu-west-1'));
      const qaRecords = (await lookupAll({ LookupAttributes: [GAMELIFT] }, qa)).map((e) =>
        JSON.parse(e.CloudTrailEvent!),
      );
      assert.ok(qaRecords.every((r) => r.recipientAccountId === TEST_ACCOUNTS[1].accountId));
    } finally {
      eu.destroy();
      qa.destroy();
    }
  });

  it('pages newest first without repeats, filtered by the one attribute and the time range', async () => {
    const all = await lookupAll({});
    const gamelift = await lookupAll({ LookupAttributes: [GAMELIFT] });
    assert.ok(all.length > gamelift.length, 'other services are in the history too');
    assert.deepEqual(
      gamelift.map((e) => e.EventId),
      all.filter((e) => e.EventSource === 'gamelift.amazonaws.com').map((e) => e.EventId),
    );
    const ids = new Set(all.map((e) => e.EventId));
    assert.equal(ids.size, all.length);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].EventTime! >= all[i].EventTime!);
    const names = await lookupAll({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'DeleteFleet' }] });
    assert.deepEqual([...new Set(names.map((e) => e.EventName))], ['DeleteFleet']);
    const mid = gamelift[Math.floor(gamelift.length / 2)].EventTime!;
    const older = await lookupAll({ LookupAttributes: [GAMELIFT], EndTime: mid });
    assert.ok(older.length > 0 && older.every((e) => e.EventTime! <= mid));
    assert.ok(
      older.some((e) => e.EventTime!.getTime() === mid.getTime()),
      'EndTime is inclusive',
    );
  });

  it('refuses two lookup attributes, MaxResults outside 1–50, bad categories and reversed ranges', async () => {
    const cases: Array<[LookupEventsCommandInput, string]> = [
      [
        { LookupAttributes: [GAMELIFT, { AttributeKey: 'ReadOnly', AttributeValue: 'false' }] },
        'InvalidLookupAttributesException',
      ],
      [{ MaxResults: 51 }, 'InvalidMaxResultsException'],
      [{ MaxResults: 0 }, 'InvalidMaxResultsException'],
      [{ EventCategory: 'management' as never }, 'InvalidEventCategoryException'],
      [{ StartTime: new Date(2026, 1, 2), EndTime: new Date(2026, 1, 1) }, 'InvalidTimeRangeException'],
    ];
    for (const [input, code] of cases) {
      const r = await rejection(client.send(new LookupEventsCommand(input)));
      assert.equal(r.name, code, JSON.stringify(input));
      assert.equal(r.status, 400);
      await sleep(520);
    }
  });

  it('takes a NextToken only with identical parameters', async () => {
    const first = await client.send(new LookupEventsCommand({ LookupAttributes: [GAMELIFT], MaxResults: 5 }));
    assert.ok(first.NextToken);
    await sleep(520);
    const same = await client.send(
      new LookupEventsCommand({ LookupAttributes: [GAMELIFT], MaxResults: 5, NextToken: first.NextToken }),
    );
    assert.notEqual(same.Events![0].EventId, first.Events![0].EventId);
    await sleep(520);
    for (const changed of [
      { LookupAttributes: [GAMELIFT], MaxResults: 6 },
      { LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'ec2.amazonaws.com' }], MaxResults: 5 },
      { LookupAttributes: [GAMELIFT], MaxResults: 5, StartTime: new Date(Date.now() - 3600_000) },
    ] as LookupEventsCommandInput[]) {
      const r = await rejection(client.send(new LookupEventsCommand({ ...changed, NextToken: first.NextToken })));
      assert.equal(r.name, 'InvalidNextTokenException', JSON.stringify(changed));
      await sleep(520);
    }
    const forged = await rejection(
      client.send(new LookupEventsCommand({ LookupAttributes: [GAMELIFT], NextToken: 'abc.def' })),
    );
    assert.equal(forged.name, 'InvalidNextTokenException');
  });

  it('throttles a third call within a second per account and Region', async () => {
    const call = (c: CloudTrailClient) => c.send(new LookupEventsCommand({ MaxResults: 1 }));
    await call(client);
    await call(client);
    const third = await rejection(call(client));
    assert.equal(third.name, 'ThrottlingException');
    assert.match(third.message, /Rate exceeded/);
    const eu = cloudTrailClient(emulator, 'eu-west-1');
    try {
      await call(eu); // another Region has its own limit
    } finally {
      eu.destroy();
    }
    await sleep(1050);
    await call(client);
    // The SDK retries throttling with backoff, so a client with retries gets through.
    const patient = cloudTrailClient(emulator, 'us-west-2', 5);
    try {
      await Promise.all([call(patient), call(patient), call(patient)]);
    } finally {
      patient.destroy();
    }
    assert.ok(emulator.requests.filter((r) => r.errorCode === 'ThrottlingException').length >= 2);
  });

  it('denies the call when the accessDenied fault is set, naming cloudtrail:LookupEvents', async () => {
    emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['LookupEvents'] }] });
    const r = await rejection(client.send(new LookupEventsCommand({})));
    assert.equal(r.name, 'AccessDeniedException');
    assert.match(r.message, /not authorized to perform: cloudtrail:LookupEvents/);
  });

  it('records a fleet call made through the control path, then LookupEvents shows it first', async () => {
    const post = (body: unknown) =>
      fetch(`${emulator.url}/__emulator/cloudtrail/calls`, { method: 'POST', body: JSON.stringify(body) });
    const bad = await post({ fleetId: DEFAULT_FLEETS.busy, call: 'explode' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /scale \| updateAttributes/);
    const made = await post({ fleetId: DEFAULT_FLEETS.busy, call: 'scale', value: 0, user: 'carol' });
    assert.equal(made.status, 200);
    const out = await client.send(new LookupEventsCommand({ LookupAttributes: [GAMELIFT], MaxResults: 1 }));
    const newest = out.Events![0];
    assert.equal(newest.EventName, 'UpdateFleetCapacity');
    assert.equal(newest.Username, 'carol');
    const record = JSON.parse(newest.CloudTrailEvent!);
    assert.deepEqual(record.requestParameters, {
      fleetId: DEFAULT_FLEETS.busy,
      desiredInstances: 0,
      minSize: 0,
      maxSize: 10,
    });
    const listed = (await (
      await fetch(`${emulator.url}/__emulator/cloudtrail?accountId=${DEFAULT_TEST_ACCOUNT.accountId}&region=us-west-2`)
    ).json()) as { events: Array<{ eventId: string }> };
    assert.equal(listed.events[0].eventId, newest.EventId);
  });

  it('records each call with its service and operation', async () => {
    await client.send(new LookupEventsCommand({ MaxResults: 1 }));
    const last = emulator.requests[emulator.requests.length - 1];
    assert.equal(last.service, 'CloudTrail');
    assert.equal(last.operation, 'LookupEvents');
    assert.equal(last.status, 200);
  });
});

describe('emulator: CloudTrail delivery generator', () => {
  let dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'deliveries-'));
    dirs.push(d);
    return d;
  };
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  it('writes the S3 layout and file names of a trail bucket, one gzip line per file', () => {
    const dir = tmp();
    const trail = writeDeliveries({ dir, records: 900, seed: 4 });
    assert.equal(trail.records, 900);
    let records = 0;
    for (const file of trail.files) {
      const rel = relative(dir, file).split(sep);
      const [awsLogs, account, cloudTrail, region, y, m, d, name] = rel;
      assert.equal(rel.length, 8);
      assert.equal(awsLogs, 'AWSLogs');
      assert.equal(cloudTrail, 'CloudTrail');
      // AWS's own parser filters delivery files with this pattern (aws-cloudtrail-processing-library).
      assert.match(name, /^.+_CloudTrail_[\w-]+_\d{8}T\d{4}Z_\w+\.json\.gz$/);
      assert.ok(name.startsWith(`${account}_CloudTrail_${region}_${y}${m}${d}T`), name);
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      assert.equal(text.indexOf('\n'), text.length - 1, 'one line');
      const [, hh, mm] = /T(\d{2})(\d{2})Z_/.exec(name)!;
      const delivered = Date.UTC(+y, +m - 1, +d, +hh, +mm);
      for (const r of JSON.parse(text).Records) {
        assert.equal(r.recipientAccountId, account);
        assert.equal(r.awsRegion, region);
        assert.ok(Date.parse(r.eventTime) < delivered, 'delivered after the calls');
        assert.ok(Date.parse(r.eventTime) > delivered - 15 * 60_000, 'within minutes');
        records++;
      }
    }
    assert.equal(records, 900);
  });

  it('is deterministic for a seed and stops at a size', () => {
    const [a, b] = [tmp(), tmp()];
    const first = writeDeliveries({ dir: a, bytes: 300_000, seed: 9 });
    const second = writeDeliveries({ dir: b, bytes: 300_000, seed: 9 });
    assert.deepEqual(
      first.files.map((f) => relative(a, f)),
      second.files.map((f) => relative(b, f)),
    );
    for (let i = 0; i < first.files.length; i++)
      assert.deepEqual(readFileSync(first.files[i]), readFileSync(second.files[i]));
    assert.ok(first.bytes >= 300_000 && first.bytes < 400_000, String(first.bytes));
    assert.equal(parseSize('1GB'), 1e9);
    assert.equal(parseSize('2.5MiB'), 2.5e6);
    assert.equal(parseSize('lots'), undefined);
  });
});
