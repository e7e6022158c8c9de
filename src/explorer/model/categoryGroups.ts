// Groups a fleet's loaded events (newest first) into the catalog's categories: display
// order and labels from EVENT_CATEGORIES, a count and worst severity per category, only
// non-empty categories, unknown codes in "Other". Titles and severities are computed here
// once per event so expanding a category does no per-node lookups.
import type { FleetEvent } from '../../gamelift/types';
import { EVENT_CATEGORIES, lookupEventCode, worstSeverity, type EventCategoryId, type Severity } from '../../gamelift/eventCatalog';
import { compileFilter, type EventFilter } from './eventFilter';

/** An event with what the tree shows of it, computed once. */
export interface EventView {
  readonly event: FleetEvent;
  readonly title: string;
  readonly severity: Severity;
  readonly categoryId: EventCategoryId;
  readonly knownCode: boolean;
}

export interface CategoryGroup {
  readonly id: EventCategoryId;
  readonly label: string;
  /** Newest first, as loaded. */
  readonly events: readonly EventView[];
  readonly worst: Severity;
}

const KNOWN_IDS: ReadonlySet<string> = new Set(EVENT_CATEGORIES.map((c) => c.id));

const viewCache = new WeakMap<FleetEvent, EventView>();

export function viewOf(event: FleetEvent): EventView {
  let view = viewCache.get(event);
  if (!view) {
    const info = lookupEventCode(event.eventCode);
    view = { event, title: info.title, severity: info.severity, categoryId: info.category, knownCode: info.known };
    viewCache.set(event, view);
  }
  return view;
}

/** Categories in catalog order with the events that pass the filter; empty ones left out. */
export function groupByCategory(events: readonly FleetEvent[], filter: EventFilter = {}): CategoryGroup[] {
  const matches = compileFilter(filter);
  const buckets = new Map<EventCategoryId, EventView[]>();
  for (const event of events) {
    const view = viewOf(event);
    if (!matches(event, view.severity, view.title)) continue;
    // Categories missing from EVENT_CATEGORIES (should not happen) still go to "other".
    const id = buckets.has(view.categoryId) || KNOWN_IDS.has(view.categoryId) ? view.categoryId : 'other';
    let bucket = buckets.get(id);
    if (!bucket) buckets.set(id, (bucket = []));
    bucket.push(view);
  }
  const groups: CategoryGroup[] = [];
  for (const category of EVENT_CATEGORIES) {
    const bucket = buckets.get(category.id);
    if (!bucket || bucket.length === 0) continue;
    let worst: Severity = 'info';
    for (const v of bucket) worst = worstSeverity(worst, v.severity);
    groups.push({ id: category.id, label: category.label, events: bucket, worst });
  }
  return groups;
}
