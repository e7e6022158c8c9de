// Fault knobs through the real SDK: each one yields the error AWS would give, or a successful
// SDK retry when the fault runs out first (maxAttempts controls which). Count-based rules
// decrement per matching request; rules can be scoped to operations and fleets.
import { DescribeFleetEventsCommand, type GameLiftClient, ListFleetsCommand } from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import { parseFaultShorthand } from '../../emulator/faults';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor, rejection } from './helpers';

const FLEET = DEFAULT_FLEETS.failedActivation;
const events = (client: GameLiftClient, fleetId: string = FLEET) =>
  client.send(new DescribeFleetEventsCommand({ FleetId: fleetId, Limit: 3 }));

describe('emulator faults', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.setFaults({});
    emulator.resetRequests();
  });
  const statuses = () => emulator.requests.map((r) => [r.status, r.errorCode]);

  it('throttles N times, then the SDK retry succeeds', async () => {
    emulator.setFaults({ rules: [{ kind: 'throttle', times: 2 }] });
    const out = await events(clientFor(emulator, { maxAttempts: 3 }));
    assert.equal(out.Events?.length, 3);
    assert.deepEqual(statuses(), [
      [400, 'ThrottlingException'],
      [400, 'ThrottlingException'],
      [200, undefined],
    ]);
    assert.deepEqual(emulator.getFaults().rules, [], 'a spent rule disappears');
  });

  it('throttles forever with ThrottlingException "Rate exceeded" once retries run out', async () => {
    emulator.setFaults({ rules: [{ kind: 'throttle' }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 2 })));
    assert.equal(failure.name, 'ThrottlingException');
    assert.equal(failure.status, 400);
    assert.equal(failure.message, 'Rate exceeded');
    assert.equal(failure.attempts, 2);
    assert.equal(emulator.requests.length, 2);
  });

  it('sends LimitExceededException, which the SDK also retries', async () => {
    emulator.setFaults({ rules: [{ kind: 'limitExceeded', times: 1 }] });
    await events(clientFor(emulator, { maxAttempts: 2 }));
    assert.deepEqual(statuses(), [
      [400, 'LimitExceededException'],
      [200, undefined],
    ]);
    emulator.setFaults({ rules: [{ kind: 'limitExceeded' }] });
    assert.equal((await rejection(events(clientFor(emulator, { maxAttempts: 1 })))).name, 'LimitExceededException');
  });

  it('sends InternalServiceException (500) N times', async () => {
    emulator.setFaults({ rules: [{ kind: 'internalError', times: 1 }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 1 })));
    assert.equal(failure.name, 'InternalServiceException');
    assert.equal(failure.status, 500);
    // the rule is spent: the next call succeeds
    assert.equal((await events(clientFor(emulator, { maxAttempts: 1 }))).Events?.length, 3);
    emulator.setFaults({ rules: [{ kind: 'internalError', times: 2 }] });
    emulator.resetRequests();
    await events(clientFor(emulator, { maxAttempts: 3 }));
    assert.deepEqual(statuses(), [
      [500, 'InternalServiceException'],
      [500, 'InternalServiceException'],
      [200, undefined],
    ]);
  });

  it('sends a malformed JSON body that the SDK cannot parse', async () => {
    emulator.setFaults({ rules: [{ kind: 'malformedJson', times: 1 }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 3 })));
    assert.equal(failure.name, 'SyntaxError');
    assert.equal(failure.status, 200);
    assert.match(failure.message, /Deserialization error/);
  });

  it('sends a body without the result list', async () => {
    emulator.setFaults({ rules: [{ kind: 'wrongShape', shape: 'missingList', times: 1 }] });
    const out = await events(clientFor(emulator));
    assert.equal(out.Events, undefined);
    const list = await clientFor(emulator).send(new ListFleetsCommand({}));
    assert.ok((list.FleetIds ?? []).length > 0, 'only one request was affected');
  });

  it('still answers real errors while a wrong-shape rule is active (the matching request spends it)', async () => {
    emulator.setFaults({ rules: [{ kind: 'wrongShape', times: 1 }] });
    const failure = await rejection(
      events(clientFor(emulator, { maxAttempts: 1 }), 'fleet-00000000-0000-4000-8000-000000000000'),
    );
    assert.equal(failure.name, 'NotFoundException');
    assert.deepEqual(statuses(), [[400, 'NotFoundException']]);
    assert.deepEqual(emulator.getFaults().rules, []);
  });

  it('sends EventTime as a string, which the SDK refuses to deserialize', async () => {
    emulator.setFaults({ rules: [{ kind: 'wrongShape', shape: 'timeAsString', times: 1 }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 3 })));
    assert.equal(failure.name, 'TypeError');
    assert.equal(failure.status, 200);
  });

  it('drops the connection mid-response; the SDK retries or reports the network error', async () => {
    emulator.setFaults({ rules: [{ kind: 'dropConnection', times: 1 }] });
    const out = await events(clientFor(emulator, { maxAttempts: 2 }));
    assert.equal(out.Events?.length, 3);
    assert.deepEqual(statuses(), [
      [0, 'DroppedConnection'],
      [200, undefined],
    ]);
    emulator.setFaults({ rules: [{ kind: 'dropConnection' }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 1 })));
    // Node reports the half-read body as an aborted response, not as a service error
    assert.match(failure.message, /aborted|socket hang up|ECONNRESET/i);
    assert.equal(failure.error.$fault, undefined);
  });

  it('delays a response past the client timeout with a spike, then answers normally', async () => {
    emulator.setFaults({ rules: [{ kind: 'spike', ms: 2000, times: 1 }] });
    const failure = await rejection(events(clientFor(emulator, { maxAttempts: 1, requestTimeout: 200 })));
    assert.equal(failure.name, 'TimeoutError');
    assert.deepEqual(emulator.getFaults().rules, []);
    // the endpoint notices the client hung up once the spike is over
    for (let i = 0; i < 100 && emulator.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(statuses(), [[0, 'ClientGone']]);
    assert.equal((await events(clientFor(emulator, { maxAttempts: 1, requestTimeout: 1000 }))).Events?.length, 3);
  });

  it('applies base latency to every call (seen through a client timeout)', async () => {
    emulator.setFaults({ latencyMs: 400 });
    assert.equal(
      (await rejection(events(clientFor(emulator, { maxAttempts: 1, requestTimeout: 100 })))).name,
      'TimeoutError',
    );
    emulator.setFaults({ latencyMs: 0 });
    assert.equal((await events(clientFor(emulator, { maxAttempts: 1, requestTimeout: 1000 }))).Events?.length, 3);
  });

  it('scopes rules to operations and fleets', async () => {
    emulator.setFaults({
      rules: [
        { kind: 'throttle', operations: ['DescribeFleetEvents'], fleetId: DEFAULT_FLEETS.spot },
        { kind: 'notFound', operations: ['DescribeFleetEvents'], fleetId: DEFAULT_FLEETS.busy, times: 1 },
      ],
    });
    const client = clientFor(emulator, { maxAttempts: 1 });
    assert.ok(((await client.send(new ListFleetsCommand({}))).FleetIds ?? []).length > 0);
    assert.equal((await events(client)).Events?.length, 3);
    assert.equal((await rejection(events(client, DEFAULT_FLEETS.spot))).name, 'ThrottlingException');
    assert.equal((await rejection(events(client, DEFAULT_FLEETS.busy))).name, 'NotFoundException');
    assert.equal((await events(client, DEFAULT_FLEETS.busy)).Events?.length, 3);
  });

  it('counts down per matching request and shows what is left', async () => {
    emulator.setFaults({ rules: [{ kind: 'internalError', times: 3, operations: ['ListFleets'] }] });
    const client = clientFor(emulator, { maxAttempts: 1 });
    await events(client);
    assert.equal(emulator.getFaults().rules?.[0].times, 3, 'other operations do not consume it');
    await rejection(client.send(new ListFleetsCommand({})));
    assert.equal(emulator.getFaults().rules?.[0].times, 2);
  });

  it('takes faults from a scenario file and at run time through the control endpoint', async () => {
    const flaky = await startEmulator({ scenario: 'flaky' });
    try {
      assert.equal(flaky.getFaults().latencyMs, 80);
      const res = await fetch(`${flaky.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rules: [{ kind: 'throttle', times: 1, operations: ['ListFleets'] }] }),
      });
      assert.equal(res.status, 200);
      assert.deepEqual(flaky.getFaults(), {
        latencyMs: 0,
        jitterMs: 0,
        rules: [{ kind: 'throttle', times: 1, operations: ['ListFleets'] }],
      });
      const failure = await rejection(clientFor(flaky, { maxAttempts: 1 }).send(new ListFleetsCommand({})));
      assert.equal(failure.name, 'ThrottlingException');
      const bad = await fetch(`${flaky.url}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify({ rules: [{ kind: 'meteor' }] }),
      });
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { error: string }).error, /unknown fault kind/);
    } finally {
      await flaky.stop();
    }
  });

  it('reads the CLI shorthand', () => {
    assert.deepEqual(parseFaultShorthand('throttle:3'), { kind: 'throttle', times: 3 });
    assert.deepEqual(parseFaultShorthand('internalError:2@DescribeFleetEvents,ListFleets'), {
      kind: 'internalError',
      times: 2,
      operations: ['DescribeFleetEvents', 'ListFleets'],
    });
    assert.deepEqual(parseFaultShorthand('spike:1=30000'), { kind: 'spike', times: 1, ms: 30000 });
    assert.throws(() => parseFaultShorthand('explode'), /unknown fault kind/);
    assert.throws(() => parseFaultShorthand('throttle:x'), /cannot read fault/);
  });
});
