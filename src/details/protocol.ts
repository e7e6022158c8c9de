// The message protocol between the extension host and the event details page, imported by
// both sides. The page is untrusted: everything it sends is checked with `isPageMessage` before
// use, and it never receives a presigned URL (the host keeps it). Pure: no vscode, no DOM.
import type { Severity } from '../gamelift/eventCatalog';
import type { FleetInfoView } from '../panel/fleetInfo';
import { isEventId, isReadyMessage, type ReadyMessage } from '../panel/protocol';
import { isFleetRef, type FleetEvent, type FleetRef } from '../gamelift/types';
import { isObject, isOptionalString } from '../common/guards';

// ---------- view models (plain JSON) ----------

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
      /** When the link stops working (epoch ms), as the URL itself says (X-Amz-Date + X-Amz-Expires). */
      readonly expiresAt: number;
      /** The link's whole lifetime, for the countdown bar. */
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
  /** The fleet's diagnosis when it is not healthy (Open diagnosis shows the rest). */
  readonly diagnosis?: { readonly verdict: 'failed' | 'stuck' | 'degraded'; readonly headline: string };
}

// ---------- persisted panel state (saved by the page with setState, read back on reload) ----------

/** The event without its presigned URL: a bearer link is not written to disk. */
export type PersistedEvent = Omit<FleetEvent, 'preSignedLogUrl'> & { readonly hadLog: boolean };

export interface PersistedState {
  readonly kind: 'details';
  readonly ref: FleetRef;
  readonly event: PersistedEvent;
  readonly pinned: boolean;
}

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
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly text: string };

// ---------- page → host ----------

export type PageMessage =
  /** Open the log in the editor (downloaded on the host). */
  | { readonly type: 'openLog' }
  /** Open the log link in the browser (the second way). */
  | { readonly type: 'openLogInBrowser' }
  | { readonly type: 'copyLogLink' }
  | { readonly type: 'refreshLink' }
  | { readonly type: 'openDocs' }
  /** Older/newer event of the same fleet, among those loaded in the explorer. */
  | { readonly type: 'navigate'; readonly direction: 'older' | 'newer' }
  | { readonly type: 'reveal' }
  | { readonly type: 'copyJson' }
  | { readonly type: 'keepOpen' }
  /** Open the fleet's Diagnosis panel. */
  | { readonly type: 'openDiagnosis' };

const SIMPLE_PAGE_MESSAGES = new Set([
  'openLog',
  'openLogInBrowser',
  'copyLogLink',
  'refreshLink',
  'openDocs',
  'reveal',
  'copyJson',
  'keepOpen',
  'openDiagnosis',
]);

/** Type guard for messages from the (untrusted) page. Anything else is to be ignored. */
export function isPageMessage(value: unknown): value is PageMessage | ReadyMessage {
  if (isReadyMessage(value)) return true;
  if (!isObject(value) || typeof value.type !== 'string') return false;
  if (SIMPLE_PAGE_MESSAGES.has(value.type)) return true;
  return value.type === 'navigate' && (value.direction === 'older' || value.direction === 'newer');
}

const HOST_MESSAGE_TYPES = new Set(['showDetails', 'logLink', 'busy', 'notice']);

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
  if (value.kind !== 'details' || typeof value.pinned !== 'boolean') return false;
  const e = value.event;
  return (
    isObject(e) &&
    isEventId(e.eventId) &&
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
