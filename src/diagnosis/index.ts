// The diagnosis core (no vscode): what happened to a fleet, where, why and what to do, from
// its attributes, events, runtime configuration, locations and creation logs.
export { diagnoseFleet } from './diagnose';
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
