// The one message protocol between the extension host and the details/timeline pages.
// Imported by both sides. The page is untrusted: everything it sends is checked with
// `isPageMessage` before use, and it never receives a presigned URL (the host keeps it).
// Pure: no vscode, no DOM.
import type { Severity } from '../gamelift/eventCatalog';
import { isFleetRef, type FleetEvent, type FleetRef } from '../gamelift/types';
import { isObject, isOptionalString } from '../shared/guards';

// ---------- view models (plain JSON) ----------

export interface FleetInfoView {
  readonly fleetId: string;
  readonly name?: string;
  readonly status?: string;
  readonly region: string;
  /** Undefined: the default credential chain. */
  readonly profile?: string;
  /** Origin of a custom endpoint, if one is used. */
  readonly endpoint?: string;
}

export interface EventView {
  readonly eventId: string;
  readonly resourceId?: string;
  readonly eventCode: string;
  readonly message?: string;
  readonly count?: number;
  /** Epoch ms; the page renders it in local time and relative to now. */
  readonly eventTime?: number;
  readonly eventTimeUtc?: string;
  readonly title: string;
  readonly category: string;
  readonly categoryLabel: string;
  readonly severity: Severity;
  readonly severityReason: string;
  readonly knownCode: boolean;
}

export type LogLinkView =
  /** The event has no log. */
  | { readonly state: 'none' }
  /** A link exists; the page shows where it points and counts down to expiry. */
  | {
      readonly state: 'available';
      readonly host: string;
      readonly fetchedAt: number;
      readonly validityMs: number;
      /** Set when the URL failed the policy check: the page shows why and offers no Open. */
      readonly refusedReason?: string;
    }
  /** Restored after a reload: the link was not kept, a fresh one must be fetched. */
  | { readonly state: 'stale' }
  /** GameLift no longer returns this event, so no fresh link can be had. */
  | { readonly state: 'gone' };

export interface NavTargetView {
  readonly eventId: string;
  readonly title: string;
  readonly eventTimeUtc?: string;
}

export interface DetailsViewModel {
  readonly event: EventView;
  readonly fleet: FleetInfoView;
  readonly guidance: { readonly explanation: string; readonly nextSteps: readonly string[]; readonly known: boolean };
  readonly log: LogLinkView;
  readonly navigation: {
    readonly older?: NavTargetView;
    readonly newer?: NavTargetView;
    /** 1-based position among the fleet's loaded events (newest first); undefined when not loaded. */
    readonly position?: number;
    readonly total: number;
  };
  /** False for the preview panel that follows the selection. */
  readonly pinned: boolean;
}

export interface TimelineMarkView {
  readonly eventId: string;
  readonly eventCode: string;
  readonly title: string;
  readonly severity: Severity;
  readonly time: number;
  readonly timeUtc: string;
  readonly message?: string;
  readonly count?: number;
}

export interface TimelineLaneView {
  readonly category: string;
  readonly label: string;
  readonly marks: readonly TimelineMarkView[];
}

export type StatusTone = 'progress' | 'ok' | 'error' | 'ended' | 'unknown';

export interface StatusSegmentView {
  readonly status: string;
  readonly start: number;
  readonly end: number;
  readonly tone: StatusTone;
  /** True when the segment's end is "now" (the status still holds as far as we know). */
  readonly open: boolean;
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
}

// ---------- persisted panel state (saved by the page with setState, read back on reload) ----------

/** The event without its presigned URL: a bearer link is not written to disk. */
export type PersistedEvent = Omit<FleetEvent, 'preSignedLogUrl'> & { readonly hadLog: boolean };

export type PersistedState =
  | { readonly kind: 'details'; readonly ref: FleetRef; readonly event: PersistedEvent; readonly pinned: boolean }
  | { readonly kind: 'timeline'; readonly ref: FleetRef };

// ---------- host → page ----------

export type HostMessage =
  | {
      readonly type: 'showDetails';
      readonly model: DetailsViewModel;
      readonly hostNow: number;
      readonly persist: PersistedState;
    }
  | { readonly type: 'logLink'; readonly log: LogLinkView; readonly hostNow: number; readonly persist: PersistedState }
  | { readonly type: 'busy'; readonly busy: boolean; readonly label: string }
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly text: string }
  | {
      readonly type: 'showTimeline';
      readonly model: TimelineViewModel;
      readonly hostNow: number;
      readonly persist: PersistedState;
    };

// ---------- page → host ----------

export type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openLog' }
  | { readonly type: 'copyLogLink' }
  | { readonly type: 'refreshLink' }
  | { readonly type: 'openDocs' }
  /** Older/newer event of the same fleet, among those loaded in the explorer. */
  | { readonly type: 'navigate'; readonly direction: 'older' | 'newer' }
  | { readonly type: 'reveal' }
  | { readonly type: 'copyJson' }
  | { readonly type: 'keepOpen' }
  | { readonly type: 'openEvent'; readonly eventId: string }
  | { readonly type: 'refreshTimeline' };

const SIMPLE_PAGE_MESSAGES = new Set([
  'ready',
  'openLog',
  'copyLogLink',
  'refreshLink',
  'openDocs',
  'reveal',
  'copyJson',
  'keepOpen',
  'refreshTimeline',
]);

/** Longest event ID we accept from the page (real ones are ~40 characters). */
const MAX_EVENT_ID_LENGTH = 256;

/** Type guard for messages from the (untrusted) page. Anything else is to be ignored. */
export function isPageMessage(value: unknown): value is PageMessage {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  if (SIMPLE_PAGE_MESSAGES.has(value.type)) return true;
  switch (value.type) {
    case 'navigate':
      return value.direction === 'older' || value.direction === 'newer';
    case 'openEvent':
      return (
        typeof value.eventId === 'string' && value.eventId.length > 0 && value.eventId.length <= MAX_EVENT_ID_LENGTH
      );
    default:
      return false;
  }
}

const HOST_MESSAGE_TYPES = new Set(['showDetails', 'logLink', 'busy', 'notice', 'showTimeline']);

/** The page's check on what it receives (the host is trusted, but the page must not crash on junk). */
export function isHostMessage(value: unknown): value is HostMessage {
  return isObject(value) && typeof value.type === 'string' && HOST_MESSAGE_TYPES.has(value.type);
}

function isOptionalNumber(v: unknown): boolean {
  return v === undefined || (typeof v === 'number' && Number.isFinite(v));
}

/** Checks state handed back by VS Code after a reload (it was written by the page, so it is untrusted too). */
export function isPersistedState(value: unknown): value is PersistedState {
  if (!isObject(value) || !isFleetRef(value.ref)) return false;
  if (value.kind === 'timeline') return true;
  if (value.kind !== 'details' || typeof value.pinned !== 'boolean') return false;
  const e = value.event;
  return (
    isObject(e) &&
    typeof e.eventId === 'string' &&
    e.eventId.length > 0 &&
    e.eventId.length <= MAX_EVENT_ID_LENGTH &&
    typeof e.eventCode === 'string' &&
    isOptionalString(e.resourceId) &&
    isOptionalString(e.message) &&
    isOptionalNumber(e.eventTime) &&
    isOptionalNumber(e.count) &&
    typeof e.fetchedAt === 'number' &&
    Number.isFinite(e.fetchedAt) &&
    typeof e.hadLog === 'boolean' &&
    e.preSignedLogUrl === undefined
  );
}
