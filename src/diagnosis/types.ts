// What the diagnosis reads and what it answers. Plain JSON both ways: the extension, the
// command line (`--format json`) and the tests share these shapes. Times are epoch ms.
import type { FleetLocationState } from '../gamelift/fleetLocations';
import type { RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { FleetEvent, FleetSummary } from '../gamelift/types';

export type Verdict = 'healthy' | 'failed' | 'stuck' | 'degraded';

/** The fields of a fleet event the diagnosis reads (a FleetEvent fits). */
export type DiagnosisEvent = Pick<
  FleetEvent,
  'eventId' | 'eventCode' | 'message' | 'eventTime' | 'count' | 'resourceId'
>;

/** One log file of an event (a zip log gives several, each with its name). */
export interface EventLog {
  readonly eventId: string;
  readonly text: string;
  /** The file's name inside an archive; absent for a plain log. */
  readonly name?: string;
}

export interface DiagnosisInput {
  /** DescribeFleetAttributes (or DescribeContainerFleet) as plain JSON. */
  readonly fleet: FleetSummary;
  /** In any order. For a fleet that is not ACTIVE: every event since creation. */
  readonly events: readonly DiagnosisEvent[];
  /** False when the caller stopped reading before the fleet's first event (the history is cut). */
  readonly eventsComplete?: boolean;
  readonly runtimeConfiguration?: RuntimeConfiguration;
  /** DescribeFleetLocationAttributes, home Region first. */
  readonly locations?: readonly FleetLocationState[];
  /** Logs of creation and failure events that were downloaded. */
  readonly logs?: readonly EventLog[];
  /** "Now" from the caller's clock. */
  readonly now: number;
}

export interface Evidence {
  readonly kind: 'event' | 'log' | 'config';
  /** The event (kind event) or the event whose log holds the line (kind log). */
  readonly eventId?: string;
  /** 1-based line number in the log. */
  readonly line?: number;
  /** The log file inside an archive, when the event's log had several. */
  readonly file?: string;
  /** What the evidence says, service text made safe to show (secrets removed, bidi controls marked). */
  readonly text: string;
}

export interface Cause {
  readonly text: string;
  /** True when the events and logs point at it but do not state it. */
  readonly guess: boolean;
}

export type PhaseTrack = 'ec2' | 'container' | 'anywhere';

export interface PhaseReport {
  readonly track: PhaseTrack;
  /** The creation phases of this kind of fleet, in order, ending with ACTIVE. */
  readonly steps: readonly string[];
  /** The furthest phase the events or the status show. */
  readonly reached: string;
  /** The phase in which creation failed or is stuck; absent when nothing stopped. */
  readonly stoppedAt?: string;
  /** The creation step inside the phase, when the events name it. */
  readonly step?: 'download' | 'extract' | 'install' | 'validateRuntimeConfig' | 'launch';
  /** The fleet's status now. */
  readonly status?: string;
}

/** One configured launch path and what the events, logs and rules say about it. */
export interface LaunchPathCheck {
  readonly launchPath: string;
  readonly parameters?: string;
  readonly concurrentExecutions: number;
  /** From the creation logs: true found, false not found, absent when no log says. */
  readonly found?: boolean;
  /** Problems with their reasons, e.g. a Windows path on a Linux fleet. */
  readonly problems: readonly string[];
  /** A file of the build that looks like the intended executable, when the path is wrong. */
  readonly suggestion?: string;
}

export interface Finding {
  /** Stable ID of the story, e.g. `installer-failed`, `crash-loop`. */
  readonly id: string;
  readonly verdict: Verdict;
  /** One sentence. */
  readonly headline: string;
  readonly cause?: Cause;
  readonly evidence: readonly Evidence[];
  readonly nextSteps: readonly string[];
  /** Possible causes nothing here proves (engine-specific launch problems); shown as hints. */
  readonly hints: readonly string[];
}

/** The main finding, with where the fleet stands and the further findings. */
export interface Diagnosis extends Finding {
  readonly fleetId: string;
  readonly phase: PhaseReport;
  /** Further findings, most important first. */
  readonly also: readonly Finding[];
  /** Present when a runtime configuration was given. */
  readonly launchPaths?: readonly LaunchPathCheck[];
  /** When the diagnosis was made (the input's now). */
  readonly at: number;
}
