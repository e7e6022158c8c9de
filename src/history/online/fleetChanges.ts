// "Who changed this fleet?": the write calls (readOnly = false) among a window's GameLift events
// that name the fleet in requestParameters, responseElements or resources, as "who · what · when"
// with the error code of calls that failed. Filtering is ours: LookupEvents takes one attribute.
import { gameliftResourceId } from '../gameliftIds';
import type { LookupRecord, LookupWindow } from './lookupHistory';

export interface FleetChange {
  readonly eventId: string;
  /** Epoch ms (NaN if the record had no readable time). */
  readonly time: number;
  /** What: the API call, e.g. UpdateFleetCapacity. */
  readonly eventName: string;
  /** Who, short: user name, role session name or service. */
  readonly who: string;
  /** Who, in full: the identity's ARN (or the invoking service). */
  readonly principal: string;
  readonly sourceIp: string;
  readonly region: string;
  readonly account: string;
  /** Set when the call failed. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** The record as CloudTrail returned it, to open as a read-only CloudTrail document. */
  readonly text: string;
}

/** The fleet ID of a fleet ID or ARN (what records are matched by). */
export function fleetKey(fleetIdOrArn: string): string {
  return gameliftResourceId(fleetIdOrArn.trim()) ?? fleetIdOrArn.trim();
}

export function isChangeOf(event: LookupRecord, fleetId: string, writesOnly = true): boolean {
  if (writesOnly && event.summary.readOnly !== false) return false;
  return event.summary.resources.includes(fleetId);
}

export function toFleetChange(event: LookupRecord): FleetChange {
  const s = event.summary;
  const message = event.record.errorMessage;
  return {
    eventId: event.eventId,
    time: s.time,
    eventName: s.eventName,
    who: s.user || s.principal,
    principal: s.principal,
    sourceIp: s.sourceIp,
    region: s.region,
    account: s.account,
    ...(s.errorCode ? { errorCode: s.errorCode } : {}),
    ...(s.errorCode && typeof message === 'string' ? { errorMessage: message } : {}),
    text: event.text,
  };
}

/** The fleet's changes among events already loaded, newest first. */
export function fleetChangesIn(
  events: readonly LookupRecord[],
  fleetIdOrArn: string,
  options: { writesOnly?: boolean } = {},
): FleetChange[] {
  const fleetId = fleetKey(fleetIdOrArn);
  return events.filter((e) => isChangeOf(e, fleetId, options.writesOnly ?? true)).map(toFleetChange);
}

export interface FleetChangesResult {
  readonly changes: FleetChange[];
  /** True when the whole window was read (the list is all there is). */
  readonly complete: boolean;
}

/**
 * Loads pages of the window until `wanted` changes of the fleet are known, the window is read,
 * or `maxPages` more pages were loaded (the caller shows "Load more" when not complete).
 */
export async function loadFleetChanges(
  window: LookupWindow,
  fleetIdOrArn: string,
  options: { wanted?: number; maxPages?: number; writesOnly?: boolean; signal?: AbortSignal } = {},
): Promise<FleetChangesResult> {
  const fleetId = fleetKey(fleetIdOrArn);
  const writesOnly = options.writesOnly ?? true;
  const wanted = options.wanted ?? 50;
  await window.loadUntil((events) => events.filter((e) => isChangeOf(e, fleetId, writesOnly)).length >= wanted, {
    ...(options.signal ? { signal: options.signal } : {}),
    maxPages: options.maxPages ?? 10,
  });
  return { changes: fleetChangesIn(window.events, fleetId, { writesOnly }), complete: window.complete };
}
