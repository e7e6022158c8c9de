// What every story of the diagnosis reads: the input, the events indexed once, the logs by
// event, and the helpers that turn events, log lines and settings into evidence.
import type { FleetSummary } from '../gamelift/types';
import { EventIndex, type IndexedEvent } from './eventIndex';
import { checkLaunchPaths, type LaunchPathEvidence, type LogText } from './launchPaths';
import { scanLog, type LogProblem } from './logScan';
import { phaseAt, trackOf } from './phases';
import { quote, utc } from './text';
import type { Cause, DiagnosisInput, Evidence, PhaseTrack } from './types';

export interface EventLogText extends LogText {
  readonly event: IndexedEvent;
}

/** A story's answer before the verdict is set. */
export interface Candidate {
  readonly id: string;
  /** `failure`: creation failed or is failing; `health`: an ACTIVE fleet is unwell. */
  readonly kind: 'failure' | 'health';
  /** Higher is more specific: the most specific failure explains the fleet best. */
  readonly rank: number;
  /** When the story's first evidence happened (ties go to the earlier story). */
  readonly time: number;
  /** True when the fleet moved on to a later phase after it (a retry that worked). */
  readonly recovered?: boolean;
  readonly headline: string;
  readonly cause?: Cause;
  readonly evidence: readonly Evidence[];
  readonly nextSteps: readonly string[];
  readonly hints?: readonly string[];
}

export class DiagnosisContext {
  readonly fleet: FleetSummary;
  readonly index: EventIndex;
  readonly track: PhaseTrack;
  readonly now: number;
  readonly logs: readonly EventLogText[];
  private readonly scans = new Map<EventLogText, LogProblem[]>();
  private launchPathResult?: LaunchPathEvidence[];

  constructor(readonly input: DiagnosisInput) {
    this.fleet = input.fleet;
    this.now = input.now;
    this.index = new EventIndex(input.events, input.fleet.creationTime ?? 0);
    this.track = trackOf(input.fleet);
    const byId = new Map<string, IndexedEvent>();
    for (const e of this.index.all) byId.set(e.event.eventId, e);
    this.logs = (input.logs ?? []).flatMap((log) => {
      const event = byId.get(log.eventId);
      return event
        ? [{ eventId: log.eventId, eventCode: event.event.eventCode, text: log.text, name: log.name, event }]
        : [];
    });
  }

  /** Logs of events with these codes, oldest event first. */
  logsOf(...codes: string[]): EventLogText[] {
    return this.logs.filter((l) => codes.includes(l.eventCode)).sort((a, b) => a.event.time - b.event.time);
  }

  problems(log: EventLogText): LogProblem[] {
    let found = this.scans.get(log);
    if (!found) {
      found = scanLog(log.text);
      this.scans.set(log, found);
    }
    return found;
  }

  /** Problems of the given kinds across logs, with the log each is in. */
  problemsIn(
    logs: readonly EventLogText[],
    kinds: readonly LogProblem['kind'][],
  ): Array<{ log: EventLogText; problem: LogProblem }> {
    return logs.flatMap((log) =>
      this.problems(log)
        .filter((p) => kinds.includes(p.kind))
        .map((problem) => ({ log, problem })),
    );
  }

  /** The launch path checks (computed once; undefined without a runtime configuration). */
  launchPaths(): LaunchPathEvidence[] | undefined {
    const config = this.input.runtimeConfiguration;
    if (!config) return undefined;
    this.launchPathResult ??= checkLaunchPaths(config, this.fleet, this.logs);
    return this.launchPathResult;
  }

  /** Whether the fleet reached a later creation phase after `time` (the problem was retried away). */
  progressedAfter(time: number): boolean {
    const before = phaseAt(this.index, this.track, time);
    const later = this.index
      .of(
        'FLEET_STATE_DOWNLOADING',
        'FLEET_STATE_VALIDATING',
        'FLEET_STATE_BUILDING',
        'FLEET_STATE_ACTIVATING',
        'FLEET_STATE_ACTIVE',
      )
      .filter((e) => e.time > time);
    return later.some((e) => e.event.eventCode.slice('FLEET_STATE_'.length) !== before);
  }

  eventEvidence(e: IndexedEvent, note?: string): Evidence {
    const count = e.weight > 1 ? ` ×${e.weight}` : '';
    const message = e.event.message ? `: ${quote(e.event.message)}` : '';
    return {
      kind: 'event',
      eventId: e.event.eventId,
      text: `${note ? `${note} — ` : ''}${e.event.eventCode}${count} at ${utc(e.time)}${message}`,
    };
  }

  logEvidence(log: Pick<EventLogText, 'eventId' | 'name'>, line: number, text: string): Evidence {
    return {
      kind: 'log',
      eventId: log.eventId,
      line,
      ...(log.name ? { file: log.name } : {}),
      text: quote(text),
    };
  }

  configEvidence(text: string): Evidence {
    return { kind: 'config', text: quote(text) };
  }
}

/** The first and the newest of a list of events as evidence, with the count between them. */
export function sampleEvidence(ctx: DiagnosisContext, events: readonly IndexedEvent[], max = 3): Evidence[] {
  if (events.length <= max) return events.map((e) => ctx.eventEvidence(e));
  const picked = [events[0], ...events.slice(events.length - (max - 1))];
  return picked.map((e, i) => ctx.eventEvidence(e, i === 0 ? 'first' : i === picked.length - 1 ? 'newest' : undefined));
}

export function totalWeight(events: readonly IndexedEvent[]): number {
  return events.reduce((sum, e) => sum + e.weight, 0);
}
