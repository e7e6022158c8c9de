// The explorer's event filter: free text (event code, title, message, resource ID or event ID),
// severities and "errors only". Pure, so it is unit-tested in plain Node and shared by tree and export.
import type { FleetEvent } from '../../gamelift/types';
import { lookupEventCode, type Severity } from '../../gamelift/eventCatalog';

export interface EventFilter {
  /**
   * Case-insensitive substring of the code, the readable title, the message, the resource ID
   * (an instance or compute the user chases) or the event ID.
   */
  readonly text?: string;
  /** Only these severities (empty or undefined = all). */
  readonly severities?: readonly Severity[];
  readonly errorsOnly?: boolean;
}

export const NO_FILTER: EventFilter = {};

export function isFilterActive(filter: EventFilter): boolean {
  return Boolean(
    (filter.text && filter.text.trim().length > 0) ||
    filter.errorsOnly ||
    (filter.severities && filter.severities.length > 0),
  );
}

/** What the filter does, in a few words, for the view's description. */
export function describeFilter(filter: EventFilter): string {
  const parts: string[] = [];
  const text = filter.text?.trim();
  if (text) parts.push(`"${text}"`);
  if (filter.errorsOnly) parts.push('errors only');
  else if (filter.severities && filter.severities.length > 0) parts.push(filter.severities.join(', '));
  return parts.length > 0 ? `Filter: ${parts.join(' · ')}` : '';
}

/** Builds a predicate once per filter, so matching thousands of events stays cheap. */
export function compileFilter(filter: EventFilter): (event: FleetEvent, severity: Severity, title: string) => boolean {
  if (!isFilterActive(filter)) return () => true;
  const needle = filter.text?.trim().toLowerCase() ?? '';
  const allowed: ReadonlySet<Severity> | undefined = filter.errorsOnly
    ? new Set<Severity>(['error'])
    : filter.severities && filter.severities.length > 0
      ? new Set(filter.severities)
      : undefined;
  return (event, severity, title) => {
    if (allowed && !allowed.has(severity)) return false;
    if (needle.length === 0) return true;
    return (
      event.eventCode.toLowerCase().includes(needle) ||
      title.toLowerCase().includes(needle) ||
      (event.message !== undefined && event.message.toLowerCase().includes(needle)) ||
      (event.resourceId !== undefined && event.resourceId.toLowerCase().includes(needle)) ||
      event.eventId.toLowerCase().includes(needle)
    );
  };
}

/** The events the filter lets through, in their order (for an export of what the tree shows). */
export function filterEvents(events: readonly FleetEvent[], filter: EventFilter): readonly FleetEvent[] {
  if (!isFilterActive(filter)) return events;
  const matches = compileFilter(filter);
  return events.filter((e) => {
    const info = lookupEventCode(e.eventCode);
    return matches(e, info.severity, info.title);
  });
}
