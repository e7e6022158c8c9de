// A fleet that stays in a transitional status with no new event for far longer than that
// phase usually takes. The usual durations are our estimates from fleets seen in practice
// (AWS publishes none per phase), so the finding gives the numbers and calls the cause a guess.
import type { Candidate, DiagnosisContext } from './context';
import { TRANSITIONAL_STATUSES } from '../gamelift/fleetStatus';
import { duration } from './text';

const MINUTE = 60_000;

/** Minutes a phase usually takes; a fleet is stuck after STUCK_FACTOR times that without an event. */
export const USUAL_PHASE_MINUTES: Readonly<Record<string, number>> = {
  NEW: 5,
  DOWNLOADING: 15,
  VALIDATING: 10,
  BUILDING: 15,
  ACTIVATING: 20,
  PENDING: 10,
  CREATING: 20,
  CREATED: 10,
  UPDATING: 30,
  DELETING: 20,
};
export const STUCK_FACTOR = 3;

export interface Progress {
  readonly status: string;
  /** Since the newest event (or creation, without events). */
  readonly idleMs: number;
  readonly usualMs: number;
  readonly stuck: boolean;
}

export function progressOf(ctx: DiagnosisContext): Progress | undefined {
  const status = ctx.fleet.status;
  if (!status || !TRANSITIONAL_STATUSES.has(status)) return undefined;
  const newest = ctx.index.newest();
  const since = Math.max(newest?.time ?? -Infinity, ctx.fleet.creationTime ?? -Infinity);
  if (!Number.isFinite(since)) return undefined;
  const usualMs = (USUAL_PHASE_MINUTES[status] ?? 20) * MINUTE;
  const idleMs = Math.max(0, ctx.now - since);
  return { status, idleMs, usualMs, stuck: idleMs > STUCK_FACTOR * usualMs };
}

export function stuck(ctx: DiagnosisContext): Candidate | undefined {
  const p = progressOf(ctx);
  if (!p?.stuck) return undefined;
  const newest = ctx.index.newest();
  const what = newest ? 'no new event' : 'no event at all';
  return {
    id: 'stuck',
    kind: 'failure',
    rank: 40,
    time: newest?.time ?? ctx.fleet.creationTime ?? ctx.now,
    headline: `Stuck in ${p.status}: ${what} for ${duration(p.idleMs)}, where this phase usually takes about ${duration(p.usualMs)}.`,
    cause: {
      text: `The fleet has not moved for ${Math.floor(p.idleMs / p.usualMs)} times the usual length of ${p.status}; GameLift is likely retrying a step that keeps failing without an event, or waiting on capacity.`,
      guess: true,
    },
    evidence: [
      ...(newest ? [ctx.eventEvidence(newest, 'newest event')] : []),
      ctx.configEvidence(
        `Status ${p.status} since at least ${new Date(ctx.now - p.idleMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      ),
    ],
    nextSteps: [
      'Open the logs of the newest creation events: the last step they show is the one that does not finish.',
      p.status === 'ACTIVATING'
        ? 'Check that the server calls InitSDK() and ProcessReady() within 5 minutes of launch; processes that never do keep a fleet in ACTIVATING.'
        : 'Wait a little longer only if the build is very large; otherwise delete the fleet and create it again.',
      'If it stays stuck, contact AWS Support with the fleet ID and the times above.',
    ],
  };
}
