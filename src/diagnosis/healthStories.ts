// What makes an ACTIVE fleet unwell: a crash loop, game sessions that fail to activate,
// Spot interruptions or unhealthy instances piling up, a location in ERROR, container
// groups that crash or listen on the wrong port, a failed VPC peering. The thresholds are
// our judgement of "more than a busy fleet sees"; every finding states its numbers.
import { type Candidate, type DiagnosisContext, sampleEvidence, totalWeight } from './context';
import type { IndexedEvent } from './eventIndex';
import { exitCodes } from './processStories';
import { describeRate, windowRate } from './rates';
import { plural, quote } from './text';
import type { Evidence } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Crashes are rated over 6 h windows; one an hour on average is a loop, not bad luck. */
const CRASH_WINDOW_MS = 6 * HOUR;
const CRASHES_PER_WINDOW = 6;
/** Other problems are counted over the last day. */
const RECENT_MS = DAY;
const SESSION_TIMEOUTS_PER_DAY = 3;
const INTERRUPTIONS_PER_DAY = 3;
const REPLACEMENTS_PER_DAY = 3;
const CONTAINER_CRASHES_PER_DAY = 2;

function active(ctx: DiagnosisContext): boolean {
  return ctx.fleet.status === 'ACTIVE' || ctx.fleet.status === 'UPDATING';
}

function recent(ctx: DiagnosisContext, codes: string[], windowMs = RECENT_MS): IndexedEvent[] {
  return ctx.index.of(...codes).filter((e) => e.time > ctx.now - windowMs && e.time <= ctx.now);
}

export function crashLoop(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const codes = ['SERVER_PROCESS_CRASHED', 'SERVER_PROCESS_TERMINATED_UNHEALTHY'];
  const r = windowRate(ctx.index, codes, ctx.now, CRASH_WINDOW_MS);
  if (r.current < CRASHES_PER_WINDOW) return undefined;
  const events = recent(ctx, codes, CRASH_WINDOW_MS);
  const crashes = events.filter((e) => e.event.eventCode === 'SERVER_PROCESS_CRASHED');
  const unhealthy = totalWeight(events) - totalWeight(crashes);
  const codesSeen = exitCodes(crashes);
  const withCode = codesSeen.reduce((s, [, n]) => s + n, 0);
  const logLines = ctx
    .problemsIn(
      ctx.logsOf('SERVER_PROCESS_CRASHED').filter((l) => l.event.time > ctx.now - CRASH_WINDOW_MS),
      ['crash'],
    )
    .slice(0, 3)
    .map(({ log, problem }) => ctx.logEvidence(log, problem.line, problem.text));
  const parts = [
    plural(totalWeight(crashes), 'crash', 'crashes'),
    ...(unhealthy > 0 ? [`${unhealthy} terminated as unhealthy`] : []),
  ];
  const trend =
    r.trend === 'rising' || r.trend === 'new' ? ', and rising' : r.trend === 'falling' ? ', but falling' : '';
  return {
    id: 'crash-loop',
    kind: 'health',
    rank: 70 + r.perHour / 100,
    time: events[0].time,
    headline: `Server processes are in a crash loop: ${parts.join(' and ')} in the last 6 h${trend}.`,
    cause:
      withCode > 0
        ? {
            text: `${describeRate(r)}. Most crashes with a known exit code ended with code ${codesSeen[0][0]} (${codesSeen[0][1]} of ${withCode}).`,
            guess: false,
          }
        : { text: `${describeRate(r)}.`, guess: false },
    evidence: [...sampleEvidence(ctx, events), ...logLines],
    nextSteps: [
      'Open the log of a recent SERVER_PROCESS_CRASHED event: the last lines before the exit show where the server crashed.',
      r.trend === 'rising' || r.trend === 'new'
        ? `The rate went up around ${new Date(events[0].time).toISOString().slice(11, 16)} UTC: look for a build, runtime configuration or traffic change near that time.`
        : 'Group the crashes by instance (the messages name the compute) to tell a bad instance from a bad build.',
      "If a new build is to blame, point the fleet's alias back to a fleet with the previous build.",
    ],
  };
}

export function sessionActivationTimeouts(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const events = recent(ctx, ['GAME_SESSION_ACTIVATION_TIMEOUT']);
  const n = totalWeight(events);
  if (n < SESSION_TIMEOUTS_PER_DAY) return undefined;
  const timeout = ctx.input.runtimeConfiguration?.gameSessionActivationTimeoutSeconds;
  const evidence: Evidence[] = [...sampleEvidence(ctx, events)];
  if (timeout !== undefined)
    evidence.push(ctx.configEvidence(`Runtime configuration: GameSessionActivationTimeoutSeconds = ${timeout}`));
  return {
    id: 'session-activation-timeouts',
    kind: 'health',
    rank: 50 + n / 1000,
    time: events[0].time,
    headline: `Game sessions fail to activate: ${n} timed out in the last 24 h.`,
    cause: {
      text: `The server did not call ActivateGameSession() in time after onStartGameSession()${timeout !== undefined ? ` (the fleet allows ${timeout} s)` : ''}; slow loading for the new session or an error in that callback are the usual reasons.`,
      guess: true,
    },
    evidence,
    nextSteps: [
      "Check the server's onStartGameSession() callback: it must call ActivateGameSession() once the session can take players.",
      'If preparing a session takes long (map loading), raise GameSessionActivationTimeoutSeconds in the runtime configuration (up to 600 s).',
      "Players of these sessions got a failed placement: check the queue's metrics for the same period.",
    ],
  };
}

