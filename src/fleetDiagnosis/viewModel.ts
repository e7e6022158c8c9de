// Turns a gathered diagnosis into the plain view model the diagnosis page renders: the phase
// strip's states, each piece of evidence with its event's code and time (looked up among the
// events read) and whether the tree has it, the runtime configuration, what could not be read.
// Every string from the service has its bidi controls marked; no log link enters the model.
// Pure: no vscode, no clock.
import type { Diagnosis, Evidence } from '../diagnosis/types';
import { markBidiControls } from '../gamelift/bidi';
import type { RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import { toFleetInfo } from '../panel/fleetInfo';
import { formatUtc } from '../common/timeFormat';
import type { DiagnosisViewModel, EvidenceView, PhaseStepView } from './protocol';

export interface DiagnosisViewInput {
  readonly ref: FleetRef;
  readonly fleet?: FleetSummary;
  readonly diagnosis: Diagnosis;
  /** The events the diagnosis read. */
  readonly events: readonly FleetEvent[];
  readonly runtimeConfiguration?: RuntimeConfiguration;
  readonly eventsComplete: boolean;
  readonly logCount: number;
  readonly gaps: readonly string[];
  /** Whether the tree has the event loaded (Reveal works). */
  readonly inTree: (eventId: string) => boolean;
}

const safe = (text: string): string => markBidiControls(text);

export function phaseSteps(d: Pick<Diagnosis, 'phase' | 'verdict'>): PhaseStepView[] {
  const { steps, reached, stoppedAt } = d.phase;
  const reachedAt = steps.indexOf(reached);
  return steps.map((name, i): PhaseStepView => {
    if (name === stoppedAt) return { name, state: 'stopped' };
    if (i < reachedAt || (i === reachedAt && name === 'ACTIVE')) return { name, state: 'done' };
    if (i === reachedAt) return { name, state: 'current' };
    return { name, state: 'todo' };
  });
}

function evidenceView(
  e: Evidence,
  byId: ReadonlyMap<string, FleetEvent>,
  inTree: (id: string) => boolean,
): EvidenceView {
  const event = e.eventId ? byId.get(e.eventId) : undefined;
  return {
    kind: e.kind,
    text: safe(e.text),
    ...(e.eventId ? { eventId: e.eventId } : {}),
    ...(event ? { eventCode: event.eventCode } : {}),
    ...(event?.eventTime !== undefined ? { eventTimeUtc: formatUtc(event.eventTime) } : {}),
    ...(e.line !== undefined ? { line: e.line } : {}),
    ...(e.file ? { file: safe(e.file) } : {}),
    inTree: e.eventId !== undefined && inTree(e.eventId),
  };
}

export function buildDiagnosisViewModel(input: DiagnosisViewInput): DiagnosisViewModel {
  const d = input.diagnosis;
  const byId = new Map(input.events.map((e) => [e.eventId, e] as const));
  const fleet = toFleetInfo(input.ref, input.fleet);
  const config = input.runtimeConfiguration;
  return {
    fleet: { ...fleet, ...(fleet.name ? { name: safe(fleet.name) } : {}) },
    verdict: d.verdict,
    story: d.id,
    headline: safe(d.headline),
    ...(d.cause ? { cause: { text: safe(d.cause.text), guess: d.cause.guess } } : {}),
    phase: {
      track: d.phase.track,
      steps: phaseSteps(d),
      ...(d.phase.status ? { status: d.phase.status } : {}),
      ...(d.phase.step ? { step: d.phase.step } : {}),
    },
    evidence: d.evidence.map((e) => evidenceView(e, byId, input.inTree)),
    nextSteps: d.nextSteps.map(safe),
    hints: d.hints.map(safe),
    also: d.also.map((f) => ({ verdict: f.verdict, headline: safe(f.headline) })),
    ...(d.launchPaths
      ? {
          runtime: {
            launchPaths: d.launchPaths.map((l) => ({
              launchPath: safe(l.launchPath),
              ...(l.parameters ? { parameters: safe(l.parameters) } : {}),
              concurrentExecutions: l.concurrentExecutions,
              ...(l.found !== undefined ? { found: l.found } : {}),
              problems: l.problems.map(safe),
              ...(l.suggestion ? { suggestion: safe(l.suggestion) } : {}),
            })),
            ...(config?.maxConcurrentGameSessionActivations !== undefined
              ? { maxConcurrentGameSessionActivations: config.maxConcurrentGameSessionActivations }
              : {}),
            ...(config?.gameSessionActivationTimeoutSeconds !== undefined
              ? { gameSessionActivationTimeoutSeconds: config.gameSessionActivationTimeoutSeconds }
              : {}),
            besideFinding: d.id.startsWith('launch-path'),
          },
        }
      : {}),
    gaps: input.gaps.map(safe),
    read: { events: input.events.length, complete: input.eventsComplete, logs: input.logCount },
    atUtc: formatUtc(d.at),
  };
}
