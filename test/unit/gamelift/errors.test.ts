// classifyError on real failures: every fault knob of the local endpoint through the real SDK
// (or a successful retry), wrongly signed requests, SSO sessions that need a new sign-in,
// missing credentials, refused connections; plus scripted service errors and redaction.
import * as assert from 'node:assert/strict';
import { DescribeFleetEventsCommand, ListFleetsCommand } from '@aws-sdk/client-gamelift';
import { buildClient } from '../../../src/gamelift/clientFactory';
import {
  abortError,
  classifyError,
  errorLogLine,
  MalformedResponseError,
  type ErrorKind,
} from '../../../src/gamelift/errors';
import { FleetEventPager } from '../../../src/gamelift/eventPager';
import { listFleets } from '../../../src/gamelift/fleetService';
import type { FaultRule } from '../../emulator/server';
import { DEFAULT_TEST_ACCOUNT } from '../../emulator/credentials';
import { isolateAwsEnv, writeTempFiles } from './helpers/env';
import { startHarness, type EmulatorHarness } from './helpers/emulator';
import { serviceError, startRawEndpoint } from './helpers/rawEndpoint';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
}

describe('classifyError with the local endpoint faults (real SDK)', () => {
  let h: EmulatorHarness;
  let fleetId: string;
  before(async () => {
    h = await startHarness('default');
    fleetId = h.emulator.state
      .fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, 'us-west-2')
      .find((f) => f.kind === 'ec2')!.fleetId;
  });
  after(async () => h.stop());
  beforeEach(() => {
    h.emulator.setFaults({});
    h.emulator.resetRequests();
  });

  const persistent: Array<[string, FaultRule, ErrorKind, boolean]> = [
    ['throttle', { kind: 'throttle' }, 'throttled', true],
    ['limitExceeded', { kind: 'limitExceeded' }, 'throttled', true],
    ['internalError', { kind: 'internalError' }, 'internal', true],
    ['malformedJson', { kind: 'malformedJson' }, 'malformedResponse', true],
    ['wrongShape missingList', { kind: 'wrongShape', shape: 'missingList' }, 'malformedResponse', true],
    ['wrongShape timeAsString', { kind: 'wrongShape', shape: 'timeAsString' }, 'malformedResponse', true],
    ['dropConnection', { kind: 'dropConnection' }, 'network', true],
    ['notFound', { kind: 'notFound' }, 'notFound', false],
  ];
  for (const [label, rule, kind, retryable] of persistent) {
    it(`${label} that persists → ${kind}`, async () => {
      h.emulator.setFaults({ rules: [{ ...rule, operations: ['DescribeFleetEvents'] }] });
      const pager = new FleetEventPager(h.client({ maxAttempts: 2 }), fleetId, {}, 10);
      const error = await failure(pager.loadNextPage());
      const classified = classifyError(error, { action: `Fetching events for ${fleetId}`, fleetId });
      assert.equal(classified.kind, kind, classified.message);
      assert.equal(classified.retryable, retryable);
      assert.ok(classified.message.startsWith(`Fetching events for ${fleetId}: `), classified.message);
      assert.ok(!/undefined|\$response|\.\./.test(classified.message), `reads cleanly: ${classified.message}`);
      assert.equal(pager.lastError, error);
      assert.equal(pager.events.length, 0);
    });
  }

  it('logs a failure with its context once, then its kind, code and request ID', async () => {
    h.emulator.setFaults({ rules: [{ kind: 'internalError', operations: ['DescribeFleetEvents'] }] });
    const pager = new FleetEventPager(h.client({ maxAttempts: 1 }), fleetId, {}, 10);
    const error = await failure(pager.loadNextPage());
    const line = errorLogLine(classifyError(error, { action: `Fetching events for ${fleetId}`, fleetId }));
    assert.equal(line.split(`Fetching events for ${fleetId}`).length - 1, 1, line);
    assert.ok(line.startsWith(`Fetching events for ${fleetId}: GameLift had an internal error`), line);
    assert.match(line, /\[internal, InternalServiceException, request ID [^\]]+\]$/);
  });

  const transient: Array<[string, FaultRule]> = [
    ['throttle', { kind: 'throttle', times: 2 }],
    ['limitExceeded', { kind: 'limitExceeded', times: 1 }],
    ['internalError', { kind: 'internalError', times: 1 }],
    ['dropConnection', { kind: 'dropConnection', times: 1 }],
  ];
  for (const [label, rule] of transient) {
    it(`${label} that passes is retried and succeeds`, async () => {
      h.emulator.setFaults({ rules: [{ ...rule, operations: ['DescribeFleetEvents'] }] });
      const pager = new FleetEventPager(h.client({ maxAttempts: 3 }), fleetId, {}, 5);
      const { added } = await pager.loadNextPage();
      assert.equal(added.length, 5);
      const calls = h.calls('DescribeFleetEvents');
      assert.equal(calls.length, (rule.times ?? 0) + 1);
      assert.equal(calls[calls.length - 1].status, 200);
    });
  }

  it('a latency spike beyond the request timeout → network', async () => {
    h.emulator.setFaults({ rules: [{ kind: 'spike', ms: 1500, operations: ['ListFleets'] }] });
    const error = await failure(listFleets(h.client({ maxAttempts: 1, requestTimeoutMs: 300 })));
    assert.equal(classifyError(error).kind, 'network');
  });

  it('plain latency within the timeout succeeds', async () => {
    h.emulator.setFaults({ latencyMs: 50, jitterMs: 20 });
    const fleets = await listFleets(h.client({ requestTimeoutMs: 2000 }));
    assert.ok(fleets.length > 0);
  });

  it('an invalid request → invalidRequest with the service message', async () => {
    const error = await failure(
      h.client().send(
        new DescribeFleetEventsCommand({
          FleetId: fleetId,
          StartTime: new Date(2_000_000_000_000),
          EndTime: new Date(1_000_000_000_000),
        }),
      ),
    );
    const classified = classifyError(error);
    assert.equal(classified.kind, 'invalidRequest');
    assert.match(classified.message, /StartTime must be before EndTime/);
    assert.equal(classified.retryable, false);
  });

  it('a wrongly signed request is refused → credentials', async () => {
    const wrongSecret = h.client({
      maxAttempts: 1,
      credentials: async () => ({ accessKeyId: DEFAULT_TEST_ACCOUNT.accessKeyId, secretAccessKey: 'not-the-secret' }),
    });
    const error = await failure(wrongSecret.send(new ListFleetsCommand({})));
    assert.equal((error as Error).name, 'InvalidSignatureException');
    const classified = classifyError(error, { profile: 'local-dev' });
    assert.equal(classified.kind, 'credentials');
    assert.equal(classified.profile, 'local-dev');
    assert.ok(!classified.message.includes('not-the-secret'));
    assert.equal(h.emulator.requests[0].status, 403);

    const unknownKey = h.client({
      maxAttempts: 1,
      credentials: async () => ({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }),
    });
    const error2 = await failure(unknownKey.send(new ListFleetsCommand({})));
    assert.equal(classifyError(error2).kind, 'credentials');
  });
});