export function spotInterruptions(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const events = recent(ctx, ['INSTANCE_INTERRUPTED', 'INSTANCE_RECYCLED']);
  const n = totalWeight(events);
  if (n < INTERRUPTIONS_PER_DAY) return undefined;
  const interrupted = totalWeight(events.filter((e) => e.event.eventCode === 'INSTANCE_INTERRUPTED'));
  return {
    id: 'spot-interruptions',
    kind: 'health',
    rank: 45 + n / 1000,
    time: events[0].time,
    headline: `Spot instances are being taken back: ${interrupted} interrupted and ${n - interrupted} recycled in the last 24 h.`,
    cause: {
      text: `EC2 reclaims Spot capacity of ${ctx.fleet.instanceType ?? 'this instance type'} in this Region; game sessions on an interrupted instance end.`,
      guess: false,
    },
    evidence: [
      ...sampleEvidence(ctx, events),
      ctx.configEvidence(
        `Fleet type ${ctx.fleet.fleetType ?? 'unknown'}, instance type ${ctx.fleet.instanceType ?? 'unknown'}`,
      ),
    ],
    nextSteps: [
      'Put several Spot fleets with different instance types (and an On-Demand fleet as fallback) behind the game session queue.',
      'Prefer instance types and locations with fewer interruptions for long game sessions.',
    ],
  };
}

export function instancesReplaced(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const events = recent(ctx, ['INSTANCE_REPLACED_UNHEALTHY']);
  const n = totalWeight(events);
  if (n < REPLACEMENTS_PER_DAY) return undefined;
  return {
    id: 'instances-replaced',
    kind: 'health',
    rank: 40 + n / 1000,
    time: events[0].time,
    headline: `Instances keep failing health checks: ${n} replaced in the last 24 h.`,
    evidence: sampleEvidence(ctx, events),
    nextSteps: [
      'Look at the events just before each replacement (crashes, unhealthy processes) on the same instance.',
      "Check the server's memory and disk use: an instance that runs out of either stops answering.",
    ],
  };
}

/** "Fleet location ap-southeast-2 for fleet …" → ap-southeast-2. */
function locationIn(text: string | undefined): string | undefined {
  return /\b([a-z]{2}(?:-[a-z]+)+-\d+|custom-[\w-]+)\b/.exec(text ?? '')?.[1];
}

export function locationInError(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const evidence: Evidence[] = [];
  const bad = new Set<string>();
  const locations = ctx.input.locations;
  if (locations && locations.length > 0) {
    for (const l of locations.slice(1)) {
      if (l.status !== 'ERROR') continue;
      bad.add(l.location);
      evidence.push(
        ctx.configEvidence(
          `Location ${l.location}: ${l.status} (home Region ${locations[0].location}: ${locations[0].status ?? 'unknown'})`,
        ),
      );
    }
  } else {
    // Without location data, a LOCATION_STATE_ERROR not followed by another state of the same location.
    const states = ctx.index.all.filter((e) => e.event.eventCode.startsWith('LOCATION_STATE_'));
    const lastByLocation = new Map<string, IndexedEvent>();
    for (const e of states) {
      const where = locationIn(e.event.resourceId) ?? locationIn(e.event.message) ?? '(unnamed)';
      lastByLocation.set(where, e);
    }
    for (const [where, e] of lastByLocation) if (e.event.eventCode === 'LOCATION_STATE_ERROR') bad.add(where);
  }
  if (bad.size === 0) return undefined;
  const errors = ctx.index.of('LOCATION_STATE_ERROR').filter((e) => {
    const where = locationIn(e.event.resourceId) ?? locationIn(e.event.message);
    return where === undefined || bad.has(where);
  });
  evidence.push(...errors.slice(-2).map((e) => ctx.eventEvidence(e)));
  const names = [...bad].join(', ');
  const capacity = errors.some((e) => /capacity|not available|insufficient/i.test(e.event.message ?? ''));
  return {
    id: 'location-error',
    kind: 'health',
    rank: 55,
    time: errors[0]?.time ?? ctx.now,
    headline: `The fleet is ACTIVE in its home Region, but location ${names} is in ERROR.`,
    ...(errors.length > 0
      ? {
          cause: capacity
            ? {
                text: `The location's event says there was no capacity: "${quote(errors[errors.length - 1].event.message, 160)}"`,
                guess: false,
              }
            : { text: 'The location could not be set up; its events do not say why.', guess: true },
        }
      : {}),
    evidence,
    nextSteps: [
      `Players routed to ${names} get no game sessions there: remove the location from the queue's destinations or add capacity elsewhere.`,
      "Check the account's GameLift instance quota for the fleet's instance type in that location, then delete and re-add the location (DeleteFleetLocations, CreateFleetLocations).",
    ],
  };
}

