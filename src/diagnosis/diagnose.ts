// The diagnosis of one fleet: every story looks at the events, logs and configuration, and
// the verdict follows from the fleet's status and what the stories found. For a fleet in
// ERROR the most specific failure that the fleet did not move past is the answer; for a
// fleet on its way, a stall or repeated failures; for an ACTIVE fleet, the worst health
// problem. The rest are kept as further findings.
import { type Candidate, DiagnosisContext } from './context';
import {
  buildDownloadFailed,
  executableFailed,
  initializationFailed,
  installerFailed,
  launchPathNotFound,
  noInstances,
  unexplainedError,
  validationTimedOut,
} from './creationStories';
import {
  containerCrashes,
  containerPortMisconfigured,
  crashLoop,
  instancesReplaced,
  locationInError,
  sessionActivationTimeouts,
  spotInterruptions,
  vpcPeeringFailed,
} from './healthStories';
import { TRANSITIONAL_STATUSES } from '../gamelift/fleetStatus';
import { phaseReport } from './phases';
import { activationFailed, processStartFailures } from './processStories';
import { progressOf, stuck } from './stuck';
import { duration, plural, utc } from './text';
import type { Diagnosis, DiagnosisInput, Evidence, Finding, Verdict } from './types';

const STORIES: ReadonlyArray<(ctx: DiagnosisContext) => Candidate | undefined> = [
  buildDownloadFailed,
  installerFailed,
  launchPathNotFound,
  executableFailed,
  validationTimedOut,
  activationFailed,
  noInstances,
  initializationFailed,
  stuck,
  processStartFailures,
  crashLoop,
  sessionActivationTimeouts,
  spotInterruptions,
  instancesReplaced,
  locationInError,
  containerCrashes,
  containerPortMisconfigured,
  vpcPeeringFailed,
];

/** Most specific first; among equals, the one that happened first. */
function byImportance(a: Candidate, b: Candidate): number {
  return Number(!!a.recovered) - Number(!!b.recovered) || b.rank - a.rank || a.time - b.time;
}

export function diagnoseFleet(input: DiagnosisInput): Diagnosis {
  const ctx = new DiagnosisContext(input);
  const status = input.fleet.status ?? '';
  const found = STORIES.map((story) => story(ctx))
    .filter((c): c is Candidate => c !== undefined)
    .sort(byImportance);
  const failures = found.filter((c) => c.kind === 'failure');
  const health = found.filter((c) => c.kind === 'health');

  let verdict: Verdict;
  let main: Candidate;
  if (status === 'ERROR') {
    verdict = 'failed';
    main = failures.find((c) => c.id !== 'stuck') ?? unexplainedError(ctx);
  } else if (TRANSITIONAL_STATUSES.has(status)) {
    const stall = failures.find((c) => c.id === 'stuck');
    const failing = failures.find((c) => c.id !== 'stuck' && !c.recovered);
    if (stall) [verdict, main] = ['stuck', stall];
    else if (failing) [verdict, main] = ['degraded', failing];
    else [verdict, main] = ['healthy', underWay(ctx)];
  } else if (status === 'ACTIVE') {
    [verdict, main] = health.length > 0 ? ['degraded', health[0]] : ['healthy', healthyActive(ctx)];
  } else {
    [verdict, main] = ['healthy', settled(ctx, status)];
  }

  const verdictOf = (c: Candidate): Verdict =>
    c.recovered
      ? 'healthy'
      : c.id === 'stuck'
        ? 'stuck'
        : c.kind === 'failure' && status === 'ERROR'
          ? 'failed'
          : 'degraded';
  const also: Finding[] = found.filter((c) => c !== main).map((c) => toFinding(c, verdictOf(c)));
  const coverage = coverageEvidence(ctx);
  const launchPaths = ctx.launchPaths()?.map((l) => l.check);
  return {
    fleetId: input.fleet.fleetId,
    verdict,
    phase: phaseReport(input.fleet, ctx.index, { stopped: verdict !== 'healthy' && status !== 'ACTIVE' }),
    id: main.id,
    headline: main.headline,
    ...(main.cause ? { cause: main.cause } : {}),
    evidence: coverage ? [...main.evidence, coverage] : main.evidence,
    nextSteps: main.nextSteps,
    hints: main.hints ?? [],
    also,
    ...(launchPaths ? { launchPaths } : {}),
    at: input.now,
  };
}

function toFinding(c: Candidate, verdict: Verdict): Finding {
  return {
    id: c.id,
    verdict,
    headline: c.recovered ? `${c.headline} (The fleet moved on after it.)` : c.headline,
    ...(c.cause ? { cause: c.cause } : {}),
    evidence: c.evidence,
    nextSteps: c.nextSteps,
    hints: c.hints ?? [],
  };
}

/** Says how much history was read when it may not be all of it. */
function coverageEvidence(ctx: DiagnosisContext): Evidence | undefined {
  if (ctx.input.eventsComplete !== false) return undefined;
  const oldest = ctx.index.all[0];
  return ctx.configEvidence(
    `Only the newest ${plural(ctx.index.all.length, 'event')} were read${oldest ? ` (back to ${utc(oldest.time)})` : ''}; older events may hold more.`,
  );
}

function underWay(ctx: DiagnosisContext): Candidate {
  const p = progressOf(ctx)!;
  const what = p.status === 'DELETING' ? 'Deletion' : p.status === 'UPDATING' ? 'An update' : 'Creation';
  const newest = ctx.index.newest();
  return {
    id: 'in-progress',
    kind: 'failure',
    rank: 0,
    time: ctx.now,
    headline: `${what} is under way: ${p.status}, ${newest ? `last event ${duration(p.idleMs)} ago` : `created ${duration(p.idleMs)} ago`}; this phase usually takes about ${duration(p.usualMs)}.`,
    evidence: newest ? [ctx.eventEvidence(newest, 'newest event')] : [],
    nextSteps: ['Nothing to do yet: the fleet is moving. Watch it to be told when it is ACTIVE or in ERROR.'],
  };
}

function healthyActive(ctx: DiagnosisContext): Candidate {
  const oldest = ctx.index.all[0];
  return {
    id: 'healthy',
    kind: 'health',
    rank: 0,
    time: ctx.now,
    headline:
      'No problems found: the fleet is ACTIVE, without crash loops, failed game sessions, interruptions or locations in ERROR in the events read.',
    evidence: [
      ctx.configEvidence(
        oldest
          ? `Read ${plural(ctx.index.all.length, 'event')}, from ${utc(oldest.time)} to ${utc(ctx.index.newest()!.time)}`
          : 'The fleet has no events in the time read',
      ),
    ],
    nextSteps: [],
  };
}

function settled(ctx: DiagnosisContext, status: string): Candidate {
  return {
    id: 'settled',
    kind: 'health',
    rank: 0,
    time: ctx.now,
    headline: status
      ? `The fleet is ${status}: it hosts nothing, and there is nothing to repair.`
      : 'The fleet has no status to judge.',
    evidence: [ctx.configEvidence(`Status ${status || 'unknown'}`)],
    nextSteps: [],
  };
}
