// The local AWS endpoint: an HTTP server on 127.0.0.1 that speaks awsJson1_1 exactly as the
// services do (SigV4 checked, PascalCase JSON, epoch-second timestamps, __type errors) for
// GameLift, CloudTrail and CloudWatch Logs (routed by X-Amz-Target, services.ts), serves presigned event logs,
// injects faults, and offers a control path (/__emulator/…) that no AWS call can reach. The real
// SDK clients talk to it through `endpoint`.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { TEST_ACCOUNTS, type TestAccount } from './credentials';
import { recordFleetHistory } from './cloudtrail/fleetHistory';
import { cloudTrailService } from './cloudtrail/lookupEvents';
import { TrailState } from './cloudtrail/trailState';
import { buildLogGroups, type LogGroupsState } from './cloudwatchLogs/logGroups';
import { cloudWatchLogsService } from './cloudwatchLogs/service';
import { CONTROL_PREFIX, type ControlContext, handleControl } from './control';
import { type FaultConfig, FaultInjector, type FaultRule } from './faults';
import { EventLogs, LOG_DOWNLOAD_OPERATION, LOG_PATH_PREFIX } from './logs';
import { gameLiftService } from './gameliftService';
import { fleetIdsOf } from './operations';
import { loadScenario, readScenario, type Scenario } from './scenario';
import { routeTarget, serviceBySigningName, type EmulatedService } from './services';
import { amzDate, headerMap, verifyRequest } from './sigv4';
import { EmulatorState } from './state';
import { JSON_CONTENT_TYPE, PageTokens, ServiceError } from './wire';

