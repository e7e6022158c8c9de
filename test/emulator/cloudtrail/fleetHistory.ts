// The CloudTrail history that goes with the endpoint's fleets: who created each fleet (at its
// creation time), scaled it, changed its attributes, runtime and scaling policy, who deleted the
// deleting ones, a failed call, reads in between, and a few calls of other services. The same
// fleets always get the same story, so tests can name who did what.
import { seededRandom } from '../../support/seededRandom';
import { hashSeed } from '../eventText';
import type { EmulatorState, FleetRecord } from '../state';
import { ACTORS, cloudTrailRecord, FLEET_CALLS, otherServiceCall, type Actor, type FleetCallShape } from './records';
import type { TrailEvent, TrailState } from './trailState';

const MINUTE = 60_000;
/** LookupEvents looks back this far. */
export const LOOKUP_WINDOW_MS = 90 * 24 * 60 * MINUTE;

export interface FleetCall {
  readonly time: number;
  readonly actor: Actor;
  readonly shape: FleetCallShape;
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** The calls made on one fleet, oldest first, all at or before `now`. */
export function fleetStory(fleet: FleetRecord, now: number): FleetCall[] {
  const random = seededRandom(hashSeed(`trail/${fleet.fleetId}`));
  const owner = ACTORS[hashSeed(fleet.fleetId) % 5];
  const operator = ACTORS[(hashSeed(fleet.fleetId) + 1) % 5];
  const created = fleet.creationTime;
  const end = fleet.terminationTime ?? now;
  const at = (share: number) => Math.min(now, Math.round(created + (end - created) * share));
  const calls: FleetCall[] = [{ time: created, actor: owner, shape: FLEET_CALLS.create(fleet, created) }];
  calls.push({ time: at(0.05), actor: owner, shape: FLEET_CALLS.describeAttributes([fleet.fleetId]) });
  calls.push({ time: at(0.1), actor: owner, shape: FLEET_CALLS.putScalingPolicy(fleet, 20) });
  if (fleet.status === 'ACTIVE' || fleet.status === 'DELETING' || fleet.status === 'TERMINATED') {
    const desired = fleet.capacity.DESIRED;
    calls.push({ time: at(0.2), actor: operator, shape: FLEET_CALLS.scale(fleet, desired + 2) });
    calls.push({
      time: at(0.3),
      actor: operator,
      shape: FLEET_CALLS.scale(fleet, 50),
      errorCode: 'LimitExceededException',
      errorMessage: `The requested capacity exceeds the instance limit for ${fleet.instanceType ?? 'c5.large'}.`,
    });
    calls.push({ time: at(0.4), actor: owner, shape: FLEET_CALLS.updateRuntime(fleet, 2) });
    calls.push({ time: at(0.5), actor: ACTORS[4], shape: FLEET_CALLS.updateAttributes(fleet, 'FullProtection') });
    // "Who scaled it to zero last night?" — the ops bot, then the operator scaled it back up.
    calls.push({ time: at(0.8), actor: ACTORS[4], shape: FLEET_CALLS.scale(fleet, 0) });
    calls.push({
      time: Math.min(now, at(0.8) + 7 * MINUTE),
      actor: operator,
      shape: FLEET_CALLS.scale(fleet, desired),
    });
  }
  for (let i = 0; i < 3; i++)
    calls.push({ time: at(0.1 + random() * 0.85), actor: ACTORS[5], shape: FLEET_CALLS.describeEvents(fleet) });
  if (fleet.status === 'DELETING' || fleet.status === 'TERMINATED')
    calls.push({ time: Math.max(at(0.95), end - 10 * MINUTE), actor: owner, shape: FLEET_CALLS.delete(fleet) });
  return calls.sort((a, b) => a.time - b.time);
}

/** Adds one call on a fleet to the trail, as CloudTrail records it. */
export function recordFleetCall(
  trail: TrailState,
  fleet: FleetRecord,
  call: FleetCall,
  random: () => number = seededRandom(hashSeed(`call/${fleet.fleetId}/${call.time}`)),
): TrailEvent {
  const record = cloudTrailRecord(
    {
      time: call.time,
      accountId: fleet.accountId,
      region: fleet.region,
      actor: call.actor,
      eventSource: 'gamelift.amazonaws.com',
      ...call.shape,
      ...(call.errorCode ? { errorCode: call.errorCode, errorMessage: call.errorMessage } : {}),
    },
    random,
  );
  return trail.add(record, call.actor);
}

/** Fills `trail` with the stories of every fleet in `state` up to `trail.startedAt`, plus other services' calls, within LookupEvents' 90 days. */
export function recordFleetHistory(state: EmulatorState, trail: TrailState): void {
  const now = trail.startedAt;
  const places = new Set<string>();
  for (const fleet of state.allFleets()) {
    places.add(`${fleet.accountId}/${fleet.region}`);
    const random = seededRandom(hashSeed(`records/${fleet.fleetId}`));
    for (const call of fleetStory(fleet, now)) {
      if (call.time >= now - LOOKUP_WINDOW_MS) recordFleetCall(trail, fleet, call, random);
    }
  }
  for (const place of places) {
    const [accountId, region] = place.split('/');
    const random = seededRandom(hashSeed(`other/${place}`));
    for (let i = 0; i < 12; i++) {
      const actor = ACTORS[i % 5];
      const time = now - Math.floor(random() * 7 * 24 * 60) * MINUTE;
      trail.add(
        cloudTrailRecord({ time, accountId, region, actor, ...otherServiceCall(random, accountId) }, random),
        actor,
      );
    }
  }
}
