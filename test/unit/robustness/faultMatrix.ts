// The fault matrix: ListFleets, DescribeFleetAttributes and DescribeFleetEvents, each under
// every fault the issue lists, through the real SDK (the product's client factory and
// retry settings), the real services (fleetService, eventPager, classifyError) and the
// explorer's vscode-free model (ConnectionState, FleetState: what the tree shows and what
// its Retry does), against a fresh local endpoint per cell. Each cell records what the user
// would see and checks, after recovery, that every fleet/event the endpoint holds is shown
// exactly once. Used by faultMatrix.test.ts (assertions) and bench/faultMatrix.ts (table).
import type { AwsCredentialIdentity } from '@smithy/types';
import { createClientFactory } from '../../../src/gamelift/clientFactory';
import type { ConnectionTarget, FleetEvent, FleetSummary } from '../../../src/gamelift/types';
import { ExplorerModel } from '../../../src/explorer/model/explorerModel';
import { DEFAULT_TEST_ACCOUNT } from '../../emulator/credentials';
import { startEmulator, type FaultRule, type RunningEmulator, type Scenario } from '../../emulator/server';

export const MATRIX_OPERATIONS = ['ListFleets', 'DescribeFleetAttributes', 'DescribeFleetEvents'] as const;
export type MatrixOperation = (typeof MATRIX_OPERATIONS)[number];

export const MATRIX_FAULTS = [
  'spikeOnce',
  'spikeAlways',
  'throttleThenOk',
  'throttleForever',
  'internalOnce',
  'malformedJson',
  'missingList',
  'timeAsString',
  'resetMidPage',
  'clockSkew',
  'badSignature',
  'deletedBetweenPages',
] as const;
export type MatrixFault = (typeof MATRIX_FAULTS)[number];

export const FAULT_LABELS: Record<MatrixFault, string> = {
  spikeOnce: 'latency spike past SDK timeout (once)',
  spikeAlways: 'latency past SDK timeout (every try)',
  throttleThenOk: 'throttled 3×, then OK',
  throttleForever: 'throttled forever',
  internalOnce: 'InternalServiceException once',
  malformedJson: 'malformed JSON body',
  missingList: 'wrong shape: result list missing',
  timeAsString: 'wrong shape: times as ISO strings',
  resetMidPage: 'connection reset mid-page (once)',
  clockSkew: 'expired signature (clock 20 min off)',
  badSignature: 'invalid signature (wrong secret)',
  deletedBetweenPages: 'fleet deleted between pages',
};

/** Per-request timeout the matrix gives the SDK (the product's is 30 s; spikes are scaled down with it). */
export const MATRIX_REQUEST_TIMEOUT_MS = 400;
const SPIKE_MS = 1_500;
const REGION = 'us-west-2';
const FLEET_COUNT = 24;
const PAGE = 10;
const EVENT_COUNT = 250;
const EVENT_PAGE = 100;
export const EVENTS_FLEET = 'fleet-eeeeeeee-0000-4000-8000-000000000001';

export interface CellResult {
  readonly operation: MatrixOperation;
  readonly fault: MatrixFault;
  /** 'ok' = the first load succeeded (maybe after SDK retries); else the error kind the tree showed. */
  readonly firstOutcome: string;
  /** The error node's text (the classified message), when the first load failed. */
  readonly message?: string;
  readonly retryable?: boolean;
  /** SDK retries of the faulted operation during the first load (attempts after the first of a call). */
  readonly retries: number;
  /** True when the user had to press Retry (after the fault was cleared). */
  readonly userRetry: boolean;
  /** After recovery: every fleet/event the endpoint holds shown exactly once, with the right times. */
  readonly exactlyOnce: boolean;
  /** What was wrong when exactlyOnce is false. */
  readonly problem?: string;
  readonly ms: number;
}

