// Groups a fleet's loaded events (newest first) into the catalog's categories: display
// order and labels from EVENT_CATEGORIES, a count and worst severity per category, only
// non-empty categories, unknown codes in "Other". Titles and severities are computed here
// once per event so expanding a category does no per-node lookups.
import type { FleetEvent } from '../../gamelift/types';
import {
  EVENT_CATEGORIES,
  lookupEventCode,
  worstSeverity,
  type EventCategoryId,
  type Severity,
} from '../../gamelift/eventCatalog';
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
  /**
   * Newest first, as loaded. May grow at its end after this group was handed out (older pages
   * are appended in place); `count` is the number of events when it was.
   */
  readonly events: readonly EventView[];
  readonly count: number;
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
  const index = new CategoryIndex(filter);
  index.update(events);
  return index.groups;
}

/**
 * Categories kept up to date as events arrive: `update(events)` looks only at events it has
 * not seen (an older page appended, newer events from a poll put in front), so drawing a
 * fleet with 100,000 loaded events costs what its ~10 categories cost. Anything else (a
 * reset, an out-of-order merge) regroups everything once.
 */
export class CategoryIndex {
  private readonly matches: ReturnType<typeof compileFilter>;
  private buckets = new Map<EventCategoryId, EventView[]>();
  private worst = new Map<EventCategoryId, Severity>();
  private counted = new WeakSet<FleetEvent>();
  private countedLength = 0;
  private lastArray: readonly FleetEvent[] | undefined;
  private head: FleetEvent | undefined;
  private tail: FleetEvent | undefined;
  private groupObjects = new Map<EventCategoryId, CategoryGroup>();
  private groupList: CategoryGroup[] = [];
  /** How many events were looked at in the last update (for tests: proves the work is incremental). */
  lastWork = 0;

  constructor(readonly filter: EventFilter = {}) {
    this.matches = compileFilter(filter);
  }

  /** Non-empty categories in catalog order; a category's object changes only when its events do. */
  get groups(): CategoryGroup[] {
    return this.groupList;
  }

  /** Brings the groups up to date with `events` (newest first, unique). */
  update(events: readonly FleetEvent[]): void {
    this.lastWork = 0;
    // The pager hands out a new array whenever its events change.
    if (events === this.lastArray) return;
    const n = events.length;
    const old = this.countedLength;
    // New events in front (a poll), the counted ones in the middle, new ones behind (a page);
    // the counted run must start and end with the same events as before (else it was reordered).
    let front = 0;
    while (front < n && !this.counted.has(events[front])) front++;
    const tailStart = front + old;
    let incremental = old > 0 && tailStart <= n && events[front] === this.head && events[tailStart - 1] === this.tail;
    for (let i = tailStart; incremental && i < n; i++) if (this.counted.has(events[i])) incremental = false;
    if (!incremental) {
      this.buckets = new Map();
      this.worst = new Map();
      this.counted = new WeakSet();
      this.groupObjects = new Map();
      this.add(events, 0, n, false);
    } else {
      this.add(events, 0, front, true);
      this.add(events, tailStart, n, false);
    }
    this.countedLength = n;
    this.lastArray = events;
    this.head = events[0];
    this.tail = events[n - 1];
    this.rebuildList();
  }

  private readonly changed = new Set<EventCategoryId>();

  private add(events: readonly FleetEvent[], from: number, to: number, inFront: boolean): void {
    if (from >= to) return;
    this.lastWork += to - from;
    const batches = inFront ? new Map<EventCategoryId, EventView[]>() : this.buckets;
    for (let i = from; i < to; i++) {
      const event = events[i];
      this.counted.add(event);
      const view = viewOf(event);
      if (!this.matches(event, view.severity, view.title)) continue;
      // Categories missing from EVENT_CATEGORIES (should not happen) still go to "other".
      const id = KNOWN_IDS.has(view.categoryId) ? view.categoryId : 'other';
      let bucket = batches.get(id);
      if (!bucket) batches.set(id, (bucket = []));
      bucket.push(view);
      this.worst.set(id, worstSeverity(this.worst.get(id) ?? 'info', view.severity));
      this.changed.add(id);
    }
    if (inFront) {
      // A new array (not unshift into the old one), so groups handed out earlier stay as they were.
      for (const [id, batch] of batches) this.buckets.set(id, batch.concat(this.buckets.get(id) ?? []));
    }
  }

  private rebuildList(): void {
    const list: CategoryGroup[] = [];
    for (const category of EVENT_CATEGORIES) {
      const bucket = this.buckets.get(category.id);
      if (!bucket || bucket.length === 0) continue;
      let group = this.groupObjects.get(category.id);
      if (!group || this.changed.has(category.id)) {
        group = {
          id: category.id,
          label: category.label,
          events: bucket,
          count: bucket.length,
          worst: this.worst.get(category.id) ?? 'info',
        };
        this.groupObjects.set(category.id, group);
      }
      list.push(group);
    }
    this.changed.clear();
    this.groupList = list;
  }
}
