// The message protocol between the extension host and the fleet diagnosis page, imported by
// both sides. The page is untrusted: everything it sends is checked with `isPageMessage`; it
// names events by ID and log lines by event, file and line number, and the host looks them up.
// No presigned URL ever reaches it. Pure: no vscode, no DOM.
import type { LaunchPathCheck, PhaseTrack, Verdict } from '../diagnosis/types';
import { isFleetRef, type FleetRef } from '../gamelift/types';
import type { FleetInfoView } from '../panel/fleetInfo';
import { isEventId, isReadyMessage, type ReadyMessage } from '../panel/protocol';
import { isObject } from '../common/guards';

// ---------- view model (plain JSON) ----------

export interface PhaseStepView {
  readonly name: string;
  /** `done` before where the fleet stands, `stopped` where it failed or stalled, `current` where it is. */
  readonly state: 'done' | 'current' | 'stopped' | 'todo';
}

export interface EvidenceView {
  readonly kind: 'event' | 'log' | 'config';
  /** Service text made safe (secrets and presigned queries removed, bidi controls marked). */
  readonly text: string;
  readonly eventId?: string;
  readonly eventCode?: string;
  readonly eventTimeUtc?: string;
  /** 1-based line of the log (kind log). */
  readonly line?: number;
  /** The file inside a zip log. */
  readonly file?: string;
  /** The event is among the tree's loaded events, so "Reveal" finds it. */
  readonly inTree: boolean;
}

/** A configured launch path and its finding, as the diagnosis has it (plain JSON already). */
export type LaunchPathView = LaunchPathCheck;

export interface RuntimeView {
  readonly launchPaths: readonly LaunchPathView[];
  readonly maxConcurrentGameSessionActivations?: number;
  readonly gameSessionActivationTimeoutSeconds?: number;
  /** True when the finding is about the launch path: the page puts the configuration beside it. */
  readonly besideFinding: boolean;
}

export interface DiagnosisViewModel {
  readonly fleet: FleetInfoView;
  readonly verdict: Verdict;
  /** The story's stable ID, e.g. `installer-failed`. */
  readonly story: string;
  readonly headline: string;
  readonly cause?: { readonly text: string; readonly guess: boolean };
  readonly phase: {
    readonly track: PhaseTrack;
    readonly steps: readonly PhaseStepView[];
    readonly status?: string;
    readonly step?: string;
  };
  readonly evidence: readonly EvidenceView[];
  readonly nextSteps: readonly string[];
  readonly hints: readonly string[];
  readonly also: readonly { readonly verdict: Verdict; readonly headline: string }[];
  readonly runtime?: RuntimeView;
  /** What could not be read (the diagnosis went on without it). */
  readonly gaps: readonly string[];
  readonly read: { readonly events: number; readonly complete: boolean; readonly logs: number };
  readonly atUtc: string;
}

// ---------- persisted panel state ----------

export interface PersistedState {
  readonly kind: 'diagnosis';
  readonly ref: FleetRef;
}

export function isPersistedState(value: unknown): value is PersistedState {
  return isObject(value) && value.kind === 'diagnosis' && isFleetRef(value.ref);
}

// ---------- host → page ----------

export type HostMessage =
  | { readonly type: 'showDiagnosis'; readonly model: DiagnosisViewModel; readonly persist: PersistedState }
  /** Reading is under way (`text` says what), or over (`text` undefined). */
  | { readonly type: 'progress'; readonly text?: string; readonly fleetLabel: string; readonly persist: PersistedState }
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly fleetLabel: string;
      readonly persist: PersistedState;
    };

const HOST_TYPES = new Set(['showDiagnosis', 'progress', 'failed']);

export function isHostMessage(value: unknown): value is HostMessage {
  return isObject(value) && typeof value.type === 'string' && HOST_TYPES.has(value.type);
}

// ---------- page → host ----------

export type PageMessage =
  /** Show the event's details. */
  | { readonly type: 'openEvent'; readonly eventId: string }
  /** Select the event in the Fleets view. */
  | { readonly type: 'revealEvent'; readonly eventId: string }
  /** Open the event's log at a line. */
  | { readonly type: 'openLogLine'; readonly eventId: string; readonly line: number; readonly file?: string }
  | { readonly type: 'copyMarkdown' }
  | { readonly type: 'rediagnose' }
  | { readonly type: 'cancel' };

/** Longest file name inside a zip log a page may name. */
const MAX_FILE_NAME = 1024;

export function isPageMessage(value: unknown): value is PageMessage | ReadyMessage {
  if (isReadyMessage(value)) return true;
  if (!isObject(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'copyMarkdown':
    case 'rediagnose':
    case 'cancel':
      return true;
    case 'openEvent':
    case 'revealEvent':
      return isEventId(value.eventId);
    case 'openLogLine':
      return (
        isEventId(value.eventId) &&
        typeof value.line === 'number' &&
        Number.isInteger(value.line) &&
        value.line >= 1 &&
        value.line <= 100_000_000 &&
        (value.file === undefined ||
          (typeof value.file === 'string' && value.file.length > 0 && value.file.length <= MAX_FILE_NAME))
      );
    default:
      return false;
  }
}