describe('classifyError on this machine (credentials, SSO, connections)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = isolateAwsEnv();
  });
  afterEach(() => restore());

  it('no credentials anywhere → credentials, not retryable', async () => {
    const client = buildClient('gamelift', { region: 'us-west-2', endpoint: 'http://127.0.0.1:9' }, { maxAttempts: 1 });
    const error = await failure(client.send(new ListFleetsCommand({})));
    const classified = classifyError(error);
    assert.equal(classified.kind, 'credentials');
    assert.equal(classified.retryable, false);
    assert.match(classified.message, /No AWS credentials were found/);
    client.destroy();
  });

  for (const layout of ['sso-session section', 'legacy profile keys']) {
    it(`an SSO profile that is not signed in (${layout}) → ssoExpired with the login command`, async () => {
      const config =
        layout === 'sso-session section'
          ? '[profile corp-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-west-2\n\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n'
          : '[profile corp-dev]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Dev\n';
      process.env.AWS_CONFIG_FILE = writeTempFiles({ config }).paths.config;
      const client = buildClient(
        'gamelift',
        { profile: 'corp-dev', region: 'us-west-2', endpoint: 'http://127.0.0.1:9' },
        { maxAttempts: 1 },
      );
      const error = await failure(client.send(new ListFleetsCommand({})));
      const classified = classifyError(error, { profile: 'corp-dev' });
      assert.equal(classified.kind, 'ssoExpired');
      assert.equal(classified.profile, 'corp-dev');
      assert.match(classified.message, /aws sso login --profile corp-dev/);
      client.destroy();
    });
  }

  it('nothing listening → network, retryable', async () => {
    const raw = await startRawEndpoint();
    const url = raw.url;
    await raw.stop();
    const client = buildClient(
      'gamelift',
      { region: 'us-west-2', endpoint: url },
      { maxAttempts: 1, credentials: async () => ({ accessKeyId: 'AKIAX', secretAccessKey: 'y' }) },
    );
    const error = await failure(client.send(new ListFleetsCommand({})));
    const classified = classifyError(error);
    assert.equal(classified.kind, 'network');
    assert.equal(classified.retryable, true);
    assert.match(classified.message, /ECONNREFUSED/);
    client.destroy();
  });
});

