// The diagnosis core (no vscode): what happened to a fleet, where, why and what to do, from
// its attributes, events, runtime configuration, locations and creation logs.
export { diagnoseFleet } from './diagnose';
export {
  ACTIVE_WINDOW_MS,
  DIAGNOSIS_LOG_CODES,
  DiagnosisUnavailableError,
  gatherDiagnosis,
  logEventsToRead,
  type GatheredDiagnosis,
  type GatherOptions,
  type LoadedLog,
} from './gather';
export { diagnosisToMarkdown, type MarkdownOptions } from './markdown';
export { PHASE_STEPS } from './phases';
export type {
  Cause,
  Diagnosis,
  DiagnosisEvent,
  DiagnosisInput,
  EventLog,
  Evidence,
  Finding,
  LaunchPathCheck,
  PhaseReport,
  PhaseTrack,
  Verdict,
} from './types';