function matrixScenario(): Scenario {
  const fleets = Array.from({ length: FLEET_COUNT }, (_, i) => ({
    fleetId: `fleet-aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `matrix-${i}`,
    status: 'ACTIVE',
    createdMinutesAgo: 60 * 24,
  }));
  return {
    accounts: [
      {
        profile: DEFAULT_TEST_ACCOUNT.profile,
        regions: {
          [REGION]: [
            ...fleets,
            {
              fleetId: EVENTS_FLEET,
              name: 'matrix-events',
              status: 'ACTIVE',
              createdMinutesAgo: 60 * 24 * 30,
              generate: { count: EVENT_COUNT, seed: 6, spanMinutes: 60 * 24 * 20 },
            },
          ],
        },
      },
    ],
  };
}

function faultRules(fault: MatrixFault, operation: MatrixOperation): FaultRule[] | undefined {
  const operations = [operation];
  switch (fault) {
    case 'spikeOnce':
      return [{ kind: 'spike', ms: SPIKE_MS, times: 1, operations }];
    case 'spikeAlways':
      return [{ kind: 'spike', ms: SPIKE_MS, operations }];
    case 'throttleThenOk':
      return [{ kind: 'throttle', times: 3, operations }];
    case 'throttleForever':
      return [{ kind: 'throttle', operations }];
    case 'internalOnce':
      return [{ kind: 'internalError', times: 1, operations }];
    case 'malformedJson':
      return [{ kind: 'malformedJson', operations }];
    case 'missingList':
      return [{ kind: 'wrongShape', shape: 'missingList', operations }];
    case 'timeAsString':
      return [{ kind: 'wrongShape', shape: 'timeAsString', operations }];
    case 'resetMidPage':
      return [{ kind: 'dropConnection', times: 1, operations }];
    // DescribeFleetAttributes/DescribeFleetEvents: the service answers NotFound for a fleet
    // deleted after it was listed. ListFleets: the fleet is really deleted (see below).
    case 'deletedBetweenPages':
      return operation === 'ListFleets' ? undefined : [{ kind: 'notFound', times: 1, operations }];
    default:
      return undefined;
  }
}

/** Runs one cell on its own endpoint. */
export async function runCell(operation: MatrixOperation, fault: MatrixFault): Promise<CellResult> {
  // The fault starts mid-listing: for ListFleets after the first page is described (the next
  // call is ListFleets page 2), for DescribeFleetAttributes once ListFleets page 2 has been
  // answered (the next call describes it), for DescribeFleetEvents after page 1.
  let listPagesAnswered = 0;
  let startFault = () => undefined as void;
  const emulator = await startEmulator({
    port: 0,
    scenario: matrixScenario(),
    log: (line) => {
      if (line.startsWith('ListFleets 200') && ++listPagesAnswered === 2 && operation === 'DescribeFleetAttributes')
        startFault();
      if (line.startsWith('DescribeFleetAttributes 200') && operation === 'ListFleets') startFault();
    },
  });
  let badKeys = false;
  const credentials = async (): Promise<AwsCredentialIdentity> => ({
    accessKeyId: DEFAULT_TEST_ACCOUNT.accessKeyId,
    secretAccessKey: badKeys ? `${DEFAULT_TEST_ACCOUNT.secretAccessKey}-wrong` : DEFAULT_TEST_ACCOUNT.secretAccessKey,
    // Near expiry, so the SDK asks again before every request and sees a key change at once.
    expiration: new Date(Date.now() + 1_000),
  });
  const target: ConnectionTarget = { profile: DEFAULT_TEST_ACCOUNT.profile, region: REGION, endpoint: emulator.url };
  const clients = createClientFactory({ credentials, requestTimeoutMs: MATRIX_REQUEST_TIMEOUT_MS });
  const client = clients.clientFor('gamelift', target);
  // The deserialize step runs once per attempt; the SDK numbers attempts in amz-sdk-request.
  let counting = false;
  let retries = 0;
  client.middlewareStack.add(
    (next, context) => (args) => {
      const header = String((args.request as { headers?: Record<string, string> }).headers?.['amz-sdk-request'] ?? '');
      const attempt = Number(/attempt=(\d+)/.exec(header)?.[1] ?? 1);
      if (counting && context.commandName === `${operation}Command` && attempt > 1) retries++;
      return next(args);
    },
    { step: 'deserialize', name: 'robustnessAttemptCounter' },
  );
  let started = false;
  startFault = () => {
    if (started) return;
    started = true;
    counting = true;
    if (fault === 'badSignature') badKeys = true;
    else if (fault === 'clockSkew') emulator.advanceClock(20 * 60_000);
    else if (fault === 'deletedBetweenPages' && operation === 'ListFleets')
      emulator.state.deleteFleet(emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION)[PAGE + 3].fleetId);
    const rules = faultRules(fault, operation);
    if (rules) emulator.setFaults({ rules });
  };
  const clearFault = () => {
    counting = false;
    badKeys = false;
    emulator.setFaults({ rules: [] });
  };
  const model = new ExplorerModel(clients, {
    pageSize: EVENT_PAGE,
    defaultWindow: () => ({}),
    now: () => Date.now(),
    fleetListing: { pageSize: PAGE, batchSize: PAGE },
  });
  const t0 = Date.now();
  try {
    if (operation === 'DescribeFleetEvents')
      return await eventsCell(emulator, model, target, operation, fault, startFault, clearFault, () => retries, t0);
    return await listCell(emulator, model, target, operation, fault, clearFault, () => retries, t0);
  } finally {
    model.dispose();
    clients.forget();
    await emulator.stop();
  }
}

async function listCell(
  emulator: RunningEmulator,
  model: ExplorerModel,
  target: ConnectionTarget,
  operation: MatrixOperation,
  fault: MatrixFault,
  clearFault: () => void,
  retries: () => number,
  started: number,
): Promise<CellResult> {
  const connection = model.connection(target);
  await connection.load();
  const retryCount = retries();
  const error = connection.error;
  clearFault();
  if (error) await connection.load(); // the error node's Retry
  const expected = emulator.state.fleetsOf(DEFAULT_TEST_ACCOUNT.accountId, REGION);
  const problem = connection.error
    ? `still failing after Retry: ${connection.error.message}`
    : compareFleets(connection.fleets ?? [], expected);
  return cellResult(operation, fault, error, retryCount, problem, started);
}

async function eventsCell(
  emulator: RunningEmulator,
  model: ExplorerModel,
  target: ConnectionTarget,
  operation: MatrixOperation,
  fault: MatrixFault,
  startFault: () => void,
  clearFault: () => void,
  retries: () => number,
  started: number,
): Promise<CellResult> {
  const fleet = model.fleet({ target, fleetId: EVENTS_FLEET });
  await fleet.ensureStarted(); // page 1 arrives cleanly; the fault hits page 2 onwards
  startFault();
  while (fleet.hasMore && !fleet.error) await fleet.loadMore();
  const retryCount = retries();
  const error = fleet.error;
  clearFault();
  if (error) {
    // The error node's Retry loads the page that failed, then the user keeps loading.
    while (fleet.hasMore) {
      await fleet.loadMore();
      if (fleet.error) break;
    }
  }
  const problem = fleet.error
    ? `still failing after Retry: ${fleet.error.message}`
    : compareEvents(fleet.events, emulator.state.events(EVENTS_FLEET));
  return cellResult(operation, fault, error, retryCount, problem, started);
}

/** What one cell reports: the first outcome the user saw, retries, and the exactly-once check. */
function cellResult(
  operation: MatrixOperation,
  fault: MatrixFault,
  error: { kind: string; message: string; retryable: boolean } | undefined,
  retryCount: number,
  problem: string | undefined,
  started: number,
): CellResult {
  return {
    operation,
    fault,
    firstOutcome: error ? error.kind : 'ok',
    ...(error ? { message: error.message, retryable: error.retryable } : {}),
    retries: retryCount,
    userRetry: error !== undefined,
    exactlyOnce: problem === undefined,
    ...(problem ? { problem } : {}),
    ms: Date.now() - started,
  };
}

function compareFleets(
  shown: readonly FleetSummary[],
  expected: readonly { fleetId: string; name?: string; createdAt?: number }[],
): string | undefined {
  const ids = shown.map((f) => f.fleetId);
  if (new Set(ids).size !== ids.length) return `${ids.length - new Set(ids).size} fleet(s) shown twice`;
  const want = expected.map((f) => f.fleetId);
  const missing = want.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !want.includes(id));
  if (missing.length || extra.length) return `missing ${missing.length}, extra ${extra.length}`;
  const undescribed = shown.filter((f) => f.name === undefined || f.status === undefined);
  if (undescribed.length) return `${undescribed.length} fleet(s) shown without their attributes`;
  return undefined;
}

function compareEvents(
  shown: readonly FleetEvent[],
  expected: readonly { eventId: string; eventTime: number }[],
): string | undefined {
  const ids = shown.map((e) => e.eventId);
  if (new Set(ids).size !== ids.length) return `${ids.length - new Set(ids).size} event(s) shown twice`;
  const byId = new Map(shown.map((e) => [e.eventId, e]));
  const missing = expected.filter((e) => !byId.has(e.eventId));
  if (missing.length) return `${missing.length} of ${expected.length} event(s) missing`;
  if (shown.length !== expected.length) return `${shown.length - expected.length} unknown event(s) shown`;
  const wrongTime = expected.filter((e) => byId.get(e.eventId)!.eventTime !== e.eventTime);
  if (wrongTime.length)
    return `${wrongTime.length} event(s) shown with the wrong time (e.g. ${String(byId.get(wrongTime[0].eventId)!.eventTime)} for ${wrongTime[0].eventTime})`;
  return undefined;
}

/** Runs every cell, one after another (cells own their endpoint, but share the CPU). */
export async function runMatrix(onCell?: (cell: CellResult) => void): Promise<CellResult[]> {
  const results: CellResult[] = [];
  for (const operation of MATRIX_OPERATIONS) {
    for (const fault of MATRIX_FAULTS) {
      const cell = await runCell(operation, fault);
      results.push(cell);
      onCell?.(cell);
    }
  }
  return results;
}
