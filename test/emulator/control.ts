// The control path (/__emulator/…): lets the demo and out-of-process tests read the state,
// add events, delete fleets, set faults, read the request record and move the clock. AWS
// operations are `POST /` only, so no AWS call can reach these routes.
import type * as http from 'node:http';
import type { TestAccount } from './credentials';
import { type FaultConfig, type FaultInjector, validateFaults } from './faults';
import type { LogGroupsState } from './cloudwatchLogs/logGroups';
import type { EmulatorState, NewEvent } from './state';
import { recordFleetCall } from './cloudtrail/fleetHistory';
import { ACTORS, FLEET_CALLS, lookupUsername, type FleetCallShape } from './cloudtrail/records';
import type { TrailState } from './cloudtrail/trailState';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlContext {
  readonly state: EmulatorState;
  readonly trail: TrailState;
  readonly faults: FaultInjector;
  readonly accounts: readonly TestAccount[];
  readonly requests: unknown[];
  /** CloudWatch Logs groups (container fleet logs). */
  readonly logGroups?: LogGroupsState;
  now(): number;
  advanceClock(ms: number): void;
  /** Puts the endpoint clock back to real time (undoes every advance). */
  resetClock(): void;
}

export function handleControl(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
  ctx: ControlContext,
): void {
  const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = `${req.method} ${pathname.slice(CONTROL_PREFIX.length - 1)}`;
  const reply = (status: number, value: unknown) => {
    const text = JSON.stringify(value, null, 2);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const { state } = ctx;
  try {
    const json = () => (body.length ? JSON.parse(body.toString('utf8')) : {}) as Record<string, unknown>;
    switch (route) {
      case 'GET /state':
        return reply(200, {
          now: ctx.now(),
          accounts: ctx.accounts.map((a) => ({ profile: a.profile, accountId: a.accountId })),
          fleets: state.summary(),
        });
      case 'GET /events': {
        const fleetId = searchParams.get('fleetId') ?? '';
        if (!state.getFleet(fleetId)) return reply(404, { error: `unknown fleet ${fleetId}` });
        return reply(200, { fleetId, events: state.events(fleetId) });
      }
      case 'POST /events': {
        const b = json() as { fleetId?: string; event?: NewEvent };
        if (!b.fleetId || !b.event?.eventCode || !state.getFleet(b.fleetId)) {
          return reply(400, { error: 'need {fleetId, event: {eventCode, …}} for a known fleet' });
        }
        return reply(200, state.addEvent(b.fleetId, b.event));
      }
      case 'POST /fleets/delete': {
        const b = json() as { fleetId?: string };
        return reply(200, { deleted: state.deleteFleet(String(b.fleetId ?? '')) });
      }
      case 'POST /fleets/status': {
        const b = json() as { fleetId?: string; status?: string };
        if (!b.fleetId || !b.status || !state.getFleet(b.fleetId))
          return reply(400, { error: 'need {fleetId, status} for a known fleet' });
        state.setFleetStatus(b.fleetId, b.status);
        return reply(200, { ok: true });
      }
      case 'GET /cloudtrail': {
        const accountId = searchParams.get('accountId') ?? '';
        const region = searchParams.get('region') ?? '';
        return reply(200, { accountId, region, events: ctx.trail.events(accountId, region) });
      }
      case 'POST /cloudtrail/calls': {
        const b = json() as { fleetId?: string; call?: string; value?: number; user?: string; errorCode?: string };
        const fleet = b.fleetId ? state.getFleet(b.fleetId) : undefined;
        const shape = fleet && b.call ? fleetCallShape(fleet, b.call, b.value) : undefined;
        if (!fleet || !shape)
          return reply(400, {
            error: `need {fleetId, call: ${Object.keys(CALLS).join(' | ')}, value?, user?, errorCode?} for a known fleet`,
          });
        const actor = ACTORS.find((a) => lookupUsername(a) === b.user) ?? ACTORS[0];
        const event = recordFleetCall(ctx.trail, fleet, {
          time: ctx.now(),
          actor,
          shape,
          ...(b.errorCode ? { errorCode: b.errorCode, errorMessage: `${b.errorCode} (set by the test)` } : {}),
        });
        return reply(200, event);
      }
      case 'POST /logs': {
        const b = json() as {
          accountId?: string;
          region?: string;
          logGroupName?: string;
          logStreamName?: string;
          message?: string;
        };
        const accountId = b.accountId ?? ctx.accounts[0]?.accountId ?? '';
        if (
          !b.region ||
          !b.logGroupName ||
          !b.logStreamName ||
          typeof b.message !== 'string' ||
          !ctx.logGroups?.group(accountId, b.region, b.logGroupName)
        )
          return reply(400, { error: 'need {region, logGroupName, logStreamName, message} for a known log group' });
        const line = ctx.logGroups.append(accountId, b.region, b.logGroupName, b.logStreamName, b.message);
        return reply(200, { timestamp: line.t });
      }
      case 'GET /faults':
        return reply(200, ctx.faults.get());
      case 'POST /faults': {
        const f = json() as FaultConfig;
        validateFaults(f);
        ctx.faults.set(f);
        return reply(200, ctx.faults.get());
      }
      case 'GET /requests':
        return reply(200, ctx.requests);
      case 'POST /requests/reset':
        ctx.requests.length = 0;
        return reply(200, { ok: true });
      case 'POST /clock': {
        const b = json() as { advanceMs?: number; reset?: boolean };
        if (b.reset === true) ctx.resetClock();
        else if (typeof b.advanceMs !== 'number' || b.advanceMs < 0)
          return reply(400, { error: 'need {advanceMs: number >= 0} or {reset: true}' });
        else ctx.advanceClock(b.advanceMs);
        return reply(200, { now: ctx.now() });
      }
      default:
        return reply(404, { error: `no control route ${route}` });
    }
  } catch (error) {
    return reply(400, { error: (error as Error).message });
  }
}

/** The write calls a test can make on a fleet through the control path (CloudTrail records them). */
const CALLS = {
  scale: (f, v) => FLEET_CALLS.scale(f, v ?? 0),
  updateAttributes: (f) => FLEET_CALLS.updateAttributes(f, 'FullProtection'),
  updateRuntime: (f, v) => FLEET_CALLS.updateRuntime(f, v ?? 1),
  putScalingPolicy: (f, v) => FLEET_CALLS.putScalingPolicy(f, v ?? 20),
  delete: (f) => FLEET_CALLS.delete(f),
} satisfies Record<string, (fleet: Parameters<typeof FLEET_CALLS.scale>[0], value?: number) => FleetCallShape>;

function fleetCallShape(
  fleet: Parameters<typeof FLEET_CALLS.scale>[0],
  call: string,
  value: number | undefined,
): FleetCallShape | undefined {
  return Object.prototype.hasOwnProperty.call(CALLS, call)
    ? CALLS[call as keyof typeof CALLS](fleet, value)
    : undefined;
}
