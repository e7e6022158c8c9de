// The local GameLift endpoint: an HTTP server on 127.0.0.1 that speaks awsJson1_1 exactly as
// the service does (SigV4 checked, PascalCase JSON, epoch-second timestamps, __type errors),
// serves presigned event logs, injects faults, and offers a control path (/__emulator/…) that
// no AWS call can reach. The real @aws-sdk/client-gamelift talks to it through `endpoint`.
import { randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TEST_ACCOUNTS, TestAccount } from './credentials';
import { logTextFor } from './eventText';
import { FaultConfig, FaultInjector, FaultRule, validateFaults } from './faults';
import { fleetIdsOf, OPERATIONS, RESULT_MEMBER } from './operations';
import { loadScenario, readScenario, Scenario } from './scenario';
import { amzDate, presignUrl, verifyPresignedUrl, verifyRequest } from './sigv4';
import { EmulatorState, EventRecord, FleetRecord, NewEvent } from './state';
import { JSON_CONTENT_TYPE, PageTokens, ServiceError } from './wire';

export type { FaultConfig, FaultRule } from './faults';
export type { Scenario } from './scenario';
export type { EmulatorState, EventRecord, FleetRecord, NewEvent } from './state';

export interface EmulatorOptions {
  /** 0 or undefined = a random free port on 127.0.0.1. */
  port?: number;
  /** Scenario name in test/emulator/scenarios/ ('default', 'large', 'hostile', 'empty'), a path, or an object. */
  scenario?: string | Scenario;
  /** Initial faults (merged over the scenario file's own, which they replace when given). */
  faults?: FaultConfig;
  /** Accepted credentials; default TEST_ACCOUNTS from ./credentials. */
  accounts?: readonly TestAccount[];
  /** Request log (operation, status, ms). Never receives secrets. */
  log?: (line: string) => void;
  /** The endpoint's clock in epoch ms (default Date.now); tests control expiry with it. */
  now?: () => number;
}

export interface RecordedRequest {
  readonly operation: string;
  /** HTTP status sent; 0 when the connection was dropped on purpose. */
  readonly status: number;
  /** Endpoint clock (epoch ms) when the request arrived. */
  readonly at: number;
  readonly accountId?: string;
  readonly region?: string;
  /** The error code for failed calls. */
  readonly errorCode?: string;
  /** The parsed JSON input (for asserting batch sizes, time windows, Limit…). */
  readonly input?: Readonly<Record<string, unknown>>;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Replaces the faults at run time. */
  setFaults(faults: FaultConfig): void;
  /** The remaining faults (count-based rules show what is left). */
  getFaults(): FaultConfig;
  readonly requests: ReadonlyArray<RecordedRequest>;
  resetRequests(): void;
  /** Fleets and events; mutate with addEvent/deleteFleet/setFleetStatus. */
  readonly state: EmulatorState;
  /** Endpoint clock (epoch ms), including any advance. */
  now(): number;
  /** Moves the endpoint clock forward (e.g. 16 minutes to expire presigned log URLs). */
  advanceClock(ms: number): void;
}

