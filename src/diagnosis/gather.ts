// Gathers what the diagnosis reads and makes it: the fleet's attributes, its events (for a fleet
// that is not ACTIVE all since creation; for an ACTIVE one the recent ones), its runtime
// configuration and locations (in parallel with the event pages), then the logs of its creation
// and failure events (one per event code, the newest, in parallel), then `diagnoseFleet`. No
// vscode: the extension and the command line both call it, with the same client factory.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { classifyError, isCancellation, throwIfAborted } from '../gamelift/errors';
import { fetchEvents } from '../gamelift/eventPager';
import { refetchEvent } from '../gamelift/eventLookup';
import {
  fetchEventsSinceCreation,
  SINCE_CREATION_MAX_EVENTS,
  SINCE_CREATION_PAGE_SIZE,
} from '../gamelift/eventsSinceCreation';
import { describeFleetLocations, type FleetLocationState } from '../gamelift/fleetLocations';
import { describeFleet } from '../gamelift/fleetService';
import { describeRuntimeConfiguration, type RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { FleetEvent, FleetSummary } from '../gamelift/types';
import type { LogFile } from '../logs/decode';
import { fetchEventLog } from '../logs/fetchEventLog';
import { diagnoseFleet } from './diagnose';
import type { Diagnosis, DiagnosisInput, EventLog } from './types';
import { mapLimited } from '../common/mapLimited';

/** How far back an ACTIVE fleet's events are read without `since`: the health stories look a day back. */
export const ACTIVE_WINDOW_MS = 2 * 24 * 3_600_000;

/** Event codes whose logs the stories read; the newest event of each with a log is downloaded. */
export const DIAGNOSIS_LOG_CODES: readonly string[] = [
  'FLEET_BINARY_DOWNLOAD_FAILED',
  'FLEET_CREATION_EXTRACTING_BUILD',
  'FLEET_CREATION_RUNNING_INSTALLER',
  'FLEET_CREATION_COMPLETED_INSTALLER',
  'FLEET_CREATION_FAILED_INSTALLER',
  'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG',
  'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND',
  'FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE',
  'FLEET_ACTIVATION_FAILED',
  'SERVER_PROCESS_CRASHED',
];

/** Downloads at once. */
const LOG_CONCURRENCY = 4;

/** The files of one event's log, or why they could not be read. */
export type LoadedLog = { readonly files: readonly LogFile[] } | { readonly problem: string };

export interface GatherOptions {
  /** The caller's clock (epoch ms). */
  readonly now: () => number;
  readonly signal?: AbortSignal;
  /** Read events from then on (epoch ms) instead of since creation / the recent window. */
  readonly since?: number;
  /**
   * Reads one event's log (the extension passes its cached, renewing reader). Default: a download
   * through `fetchEventLog`, renewing an expired link once with `refetchEvent`.
   */
  readonly loadLog?: (event: FleetEvent, signal?: AbortSignal) => Promise<LoadedLog>;
  /** For the default reader: origins besides AWS hosts that may serve logs (the custom endpoint). */
  readonly allowedEndpoints?: readonly (string | undefined)[];
  readonly maxLogBytes?: number;
  /** What is being done now, for a progress line. */
  readonly onProgress?: (what: string) => void;
  /** Events per DescribeFleetEvents page (default 500). */
  readonly pageSize?: number;
}

export interface GatheredDiagnosis {
  readonly diagnosis: Diagnosis;
  /** What was diagnosed (the same plain JSON `diagnoseFleet` read). */
  readonly input: DiagnosisInput;
  /** The events read, newest first (with their log links: keep them on the host). */
  readonly events: readonly FleetEvent[];
  /** The logs read, per event. */
  readonly logs: readonly { readonly event: FleetEvent; readonly files: readonly LogFile[] }[];
  /** What could not be read (the diagnosis went on without it), one sentence each. */
  readonly gaps: readonly string[];
}

/** Thrown when the fleet cannot be diagnosed at all (it does not exist, no access…). */
export class DiagnosisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiagnosisUnavailableError';
  }
}

/** The newest event with a log of each code the stories read. */
export function logEventsToRead(events: readonly FleetEvent[]): FleetEvent[] {
  const newest = new Map<string, FleetEvent>();
  for (const e of events) {
    if (!e.preSignedLogUrl || !DIAGNOSIS_LOG_CODES.includes(e.eventCode)) continue;
    const seen = newest.get(e.eventCode);
    if (!seen || (e.eventTime ?? 0) > (seen.eventTime ?? 0)) newest.set(e.eventCode, e);
  }
  return [...newest.values()].sort((a, b) => (a.eventTime ?? 0) - (b.eventTime ?? 0));
}

