// Stable tree-node ids. VS Code keeps expansion and selection by id across refreshes,
// so ids derive only from what a node stands for (connection, fleet, category, event),
// never from positions or counts.
import type { ConnectionTarget, FleetRef } from '../../gamelift/types';

/** One string per connection; the default credential chain is spelled `(default)`. */
export function targetKey(target: ConnectionTarget): string {
  return `${target.profile ?? '(default)'}|${target.region}|${target.endpoint ?? ''}`;
}

export function sameTarget(a: ConnectionTarget, b: ConnectionTarget): boolean {
  return targetKey(a) === targetKey(b);
}

export function refKey(ref: FleetRef): string {
  return `${targetKey(ref.target)}|${ref.fleetId}`;
}

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

/** Ids of the helper nodes (placeholder, error, load more) hang off their parent's id. */
export function helperNodeId(parentId: string, kind: 'placeholder' | 'error' | 'loadMore' | 'showMore'): string {
  return `${parentId}/${kind}`;
}