/** Access key the endpoint signs presigned log URLs with (not an account credential). */
const LOG_SIGNING_KEY_ID = 'AKIAEMULATORLOGSIGNER';
const LOG_URL_EXPIRES_SECONDS = 900;
const MAX_BODY_BYTES = 1024 * 1024;
const CONTROL_PREFIX = '/__emulator/';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accounts = options.accounts ?? TEST_ACCOUNTS;
  const baseNow = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => baseNow() + clockOffset;
  const log = options.log ?? (() => undefined);

  const scenario = typeof options.scenario === 'object' ? options.scenario : readScenario(options.scenario ?? 'default');
  const state = new EmulatorState(now);
  loadScenario(scenario, accounts, state, now());
  const faults = new FaultInjector(options.faults ?? scenario.faults);
  const tokens = new PageTokens();
  const logSecret = randomBytes(24).toString('base64');
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();

  const secretFor = (keyId: string) => accounts.find((a) => a.accessKeyId === keyId)?.secretAccessKey;
  const accountFor = (keyId: string) => accounts.find((a) => a.accessKeyId === keyId);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function baseHeaders(requestId: string): Record<string, string> {
    return { 'x-amzn-RequestId': requestId, Date: new Date(now()).toUTCString() };
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { ...headers, 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }

  function sendError(res: http.ServerResponse, requestId: string, status: number, code: string, message: string): void {
    const namespace = code === 'InternalServiceException' || OPERATION_ERRORS.has(code) ? 'com.amazonaws.gamelift' : 'com.amazon.coral.service';
    sendJson(res, status, { __type: code, message }, {
      ...baseHeaders(requestId),
      'x-amzn-ErrorType': `${code}:http://internal.amazon.com/coral/${namespace}/`,
    });
  }

  async function handleAws(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const started = Date.now();
    const at = now();
    const requestId = randomUUID();
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith('GameLift.') ? target.slice('GameLift.'.length) : target || '(none)';
    let record: RecordedRequest = { operation, status: 0, at };
    const finish = (status: number, errorCode?: string) => {
      record = { ...record, status, ...(errorCode ? { errorCode } : {}) };
      requests.push(record);
      log(`${operation} ${status}${errorCode ? ` ${errorCode}` : ''} ${Date.now() - started}ms`);
    };
    const fail = (status: number, code: string, message: string) => {
      sendError(res, requestId, status, code, message);
      finish(status, code);
    };

    const verified = verifyRequest({ method: req.method ?? 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, body }, 'gamelift', secretFor, at);
    if (!verified.ok) return fail(403, verified.code, verified.message);
    const account = accountFor(verified.accessKeyId)!;
    record = { ...record, accountId: account.accountId, region: verified.region };

    if (!target.startsWith('GameLift.') || !Object.prototype.hasOwnProperty.call(OPERATIONS, operation)) {
      return fail(400, 'UnknownOperationException', `Operation ${target || '(missing X-Amz-Target)'} is not supported by this endpoint.`);
    }
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== JSON_CONTENT_TYPE) {
      return fail(400, 'SerializationException', `Unsupported Content-Type "${contentType}"; expected ${JSON_CONTENT_TYPE}.`);
    }
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      input = parsed as Record<string, unknown>;
    } catch {
      return fail(400, 'SerializationException', 'Start of structure or map found where not expected, or the request body is not valid JSON.');
    }
    record = { ...record, input };

    const decision = faults.decide(operation, fleetIdsOf(input));
    await sleep(decision.delayMs);
    if (res.destroyed || stopped) return finish(0, 'ClientGone');
    if (decision.failure && injectFailure(decision.failure, res, requestId, operation, input, fail, finish, verified.region, account.accountId, at)) return;

    try {
      const output = OPERATIONS[operation]({
        accountId: account.accountId,
        region: verified.region,
        input,
        state,
        tokens,
        now: at,
        logUrl: (fleet, event) => mintLogUrl(req, fleet, event),
      });
      sendJson(res, 200, output, baseHeaders(requestId));
      finish(200);
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.status, error.code, error.message);
      log(`${operation} internal error: ${(error as Error).message}`);
      return fail(500, 'InternalServiceException', 'An internal error occurred. Retry the request.');
    }
  }

  /** Sends the injected failure; returns false when the rule lets the call through. */
  function injectFailure(
    rule: FaultRule,
    res: http.ServerResponse,
    requestId: string,
    operation: string,
    input: Record<string, unknown>,
    fail: (status: number, code: string, message: string) => void,
    finish: (status: number, errorCode?: string) => void,
    region: string,
    accountId: string,
    at: number,
  ): boolean {
    switch (rule.kind) {
      case 'throttle':
        fail(400, 'ThrottlingException', rule.message ?? 'Rate exceeded');
        return true;
      case 'limitExceeded':
        fail(400, 'LimitExceededException', rule.message ?? 'You have exceeded the request rate for this operation.');
        return true;
      case 'internalError':
        fail(500, 'InternalServiceException', rule.message ?? 'An internal error occurred. Retry the request.');
        return true;
      case 'notFound': {
        const id = fleetIdsOf(input)[0] ?? rule.fleetId ?? 'fleet-unknown';
        fail(400, 'NotFoundException', rule.message ?? `Fleet ${id} not found.`);
        return true;
      }
      case 'malformedJson': {
        const text = '{"' + (RESULT_MEMBER[operation] ?? 'Result') + '": [{"EventId": "e-1", "EventTime": 1469498468.0';
        sendJson(res, 200, text, baseHeaders(requestId));
        finish(200, 'MalformedJson');
        return true;
      }
      case 'wrongShape': {
        const output = OPERATIONS[operation]({ accountId, region, input, state, tokens, now: at, logUrl: (f, e) => mintLogUrl(res.req, f, e) });
        if ((rule.shape ?? 'missingList') === 'missingList') delete output[RESULT_MEMBER[operation]];
        else timesToStrings(output);
        sendJson(res, 200, output, baseHeaders(requestId));
        finish(200, `WrongShape:${rule.shape ?? 'missingList'}`);
        return true;
      }
      case 'dropConnection': {
        const text = JSON.stringify({ [RESULT_MEMBER[operation] ?? 'Result']: [], Padding: 'x'.repeat(2048) });
        res.writeHead(200, { ...baseHeaders(requestId), 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text) });
        res.write(text.slice(0, 64));
        setImmediate(() => res.socket?.destroy());
        finish(0, 'DroppedConnection');
        return true;
      }
      default:
        return false;
    }
  }

  function mintLogUrl(req: http.IncomingMessage, fleet: FleetRecord, event: EventRecord): string {
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    return presignUrl(`http://${host}`, {
      host,
      path: `/logs/${fleet.fleetId}/${encodeURIComponent(event.eventId)}.txt`,
      accessKeyId: LOG_SIGNING_KEY_ID,
      secret: logSecret,
      region: fleet.region,
      service: 's3',
      now: now(),
      expiresSeconds: LOG_URL_EXPIRES_SECONDS,
    });
  }

  function s3Error(res: http.ServerResponse, status: number, code: string, message: string, extra = ''): void {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${extra}` +
      `<RequestId>${requestId}</RequestId><HostId>${randomBytes(32).toString('base64')}</HostId></Error>`;
    res.writeHead(status, { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'Content-Length': Buffer.byteLength(xml) });
    res.end(xml);
  }

  function handleLog(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? '/';
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    const check = verifyPresignedUrl(url, host, (key) => (key === LOG_SIGNING_KEY_ID ? logSecret : undefined), now());
    const status = check.ok ? 200 : 403;
    log(`GET log ${status}${check.ok ? '' : ` ${check.reason}`}`);
    if (!check.ok) {
      if (check.reason === 'expired') {
        const expires = new Date(check.expiresAt ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const server = new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return s3Error(res, 403, 'AccessDenied', 'Request has expired', `<X-Amz-Expires>${LOG_URL_EXPIRES_SECONDS}</X-Amz-Expires><Expires>${expires}</Expires><ServerTime>${server}</ServerTime>`);
      }
      if (check.reason === 'malformed') return s3Error(res, 403, 'AccessDenied', 'Access Denied');
      return s3Error(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.');
    }
    const m = /^\/logs\/([^/]+)\/([^/?]+)\.txt/.exec(url);
    const fleet = m ? state.getFleet(m[1]) : undefined;
    const eventId = m ? safeDecode(m[2]) : '';
    const event = fleet?.events.find((e) => e.eventId === eventId);
    if (!fleet || !event || !event.hasLog) return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    const text = event.logText ?? logTextFor(event, fleet.fleetId);
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Last-Modified': new Date(event.eventTime).toUTCString() });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  function handleControl(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${pathname.slice(CONTROL_PREFIX.length - 1)}`;
    const reply = (status: number, value: unknown) => {
      const text = JSON.stringify(value, null, 2);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const json = () => (body.length ? JSON.parse(body.toString('utf8')) : {}) as Record<string, unknown>;
      switch (route) {
        case 'GET /state':
          return reply(200, {
            now: now(),
            accounts: accounts.map((a) => ({ profile: a.profile, accountId: a.accountId })),
            fleets: state.summary(),
          });
        case 'GET /events': {
          const fleetId = searchParams.get('fleetId') ?? '';
          if (!state.getFleet(fleetId)) return reply(404, { error: `unknown fleet ${fleetId}` });
          return reply(200, { fleetId, events: state.events(fleetId) });
        }
        case 'POST /events': {
          const b = json() as { fleetId?: string; event?: NewEvent };
          if (!b.fleetId || !b.event?.eventCode || !state.getFleet(b.fleetId)) return reply(400, { error: 'need {fleetId, event: {eventCode, …}} for a known fleet' });
          return reply(200, state.addEvent(b.fleetId, b.event));
        }
        case 'POST /fleets/delete': {
          const b = json() as { fleetId?: string };
          return reply(200, { deleted: state.deleteFleet(String(b.fleetId ?? '')) });
        }
        case 'POST /fleets/status': {
          const b = json() as { fleetId?: string; status?: string };
          if (!b.fleetId || !b.status || !state.getFleet(b.fleetId)) return reply(400, { error: 'need {fleetId, status} for a known fleet' });
          state.setFleetStatus(b.fleetId, b.status);
          return reply(200, { ok: true });
        }
        case 'GET /faults':
          return reply(200, faults.get());
        case 'POST /faults': {
          const f = json() as FaultConfig;
          validateFaults(f);
          faults.set(f);
          return reply(200, faults.get());
        }
        case 'GET /requests':
          return reply(200, requests);
        case 'POST /requests/reset':
          requests.length = 0;
          return reply(200, { ok: true });
        case 'POST /clock': {
          const b = json() as { advanceMs?: number };
          if (typeof b.advanceMs !== 'number' || b.advanceMs < 0) return reply(400, { error: 'need {advanceMs: number >= 0}' });
          clockOffset += b.advanceMs;
          return reply(200, { now: now() });
        }
        default:
          return reply(404, { error: `no control route ${route}` });
      }
    } catch (error) {
      return reply(400, { error: (error as Error).message });
    }
  }

  let stopped = false;
  let port = 0;
  const server = http.createServer((req, res) => {
    res.sendDate = false;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = req.url ?? '/';
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413, { 'Content-Type': 'text/plain' });
        res.end('Request body too large');
      } else if (url.startsWith(CONTROL_PREFIX)) {
        handleControl(req, res, body);
      } else if (url.startsWith('/logs/') && (req.method === 'GET' || req.method === 'HEAD')) {
        handleLog(req, res);
      } else if (url === '/' || url.startsWith('/?')) {
        if (req.method !== 'POST') {
          sendError(res, randomUUID(), 400, 'UnknownOperationException', 'Only POST / is supported for GameLift operations.');
          return;
        }
        handleAws(req, res, body).catch((error) => {
          log(`unexpected endpoint error: ${(error as Error).message}`);
          if (!res.headersSent) sendError(res, randomUUID(), 500, 'InternalServiceException', 'An internal error occurred.');
        });
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('Not found');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    state,
    requests,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    setFaults: (f) => faults.set(f),
    getFaults: () => faults.get(),
    resetRequests: () => {
      requests.length = 0;
    },
    now,
    advanceClock: (ms) => {
      clockOffset += ms;
    },
  };
}

/** Modelled GameLift errors (namespaced com.amazonaws.gamelift in x-amzn-ErrorType). */
const OPERATION_ERRORS: ReadonlySet<string> = new Set([
  'NotFoundException',
  'InvalidRequestException',
  'UnauthorizedException',
  'UnsupportedRegionException',
  'LimitExceededException',
]);

const TIME_MEMBERS = new Set(['EventTime', 'CreationTime', 'TerminationTime']);

/** For the `timeAsString` wrong-shape fault: epoch numbers become ISO strings. */
function timesToStrings(value: unknown): void {
  if (Array.isArray(value)) value.forEach(timesToStrings);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (TIME_MEMBERS.has(k) && typeof v === 'number') obj[k] = new Date(v * 1000).toISOString();
      else timesToStrings(v);
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Re-exported for tests that hand-sign requests.
export { amzDate };