export function containerCrashes(ctx: DiagnosisContext): Candidate | undefined {
  if (!active(ctx)) return undefined;
  const events = recent(ctx, [
    'GAME_SERVER_CONTAINER_GROUP_CRASHED',
    'PER_INSTANCE_CONTAINER_GROUP_CRASHED',
    'GAME_SERVER_CONTAINER_GROUP_REPLACED_UNHEALTHY',
  ]);
  const n = totalWeight(events);
  if (n < CONTAINER_CRASHES_PER_DAY) return undefined;
  const containers = [
    ...new Set(
      events.map((e) => /container "([^"]+)"/.exec(e.event.message ?? '')?.[1]).filter((c): c is string => !!c),
    ),
  ];
  const codes = exitCodes(events);
  return {
    id: 'container-crashes',
    kind: 'health',
    rank: 65 + n / 1000,
    time: events[0].time,
    headline: `Container groups keep crashing: ${n} crashes or unhealthy replacements in the last 24 h.`,
    cause:
      containers.length > 0
        ? {
            text: `The messages name the essential container${containers.length > 1 ? 's' : ''} ${containers.map((c) => `"${quote(c, 60)}"`).join(', ')}${codes.length > 0 ? `, exiting with code ${codes[0][0]}` : ''}.`,
            guess: false,
          }
        : { text: 'The messages do not name the container that stopped.', guess: true },
    evidence: sampleEvidence(ctx, events),
    nextSteps: [
      "Read the container's logs (the fleet's log configuration: CloudWatch or S3) around these times.",
      'An essential container that exits takes its whole group down: check its health check and memory limit in the container group definition.',
    ],
  };
}

export function containerPortMisconfigured(ctx: DiagnosisContext): Candidate | undefined {
  const events = ctx.index
    .of('SERVER_PROCESS_MISCONFIGURED_CONTAINER_PORT')
    .filter((e) => e.time > ctx.now - RECENT_MS || !active(ctx));
  if (events.length === 0) return undefined;
  const last = events[events.length - 1];
  const m = /port (\d+)[^\d]+(\d+)\s*-\s*(\d+)/.exec(last.event.message ?? '');
  return {
    id: 'container-port',
    kind: active(ctx) ? 'health' : 'failure',
    rank: 68,
    time: events[0].time,
    headline: m
      ? `The game server listens on port ${m[1]}, outside its container's port range ${m[2]}-${m[3]}.`
      : 'The game server container listens on a port its container definition does not open.',
    cause: m
      ? {
          text: "Players are sent to the container's ports; a server listening elsewhere cannot be reached.",
          guess: false,
        }
      : { text: "The container definition's port ranges and the port the server listens on disagree.", guess: true },
    evidence: sampleEvidence(ctx, events, 2),
    nextSteps: [
      "Make the server listen on the port GameLift gives it (the port passed to ProcessReady() must be inside the container's ContainerPortRanges).",
      "Or widen the game server container's port ranges in a new container group definition version and deploy it to the fleet.",
    ],
  };
}

export function vpcPeeringFailed(ctx: DiagnosisContext): Candidate | undefined {
  const last = ctx.index.last('FLEET_VPC_PEERING_FAILED', 'FLEET_VPC_PEERING_SUCCEEDED', 'FLEET_VPC_PEERING_DELETED');
  if (last?.event.eventCode !== 'FLEET_VPC_PEERING_FAILED') return undefined;
  const message = last.event.message ?? '';
  const cidr = /CIDR block ([\d./]+)/.exec(message)?.[1];
  const overlap = /overlap/i.test(message);
  return {
    id: 'vpc-peering-failed',
    kind: 'health',
    rank: 52,
    time: last.time,
    headline: overlap
      ? `VPC peering failed: ${cidr ? `the CIDR block ${cidr}` : "the peer VPC's CIDR block"} overlaps the fleet's.`
      : 'VPC peering for the fleet failed.',
    cause: overlap
      ? { text: 'Two peered VPCs cannot share addresses; the event names the overlapping block.', guess: false }
      : { text: 'The event does not say why; overlapping CIDR blocks are the most common reason.', guess: true },
    evidence: [ctx.eventEvidence(last)],
    nextSteps: [
      "Peer with a VPC whose CIDR block does not overlap the fleet's (or create the fleet with a PeerVpcId so GameLift picks a free block).",
      'Until then, the game servers cannot reach services in that VPC.',
    ],
  };
}
