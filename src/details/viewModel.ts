// Turns a fleet event (plus what the explorer knows about its fleet) into the plain view model
// the details page renders. Pure: no vscode, no clock; the presigned URL itself never enters
// the model, only the host it points at and whether the policy allows it.
import type { Diagnosis } from '../diagnosis/types';
import { markBidiControls } from '../gamelift/bidi';
import { categoryLabel, lookupEventCode } from '../gamelift/eventCatalog';
import { guidanceForCode } from '../gamelift/eventGuidance';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import { toFleetInfo } from '../panel/fleetInfo';
import { LOG_URL_VALIDITY_MS, logUrlExpiry } from '../gamelift/logUrl';
import type { DetailsViewModel, EventView, LogLinkView, NavTargetView, PersistedEvent } from './protocol';
import { formatUtc } from '../common/timeFormat';
import { checkExternalUrl, displayHost } from '../gamelift/urlPolicy';

export interface DetailsInput {
  readonly ref: FleetRef;
  readonly event: FleetEvent;
  readonly fleet?: FleetSummary;
  /** The fleet's loaded events, newest first (from the explorer). */
  readonly loadedEvents: readonly FleetEvent[];
  readonly pinned: boolean;
  /** Overrides the log state: 'stale' after a reload, 'gone' when a refetch found nothing. */
  readonly logOverride?: 'stale' | 'gone';
  /** Custom endpoints whose origin may serve log links (see urlPolicy). */
  readonly customEndpoints?: readonly (string | undefined)[];
  /** The fleet's diagnosis, if one was made. */
  readonly diagnosis?: Pick<Diagnosis, 'verdict' | 'headline'>;
}

export function toEventView(event: FleetEvent): EventView {
  const info = lookupEventCode(event.eventCode);
  return {
    eventId: event.eventId,
    resourceId: event.resourceId,
    eventCode: event.eventCode,
    message: event.message,
    count: event.count,
    eventTime: event.eventTime,
    eventTimeUtc: event.eventTime !== undefined ? formatUtc(event.eventTime) : undefined,
    title: info.title,
    category: info.category,
    categoryLabel: categoryLabel(info.category),
    severity: info.severity,
    severityReason: info.severityReason,
    knownCode: info.known,
  };
}

export function logLinkView(
  event: FleetEvent,
  options: Pick<DetailsInput, 'logOverride' | 'customEndpoints'>,
): LogLinkView {
  if (options.logOverride) return { state: options.logOverride };
  const url = event.preSignedLogUrl;
  const expiry = logUrlExpiry(event);
  if (!url || !expiry) return { state: 'none' };
  const verdict = checkExternalUrl(url, 'log', { customEndpoints: options.customEndpoints });
  return {
    state: 'available',
    host: displayHost(url) ?? 'an unreadable address',
    expiresAt: expiry.expiresAt,
    validityMs: expiry.signedAt !== undefined ? Math.max(1, expiry.expiresAt - expiry.signedAt) : LOG_URL_VALIDITY_MS,
    refusedReason: verdict.allowed ? undefined : verdict.reason,
  };
}

function navTarget(event: FleetEvent | undefined): NavTargetView | undefined {
  if (!event) return undefined;
  return {
    eventId: event.eventId,
    title: lookupEventCode(event.eventCode).title,
    eventTimeUtc: event.eventTime !== undefined ? formatUtc(event.eventTime) : undefined,
  };
}

/** The loaded events next to `eventId` (the list is newest first). */
export function neighbours(
  loaded: readonly FleetEvent[],
  eventId: string,
): { index: number; older?: FleetEvent; newer?: FleetEvent } {
  const index = loaded.findIndex((e) => e.eventId === eventId);
  if (index < 0) return { index };
  return { index, older: loaded[index + 1], newer: index > 0 ? loaded[index - 1] : undefined };
}

export function buildDetailsViewModel(input: DetailsInput): DetailsViewModel {
  const guidance = guidanceForCode(input.event.eventCode);
  const near = neighbours(input.loadedEvents, input.event.eventId);
  return {
    event: toEventView(input.event),
    fleet: toFleetInfo(input.ref, input.fleet),
    guidance: { explanation: guidance.explanation, nextSteps: guidance.nextSteps, known: guidance.known },
    log: logLinkView(input.event, input),
    navigation: {
      older: navTarget(near.older),
      newer: navTarget(near.newer),
      position: near.index >= 0 ? near.index + 1 : undefined,
      total: input.loadedEvents.length,
    },
    pinned: input.pinned,
    ...(input.diagnosis && input.diagnosis.verdict !== 'healthy'
      ? { diagnosis: { verdict: input.diagnosis.verdict, headline: markBidiControls(input.diagnosis.headline) } }
      : {}),
  };
}

/** What the page may save across reloads: the event without its presigned URL. */
export function toPersistedEvent(event: FleetEvent): PersistedEvent {
  const { preSignedLogUrl, ...rest } = event;
  return { ...rest, hadLog: preSignedLogUrl !== undefined && preSignedLogUrl !== '' };
}

/** Back from persisted form; the URL is gone, so the caller marks the log as stale if it had one. */
export function fromPersistedEvent(saved: PersistedEvent): { event: FleetEvent; hadLog: boolean } {
  const { hadLog, ...rest } = saved;
  return { event: { ...rest }, hadLog };
}
