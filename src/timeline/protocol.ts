// The message protocol between the extension host and the fleet timeline page, imported by
// both sides. The page is untrusted: everything it sends is checked with `isPageMessage`
// before use; it names events by ID only and the host looks them up. Pure: no vscode, no DOM.
import type { Severity } from '../gamelift/eventCatalog';
import { isFleetRef, type FleetRef } from '../gamelift/types';
import type { FleetInfoView } from '../panel/fleetInfo';
import { isEventId, isReadyMessage, type ReadyMessage } from '../panel/protocol';
import { isObject } from '../common/guards';

// ---------- view model (plain JSON) ----------

export interface TimelineMarkView {
  readonly eventId: string;
  readonly eventCode: string;
  readonly title: string;
  readonly severity: Severity;
  readonly time: number;
  readonly timeUtc: string;
  readonly message?: string;
  readonly count?: number;
  /** The event is evidence of the fleet's diagnosis. */
  readonly evidence?: boolean;
  /** Set when the mark stands for several events of a busy lane (the event above is the most telling). */
  readonly group?: MarkGroupView;
}

/** The events one mark of a busy lane stands for. */
export interface MarkGroupView {
  readonly events: number;
  readonly start: number;
  readonly end: number;
  readonly errors: number;
  readonly warnings: number;
  /** How many are evidence of the fleet's diagnosis. */
  readonly evidence: number;
}

export interface TimelineLaneView {
  readonly category: string;
  readonly label: string;
  readonly marks: readonly TimelineMarkView[];
  /** The lane's events (more than its marks when they are grouped). */
  readonly eventCount: number;
  /** True when the marks are grouped per column of the axis. */
  readonly grouped: boolean;
}

export type StatusTone = 'progress' | 'ok' | 'error' | 'ended' | 'unknown';

export interface StatusSegmentView {
  readonly status: string;
  readonly start: number;
  readonly end: number;
  readonly tone: StatusTone;
  /** True when the segment's end is "now" (the status still holds as far as we know). */
  readonly open: boolean;
  /** Set when the segment stands for this many quick changes (too narrow to draw one by one). */
  readonly changes?: number;
}

/** One write call on the fleet from CloudTrail (the Changes lane). */
export interface ChangeMarkView {
  readonly eventId: string;
  readonly eventName: string;
  readonly who: string;
  readonly time: number;
  readonly timeUtc: string;
  readonly errorCode?: string;
}

export interface ChangesLaneView {
  /** The changes inside the axis, oldest first. */
  readonly marks: readonly ChangeMarkView[];
  /** Changes read but not drawn (older than the loaded events, or without a time). */
  readonly outside: number;
  readonly loading: boolean;
  readonly complete: boolean;
  readonly error?: string;
}

export interface TimelineViewModel {
  readonly fleet: FleetInfoView;
  readonly start: number;
  readonly end: number;
  readonly lanes: readonly TimelineLaneView[];
  readonly statusBand: readonly StatusSegmentView[];
  readonly eventCount: number;
  /** Events without an EventTime cannot be placed on the axis. */
  readonly untimedCount: number;
  /** The fleet's write calls from CloudTrail, on a lane of their own. */
  readonly changes?: ChangesLaneView;
  /** The fleet's diagnosis headline when its evidence is marked on the timeline. */
  readonly diagnosisHeadline?: string;
}

// ---------- persisted panel state (saved by the page with setState, read back on reload) ----------

export interface PersistedState {
  readonly kind: 'timeline';
  readonly ref: FleetRef;
}

/** Checks state handed back by VS Code after a reload (written by the page, so untrusted too). */
export function isPersistedState(value: unknown): value is PersistedState {
  return isObject(value) && value.kind === 'timeline' && isFleetRef(value.ref);
}

// ---------- host → page ----------

export interface HostMessage {
  readonly type: 'showTimeline';
  readonly model: TimelineViewModel;
  readonly hostNow: number;
  readonly persist: PersistedState;
}

/** The page's check on what it receives (the host is trusted, but the page must not crash on junk). */
export function isHostMessage(value: unknown): value is HostMessage {
  return isObject(value) && value.type === 'showTimeline';
}

// ---------- page → host ----------

export type PageMessage =
  /** Show this event's details (the host looks it up among the loaded events). */
  | { readonly type: 'openEvent'; readonly eventId: string }
  /** Open this change's CloudTrail record (the host looks it up among the fleet's Changes). */
  | { readonly type: 'openChange'; readonly eventId: string }
  | { readonly type: 'refreshTimeline' };

/** Type guard for messages from the (untrusted) page. Anything else is to be ignored. */
export function isPageMessage(value: unknown): value is PageMessage | ReadyMessage {
  if (isReadyMessage(value)) return true;
  if (!isObject(value)) return false;
  if (value.type === 'refreshTimeline') return true;
  return (value.type === 'openEvent' || value.type === 'openChange') && isEventId(value.eventId);
}
