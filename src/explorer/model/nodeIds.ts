// Stable tree-node ids. VS Code keeps expansion and selection by id across refreshes,
// so ids derive only from what a node stands for (connection, fleet, category, event),
// never from positions or counts.
import { refKey, targetKey, type ConnectionTarget, type FleetRef } from '../../gamelift/types';

export function profileNodeId(profile: string | undefined): string {
  return `profile:${profile ?? '(default)'}`;
}

export function regionNodeId(target: ConnectionTarget): string {
  return `region:${targetKey(target)}`;
}

export function fleetNodeId(ref: FleetRef): string {
  return `fleet:${refKey(ref)}`;
}

export function categoryNodeId(ref: FleetRef, categoryId: string): string {
  return `${fleetNodeId(ref)}/category:${categoryId}`;
}

export function eventNodeId(ref: FleetRef, categoryId: string, eventId: string): string {
  return `${categoryNodeId(ref, categoryId)}/event:${eventId}`;
}

/** The fleet's "Changes" row (CloudTrail write calls), and one call under it. */
export function changesNodeId(ref: FleetRef): string {
  return `${fleetNodeId(ref)}/changes`;
}

export function changeNodeId(ref: FleetRef, eventId: string): string {
  return `${changesNodeId(ref)}/change:${eventId}`;
}

/** The Locations row under a fleet, and one location under it. */
export function locationsNodeId(ref: FleetRef): string {
  return `${fleetNodeId(ref)}/locations`;
}

export function locationNodeId(ref: FleetRef, location: string): string {
  return `${locationsNodeId(ref)}/location:${location}`;
}

/** The Computes row under a fleet, and one compute under it (compute names are unique per fleet). */
export function computesNodeId(ref: FleetRef): string {
  return `${fleetNodeId(ref)}/computes`;
}

export function computeNodeId(ref: FleetRef, computeName: string): string {
  return `${computesNodeId(ref)}/compute:${computeName}`;
}

/** Ids of the helper nodes (placeholder, error, load more) hang off their parent's id. */
export function helperNodeId(
  parentId: string,
  kind: 'placeholder' | 'error' | 'loadMore' | 'showMore' | 'diagnosis' | 'describeError' | 'resourcesError',
): string {
  return `${parentId}/${kind}`;
}