export async function gatherDiagnosis(
  client: GameLiftClient,
  fleetOrId: FleetSummary | string,
  options: GatherOptions,
): Promise<GatheredDiagnosis> {
  const { signal } = options;
  const gaps: string[] = [];
  const fleet = typeof fleetOrId === 'string' ? await describe(client, fleetOrId, signal) : fleetOrId;
  const fleetId = fleet.fleetId;
  const active = fleet.status === 'ACTIVE';

  // The event pages are sequential; the two other reads go alongside them.
  options.onProgress?.('Reading events, runtime configuration and locations');
  const tolerate = <T>(what: string, read: Promise<T>): Promise<T | undefined> =>
    read.catch((err: unknown) => {
      if (isCancellation(err)) throw err;
      gaps.push(`${what} could not be read: ${classifyError(err, { fleetId }).message}`);
      return undefined;
    });
  const [history, runtimeConfiguration, locations] = await Promise.all([
    readEvents(client, fleet, active, options),
    tolerate<RuntimeConfiguration | undefined>(
      'The runtime configuration',
      describeRuntimeConfiguration(client, fleetId, signal),
    ),
    tolerate<FleetLocationState[]>('The locations', describeFleetLocations(client, fleetId, signal)),
  ]);
  throwIfAborted(signal);

  const toRead = logEventsToRead(history.events);
  if (toRead.length > 0) options.onProgress?.(`Reading ${toRead.length} log${toRead.length === 1 ? '' : 's'}`);
  const loadLog = options.loadLog ?? defaultLogReader(client, fleetId, options);
  const read = await mapLimited(toRead, LOG_CONCURRENCY, (event) =>
    loadLog(event, signal).catch((err: unknown): LoadedLog => {
      if (isCancellation(err)) throw err;
      return { problem: classifyError(err, { fleetId }).message };
    }),
  );
  const logs: { event: FleetEvent; files: readonly LogFile[] }[] = [];
  read.forEach((result, i) => {
    if ('files' in result) logs.push({ event: toRead[i], files: result.files });
    else
      gaps.push(`The log of ${toRead[i].eventCode} (event ${toRead[i].eventId}) could not be read: ${result.problem}`);
  });

  const eventLogs: EventLog[] = logs.flatMap(({ event, files }) =>
    files.map((f) => ({ eventId: event.eventId, text: f.text, ...(files.length > 1 ? { name: f.name } : {}) })),
  );
  const input: DiagnosisInput = {
    fleet,
    events: history.events,
    eventsComplete: history.complete,
    ...(runtimeConfiguration ? { runtimeConfiguration } : {}),
    ...(locations ? { locations } : {}),
    logs: eventLogs,
    now: options.now(),
  };
  return { diagnosis: diagnoseFleet(input), input, events: history.events, logs, gaps };
}

async function describe(client: GameLiftClient, fleetIdOrArn: string, signal?: AbortSignal): Promise<FleetSummary> {
  const fleet = await describeFleet(client, fleetIdOrArn, signal);
  if (!fleet) throw new DiagnosisUnavailableError(`No fleet ${fleetIdOrArn.trim()} in this account and Region.`);
  return fleet;
}

async function readEvents(
  client: GameLiftClient,
  fleet: FleetSummary,
  active: boolean,
  options: GatherOptions,
): Promise<{ events: FleetEvent[]; complete: boolean }> {
  const pageSize = options.pageSize ?? SINCE_CREATION_PAGE_SIZE;
  if (!active && options.since === undefined) {
    return fetchEventsSinceCreation(client, fleet.fleetId, {
      creationTime: fleet.creationTime,
      signal: options.signal,
      now: options.now,
      pageSize,
    });
  }
  const start = options.since ?? options.now() - ACTIVE_WINDOW_MS;
  const events = await fetchEvents(
    client,
    fleet.fleetId,
    { start },
    { limit: SINCE_CREATION_MAX_EVENTS + 1, pageSize, signal: options.signal, now: options.now },
  );
  const cut = events.length > SINCE_CREATION_MAX_EVENTS;
  if (cut) events.length = SINCE_CREATION_MAX_EVENTS;
  // For a fleet still failing or on its way, a window after its creation leaves its start out.
  const startsLate = !active && fleet.creationTime !== undefined && start > fleet.creationTime;
  return { events, complete: !cut && !startsLate };
}

/** Downloads through the URL policy, renewing an expired link once (the command line's reader). */
function defaultLogReader(
  client: GameLiftClient,
  fleetId: string,
  options: GatherOptions,
): (event: FleetEvent, signal?: AbortSignal) => Promise<LoadedLog> {
  return async (event, signal) => {
    const result = await fetchEventLog(event.preSignedLogUrl ?? '', {
      name: `${event.eventId}.log`,
      allowedEndpoints: options.allowedEndpoints,
      maxBytes: options.maxLogBytes,
      signal,
      now: options.now,
      refresh: async (s) =>
        (await refetchEvent(client, fleetId, event, { signal: s, now: options.now }))?.preSignedLogUrl,
    });
    return result.kind === 'ok' ? { files: result.files } : { problem: result.message };
  };
}