describe('classifyError on scripted service errors', () => {
  const cases: Array<[string, number, ErrorKind]> = [
    ['UnauthorizedException', 400, 'unauthorized'],
    ['AccessDeniedException', 400, 'unauthorized'],
    ['InvalidRequestException', 400, 'invalidRequest'],
    ['UnsupportedRegionException', 400, 'invalidRequest'],
    ['ExpiredTokenException', 400, 'credentials'],
    ['UnrecognizedClientException', 403, 'credentials'],
    ['NotFoundException', 400, 'notFound'],
    ['InternalServiceException', 500, 'internal'],
    ['ServiceUnavailable', 503, 'internal'],
    ['TooManyRequestsException', 429, 'throttled'],
    ['SomethingNewException', 400, 'invalidRequest'],
  ];
  for (const [type, status, kind] of cases) {
    it(`${type} (${status}) → ${kind}`, async () => {
      const raw = await startRawEndpoint(() =>
        serviceError(`com.amazonaws.gamelift#${type}`, `Scripted ${type}.`, status),
      );
      const client = buildClient(
        'gamelift',
        { region: 'us-west-2', endpoint: raw.url },
        { maxAttempts: 1, credentials: async () => ({ accessKeyId: 'AKIAX', secretAccessKey: 'y' }) },
      );
      const error = await failure(client.send(new ListFleetsCommand({})));
      const classified = classifyError(error, { profile: 'p', region: 'us-west-2' });
      assert.equal(classified.kind, kind, classified.message);
      assert.equal(classified.code, type);
      assert.match(classified.requestId ?? '', /^req-/);
      client.destroy();
      await raw.stop();
    });
  }
});

describe('classifyError on plain values', () => {
  it('recognises cancellation', () => {
    assert.equal(classifyError(abortError()).kind, 'cancelled');
    const domAbort = new Error('This operation was aborted');
    domAbort.name = 'AbortError';
    assert.equal(classifyError(domAbort).retryable, false);
  });

  it('recognises malformed responses and network codes in causes', () => {
    assert.equal(
      classifyError(new MalformedResponseError('ListFleets', 'has no FleetIds list')).kind,
      'malformedResponse',
    );
    assert.equal(classifyError(new SyntaxError('Unexpected end of JSON input')).kind, 'malformedResponse');
    const wrapped = Object.assign(new Error('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    assert.equal(classifyError(wrapped).kind, 'network');
    assert.equal(classifyError(Object.assign(new Error('x'), { name: 'TimeoutError' })).kind, 'network');
  });

  it('falls back to unknown for anything else, with text', () => {
    const c = classifyError('weird');
    assert.equal(c.kind, 'unknown');
    assert.match(c.message, /weird/);
    assert.equal(classifyError(undefined).kind, 'unknown');
  });

  it('never repeats secrets in the message', () => {
    const leaky = new Error(
      'Failed with aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY for AKIAIOSFODNN7EXAMPLE at https://logs.example.com/x.txt?X-Amz-Signature=abcdef&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE',
    );
    const message = classifyError(leaky).message;
    assert.ok(!message.includes('wJalrXUtnFEMI'), message);
    assert.ok(!message.includes('AKIAIOSFODNN7EXAMPLE'), message);
    assert.ok(!message.includes('abcdef'), message);
  });
});

describe('classifyError for another service', () => {
  it('names the service and the missing permission', () => {
    const denied = Object.assign(new Error('User is not authorized to perform: logs:FilterLogEvents'), {
      name: 'AccessDeniedException',
    });
    const classified = classifyError(denied, { service: 'CloudWatch Logs', permission: 'logs:FilterLogEvents' });
    assert.equal(classified.kind, 'unauthorized');
    assert.match(classified.message, /needs the permission logs:FilterLogEvents\.$/);
    assert.doesNotMatch(classified.message, /gamelift:/);
    const throttled = classifyError(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }), {
      service: 'CloudWatch Logs',
    });
    assert.match(throttled.message, /^CloudWatch Logs is limiting requests/);
    const refused = classifyError(Object.assign(new Error('bad pattern'), { name: 'InvalidParameterException' }), {
      service: 'CloudWatch Logs',
    });
    assert.match(refused.message, /^CloudWatch Logs refused the request: bad pattern\.$/);
  });

  it('keeps GameLift wording by default', () => {
    const denied = classifyError(Object.assign(new Error('no'), { name: 'UnauthorizedException' }));
    assert.match(denied.message, /GameLift read permissions \(gamelift:ListFleets/);
  });
});
