// The raw wire of the local endpoint: awsJson1_1 headers, epoch-second timestamps, __type
// errors, request IDs, unknown operations, wrong content types and bad JSON bodies.
import * as assert from 'node:assert/strict';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { rawCall } from './helpers';

describe('emulator wire protocol (awsJson1_1)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
  });
  after(() => emulator.stop());

  it('answers on 127.0.0.1 with JSON, a request ID and a Date header', async () => {
    assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await rawCall(emulator, { target: 'GameLift.ListFleets' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(res.headers.get('date'));
    assert.ok(Array.isArray(res.json().FleetIds));
  });

  it('writes timestamps as epoch seconds with a millisecond fraction', async () => {
    const res = await rawCall(emulator, {
      target: 'GameLift.DescribeFleetEvents',
      body: JSON.stringify({ FleetId: DEFAULT_FLEETS.failedActivation, Limit: 5 }),
    });
    assert.equal(res.status, 200);
    const events = res.json().Events as Array<Record<string, unknown>>;
    assert.equal(events.length, 5);
    for (const e of events) {
      assert.equal(typeof e.EventTime, 'number');
      const seconds = e.EventTime as number;
      // seconds, not milliseconds: within a day of now
      assert.ok(Math.abs(seconds - Date.now() / 1000) < 86_400, `EventTime ${seconds} is not epoch seconds near now`);
      assert.ok(Number.isInteger(Math.round(seconds * 1000)));
    }
    assert.ok(
      events.some((e) => !Number.isInteger(e.EventTime)),
      'some EventTime carries a fractional part',
    );
    const attrs = await rawCall(emulator, {
      target: 'GameLift.DescribeFleetAttributes',
      body: JSON.stringify({ FleetIds: [DEFAULT_FLEETS.busy] }),
    });
    assert.equal(typeof attrs.json().FleetAttributes[0].CreationTime, 'number');
  });

  it('accepts StartTime/EndTime as epoch-second numbers in requests', async () => {
    const end = Date.now() / 1000;
    const res = await rawCall(emulator, {
      target: 'GameLift.DescribeFleetEvents',
      body: JSON.stringify({ FleetId: DEFAULT_FLEETS.failedActivation, StartTime: end - 3600 * 2, EndTime: end }),
    });
    assert.equal(res.status, 200);
    for (const e of res.json().Events) assert.ok(e.EventTime >= end - 7200 && e.EventTime <= end);
  });

  it('sends errors with __type, message and x-amzn-ErrorType', async () => {
    const res = await rawCall(emulator, {
      target: 'GameLift.DescribeFleetEvents',
      body: JSON.stringify({ FleetId: 'fleet-00000000-0000-4000-8000-000000000000' }),
    });
    assert.equal(res.status, 400);
    const body = res.json();
    assert.equal(body.__type, 'NotFoundException');
    assert.match(body.message, /not found/);
    assert.match(res.headers.get('x-amzn-errortype') ?? '', /^NotFoundException(:|$)/);
    assert.ok(res.headers.get('x-amzn-requestid'));
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await rawCall(emulator, { target: 'GameLift.LaunchRockets' });
    assert.equal(res.status, 400);
    assert.equal(res.json().__type, 'UnknownOperationException');
    const other = await rawCall(emulator, { target: 'DynamoDB_20120810.ListTables' });
    assert.equal(other.json().__type, 'UnknownOperationException');
  });

  it('refuses a wrong content type and a body that is not JSON with SerializationException', async () => {
    const wrongType = await rawCall(emulator, { target: 'GameLift.ListFleets', contentType: 'application/json' });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.json().__type, 'SerializationException');
    const badJson = await rawCall(emulator, { target: 'GameLift.ListFleets', body: '{"Limit": ' });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.json().__type, 'SerializationException');
    const array = await rawCall(emulator, { target: 'GameLift.ListFleets', body: '[]' });
    assert.equal(array.json().__type, 'SerializationException');
  });

  it('refuses members of the wrong JSON type with SerializationException', async () => {
    const res = await rawCall(emulator, { target: 'GameLift.ListFleets', body: JSON.stringify({ Limit: 'ten' }) });
    assert.equal(res.status, 400);
    assert.equal(res.json().__type, 'SerializationException');
  });

  it('records every call with operation, status and the endpoint clock', async () => {
    emulator.resetRequests();
    await rawCall(emulator, { target: 'GameLift.ListFleets' });
    await rawCall(emulator, {
      target: 'GameLift.DescribeFleetEvents',
      body: JSON.stringify({ FleetId: 'fleet-missing' }),
    });
    assert.deepEqual(
      emulator.requests.map((r) => [r.operation, r.status, r.errorCode]),
      [
        ['ListFleets', 200, undefined],
        ['DescribeFleetEvents', 400, 'NotFoundException'],
      ],
    );
    assert.ok(emulator.requests.every((r) => Math.abs(r.at - Date.now()) < 60_000));
    assert.equal(emulator.requests[0].accountId, '111122223333');
    assert.equal(emulator.requests[0].region, 'us-west-2');
  });
});
