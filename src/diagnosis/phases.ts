// The creation phases of a fleet (NEW → DOWNLOADING → VALIDATING → BUILDING → ACTIVATING →
// ACTIVE; container fleets PENDING → CREATING → CREATED → ACTIVATING → ACTIVE): which the
// events show were reached, which one a failure or a stall happened in, and the step in it.
import type { FleetSummary } from '../gamelift/types';
import type { EventIndex } from './eventIndex';
import type { PhaseReport, PhaseTrack } from './types';

export const PHASE_STEPS: Readonly<Record<PhaseTrack, readonly string[]>> = {
  ec2: ['NEW', 'DOWNLOADING', 'VALIDATING', 'BUILDING', 'ACTIVATING', 'ACTIVE'],
  container: ['PENDING', 'CREATING', 'CREATED', 'ACTIVATING', 'ACTIVE'],
  anywhere: ['NEW', 'ACTIVE'],
};

type Step = NonNullable<PhaseReport['step']>;

/** Creation steps named by event codes, with the phase they belong to when no state event says. */
const STEP_OF_CODE: Readonly<Record<string, { step: Step; phase: string }>> = {
  FLEET_BINARY_DOWNLOAD_FAILED: { step: 'download', phase: 'DOWNLOADING' },
  FLEET_CREATION_EXTRACTING_BUILD: { step: 'extract', phase: 'DOWNLOADING' },
  FLEET_CREATION_RUNNING_INSTALLER: { step: 'install', phase: 'DOWNLOADING' },
  FLEET_CREATION_COMPLETED_INSTALLER: { step: 'install', phase: 'DOWNLOADING' },
  FLEET_CREATION_FAILED_INSTALLER: { step: 'install', phase: 'DOWNLOADING' },
  FLEET_CREATION_VALIDATING_RUNTIME_CONFIG: { step: 'validateRuntimeConfig', phase: 'VALIDATING' },
  FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND: { step: 'validateRuntimeConfig', phase: 'VALIDATING' },
  FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE: { step: 'launch', phase: 'VALIDATING' },
  FLEET_VALIDATION_TIMED_OUT: { step: 'validateRuntimeConfig', phase: 'VALIDATING' },
  FLEET_ACTIVATION_FAILED: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_INVALID_PATH: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_SDK_INITIALIZATION_FAILED: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_PROCESS_READY_TIMEOUT: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_CRASHED: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_TERMINATED_UNHEALTHY: { step: 'launch', phase: 'ACTIVATING' },
  SERVER_PROCESS_MISCONFIGURED_CONTAINER_PORT: { step: 'launch', phase: 'ACTIVATING' },
};

const STATE_CODES = [
  'FLEET_CREATED',
  'FLEET_STATE_DOWNLOADING',
  'FLEET_STATE_VALIDATING',
  'FLEET_STATE_BUILDING',
  'FLEET_STATE_ACTIVATING',
  'FLEET_STATE_ACTIVE',
  'FLEET_STATE_PENDING',
  'FLEET_STATE_CREATING',
  'FLEET_STATE_CREATED',
];

export function trackOf(fleet: FleetSummary): PhaseTrack {
  if (fleet.isContainerFleet || fleet.fleetId.startsWith('containerfleet-')) return 'container';
  if (fleet.computeType === 'ANYWHERE') return 'anywhere';
  return 'ec2';
}

function phaseOfStateCode(code: string, track: PhaseTrack): string {
  if (code === 'FLEET_CREATED') return PHASE_STEPS[track][0];
  return code.slice('FLEET_STATE_'.length);
}

/** The phase a fleet was in at `time`, from its state events (undefined before the first). */
export function phaseAt(index: EventIndex, track: PhaseTrack, time: number): string | undefined {
  let phase: string | undefined;
  for (const e of index.of(...STATE_CODES)) {
    if (e.time > time) break;
    phase = phaseOfStateCode(e.event.eventCode, track);
  }
  return phase;
}

/** "changed state from VALIDATING to ERROR" → VALIDATING. */
function fromStateOf(message: string | undefined): string | undefined {
  return /\bfrom\s+([A-Z_]+)\s+to\s+ERROR\b/.exec(message ?? '')?.[1];
}

export interface PhaseOptions {
  /** The phase a failure or a stall stopped in, when known better than the events show (stuck). */
  readonly stopped: boolean;
}

export function phaseReport(fleet: FleetSummary, index: EventIndex, options: PhaseOptions): PhaseReport {
  const track = trackOf(fleet);
  const steps = PHASE_STEPS[track];
  const rank = (phase: string | undefined) => (phase === undefined ? -1 : steps.indexOf(phase));
  let reached = -1;
  for (const e of index.of(...STATE_CODES))
    reached = Math.max(reached, rank(phaseOfStateCode(e.event.eventCode, track)));
  let step: Step | undefined;
  let stepTime = -Infinity;
  for (const [code, info] of Object.entries(STEP_OF_CODE)) {
    const last = index.last(code);
    if (!last) continue;
    reached = Math.max(reached, rank(phaseAt(index, track, last.time) ?? info.phase));
    if (last.time >= stepTime) {
      step = info.step;
      stepTime = last.time;
    }
  }
  const status = fleet.status;
  reached = Math.max(reached, rank(status), 0);
  const report = { track, steps, reached: steps[reached], ...(status ? { status } : {}) };
  if (!options.stopped) return report;

  let stoppedAt: string | undefined;
  if (status === 'ERROR') {
    const error = index.last('FLEET_STATE_ERROR');
    const from = fromStateOf(error?.event.message);
    stoppedAt = from && steps.includes(from) ? from : undefined;
    stoppedAt ??= error ? phaseAt(index, track, error.time) : undefined;
  } else if (status && steps.includes(status)) {
    stoppedAt = status;
  }
  stoppedAt ??= steps[reached];
  // A step counts only when it happened in the phase that stopped (not in an earlier one).
  const entered = index
    .of(...STATE_CODES)
    .filter((e) => phaseOfStateCode(e.event.eventCode, track) === stoppedAt)
    .pop();
  const stepInPhase = step && (!entered || stepTime >= entered.time) ? step : undefined;
  return { ...report, stoppedAt, ...(stepInPhase ? { step: stepInPhase } : {}) };
}