export type { FaultConfig, FaultRule } from './faults';
export type { Scenario } from './scenario';
export type { EmulatorState, EventRecord, FleetRecord, NewEvent } from './state';
export type { TrailEvent, TrailState } from './cloudtrail/trailState';

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
  /** The service's name ("GameLift", "CloudTrail"); absent when the target named none (and for log downloads). */
  readonly service?: string;
  /** The operation (`LookupEvents`, a GameLift operation), or `GetObject` for a download of a presigned log URL. */
  readonly operation: string;
  /** HTTP status sent; 0 when the connection was dropped on purpose. */
  readonly status: number;
  /** Endpoint clock (epoch ms) when the request arrived. */
  readonly at: number;
  readonly accountId?: string;
  readonly region?: string;
  /** The error code for failed calls. */
  readonly errorCode?: string;
  /** The parsed JSON input (for asserting batch sizes, time windows, Limit…); for GetObject, FleetId and EventId. */
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
  /** CloudTrail's event history (LookupEvents), made from the fleets at start; add records with `add`. */
  readonly trail: TrailState;
  /** CloudWatch Logs: the container fleets' log groups; add lines with `append` (follow mode). */
  readonly logGroups: LogGroupsState;
  /** Endpoint clock (epoch ms), including any advance. */
  now(): number;
  /** Moves the endpoint clock forward (e.g. 16 minutes to expire presigned log URLs). */
  advanceClock(ms: number): void;
  /** Puts the endpoint clock back to real time. */
  resetClock(): void;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accounts = options.accounts ?? TEST_ACCOUNTS;
  const baseNow = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => baseNow() + clockOffset;
  const log = options.log ?? (() => undefined);

  const scenario =
    typeof options.scenario === 'object' ? options.scenario : readScenario(options.scenario ?? 'default');
  const state = new EmulatorState(now);
  loadScenario(scenario, accounts, state, now());
  const faults = new FaultInjector(options.faults ?? scenario.faults);
  const tokens = new PageTokens();
  const logs = new EventLogs(state, now);
  const trail = new TrailState(now());
  recordFleetHistory(state, trail);
  const logGroups = buildLogGroups(state, now(), now);
  const services: readonly EmulatedService[] = [
    gameLiftService(state, tokens, logs),
    cloudTrailService(trail, tokens),
    cloudWatchLogsService(logGroups, tokens),
  ];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let stopped = false;
  let port = 0; // known once listening

  const control: ControlContext = {
    state,
    trail,
    logGroups,
    faults,
    accounts,
    requests,
    now,
    advanceClock: (ms) => {
      clockOffset += ms;
    },
    resetClock: () => {
      clockOffset = 0;
    },
  };
  const hostOf = (req: http.IncomingMessage) => req.headers.host ?? `127.0.0.1:${port}`;

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

  function sendError(
    res: http.ServerResponse,
    requestId: string,
    status: number,
    code: string,
    message: string,
    service: EmulatedService = services[0],
  ): void {
    const modelled = service.modelledErrors.has(code);
    const namespace = modelled ? service.errorNamespace : 'com.amazon.coral.service';
    sendJson(
      res,
      status,
      { __type: modelled && service.namespacedErrors ? `${namespace}#${code}` : code, message },
      {
        ...baseHeaders(requestId),
        'x-amzn-ErrorType': `${code}:http://internal.amazon.com/coral/${namespace}/`,
      },
    );
  }

  async function handleAws(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const started = Date.now();
    const at = now();
    const requestId = randomUUID();
    const arrivedAt = performance.now();
    const target = String(req.headers['x-amz-target'] ?? '');
    const route = routeTarget(services, target);
    // Without a usable target, the signature's service decides who answers "unknown operation".
    const service =
      route?.service ??
      serviceBySigningName(services, headerMap(req.rawHeaders).get('authorization')?.[0]) ??
      services[0];
    const operation = route?.operation || target || '(none)';
    let record: RecordedRequest = { ...(route ? { service: service.name } : {}), operation, status: 0, at };
    const finish = (status: number, errorCode?: string) => {
      record = { ...record, status, ...(errorCode ? { errorCode } : {}) };
      requests.push(record);
      log(`${operation} ${status}${errorCode ? ` ${errorCode}` : ''} ${Date.now() - started}ms`);
    };
    const fail = (status: number, code: string, message: string) => {
      sendError(res, requestId, status, code, message, service);
      finish(status, code);
    };

    const verified = verifyRequest(
      { method: req.method ?? 'POST', url: req.url ?? '/', rawHeaders: req.rawHeaders, body },
      service.signingName,
      secretFor,
      at,
    );
    if (!verified.ok) return fail(403, verified.code, verified.message);
    const account = accountFor(verified.accessKeyId)!;
    record = { ...record, accountId: account.accountId, region: verified.region };

    if (!route || !service.has(operation)) {
      return fail(
        400,
        'UnknownOperationException',
        `Operation ${target || '(missing X-Amz-Target)'} is not supported by this endpoint.`,
      );
    }
    const contentType = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (contentType !== JSON_CONTENT_TYPE) {
      return fail(
        400,
        'SerializationException',
        `Unsupported Content-Type "${contentType}"; expected ${JSON_CONTENT_TYPE}.`,
      );
    }
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      input = parsed as Record<string, unknown>;
    } catch {
      return fail(
        400,
        'SerializationException',
        'Start of structure or map found where not expected, or the request body is not valid JSON.',
      );
    }
    record = { ...record, input };

    const decision = faults.decide(operation, fleetIdsOf(input));
    await sleep(decision.delayMs);
    if (stopped || res.destroyed || !res.socket || res.socket.destroyed) return finish(0, 'ClientGone');
    const failure = decision.failure;
    if (failure && failure.kind !== 'wrongShape')
      return sendInjectedFailure(failure, res, requestId, service, operation, input, account.accountId, fail, finish);

    let output: Record<string, unknown>;
    try {
      output = service.handle({
        operation,
        accountId: account.accountId,
        region: verified.region,
        input,
        now: at,
        arrivedAt,
        host: hostOf(req),
      });
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.status, error.code, error.message);
      log(`${operation} internal error: ${(error as Error).message}`);
      return fail(500, 'InternalServiceException', 'An internal error occurred. Retry the request.');
    }
    if (failure?.kind === 'wrongShape') {
      const shape = failure.shape ?? 'missingList';
      if (shape === 'missingList') delete output[service.resultMember[operation]];
      else timesToStrings(output);
      sendJson(res, 200, output, baseHeaders(requestId));
      return finish(200, `WrongShape:${shape}`);
    }
    sendJson(res, 200, output, baseHeaders(requestId));
    finish(200);
  }

  /** Answers with an injected failure instead of running the operation. */
  function sendInjectedFailure(
    rule: FaultRule,
    res: http.ServerResponse,
    requestId: string,
    service: EmulatedService,
    operation: string,
    input: Record<string, unknown>,
    accountId: string,
    fail: (status: number, code: string, message: string) => void,
    finish: (status: number, errorCode?: string) => void,
  ): void {
    switch (rule.kind) {
      case 'throttle':
        return fail(400, 'ThrottlingException', rule.message ?? 'Rate exceeded');
      case 'limitExceeded':
        return fail(
          400,
          'LimitExceededException',
          rule.message ?? 'You have exceeded the request rate for this operation.',
        );
      case 'internalError':
        return fail(500, 'InternalServiceException', rule.message ?? 'An internal error occurred. Retry the request.');
      case 'notFound': {
        const id = fleetIdsOf(input)[0] ?? rule.fleetId ?? 'fleet-unknown';
        return fail(400, 'NotFoundException', rule.message ?? `Fleet ${id} not found.`);
      }
      case 'unauthorized':
        return fail(
          400,
          'UnauthorizedException',
          rule.message ?? `User is not authorized to perform: gamelift:${operation}`,
        );
      case 'accessDenied': {
        const action = `${service.signingName}:${operation}`;
        return fail(
          400,
          'AccessDeniedException',
          rule.message ??
            `User: arn:aws:iam::${accountId}:user/local-test is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
        );
      }
      case 'invalidRequest':
        return fail(
          400,
          'InvalidRequestException',
          rule.message ?? `1 validation error detected in ${operation}: the request is not valid.`,
        );
      case 'malformedJson': {
        const text = `{"${service.resultMember[operation]}": [{"EventId": "e-1", "EventTime": 1469498468.0`;
        sendJson(res, 200, text, baseHeaders(requestId));
        return finish(200, 'MalformedJson');
      }
      case 'dropConnection': {
        const text = JSON.stringify({ [service.resultMember[operation]]: [], Padding: 'x'.repeat(2048) });
        res.writeHead(200, {
          ...baseHeaders(requestId),
          'Content-Type': JSON_CONTENT_TYPE,
          'Content-Length': Buffer.byteLength(text),
        });
        res.write(text.slice(0, 64));
        setImmediate(() => res.socket?.destroy());
        return finish(0, 'DroppedConnection');
      }
      default:
        throw new Error(`fault kind ${rule.kind} is not a failure`);
    }
  }

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
        handleControl(req, res, body, control);
      } else if (url.startsWith(LOG_PATH_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
        const at = now();
        const served = logs.serve(req, res, hostOf(req));
        requests.push({
          operation: LOG_DOWNLOAD_OPERATION,
          status: served.status,
          at,
          ...(served.errorCode ? { errorCode: served.errorCode } : {}),
          input: {
            ...(served.fleetId ? { FleetId: served.fleetId } : {}),
            ...(served.eventId ? { EventId: served.eventId } : {}),
          },
        });
        log(`GET log ${served.status}${served.reason ? ` ${served.reason}` : ''}`);
      } else if (url === '/' || url.startsWith('/?')) {
        if (req.method !== 'POST') {
          sendError(
            res,
            randomUUID(),
            400,
            'UnknownOperationException',
            'Only POST / is supported for AWS operations.',
          );
          return;
        }
        handleAws(req, res, body).catch((error) => {
          log(`unexpected endpoint error: ${(error as Error).message}`);
          if (!res.headersSent)
            sendError(res, randomUUID(), 500, 'InternalServiceException', 'An internal error occurred.');
        });
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('Not found');
      }
    });
  });
  // Keep idle keep-alive sockets longer than clients do, so a client never reuses a socket the
  // endpoint is just closing (an ECONNRESET that would make maxAttempts: 1 tests flaky).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
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
    trail,
    logGroups,
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
    advanceClock: control.advanceClock,
    resetClock: control.resetClock,
  };
}

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

// Re-exported for tests that hand-sign requests.
export { amzDate };
