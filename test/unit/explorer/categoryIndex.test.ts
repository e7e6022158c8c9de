// CategoryIndex: categories kept up to date as pages (appended) and polls (in front) arrive,
// touching only the new events, and equal to a full regrouping every time.
import * as assert from 'node:assert/strict';
import { CategoryIndex, groupByCategory } from '../../../src/explorer/model/categoryGroups';
import { KNOWN_EVENT_CODES } from '../../../src/gamelift/eventCatalog';
import type { FleetEvent } from '../../../src/gamelift/types';

function events(from: number, count: number): FleetEvent[] {
  // Newest first: a higher index is older.
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      eventId: `ev-${i}`,
      eventCode: KNOWN_EVENT_CODES[i % KNOWN_EVENT_CODES.length],
      message: `m${i % 7}`,
      eventTime: 1_800_000_000_000 - i * 1000,
      fetchedAt: 0,
    };
  });
}

function shape(groups: ReturnType<typeof groupByCategory>) {
  return groups.map((g) => ({
    id: g.id,
    count: g.count,
    worst: g.worst,
    ids: g.events.slice(0, g.count).map((v) => v.event.eventId),
  }));
}

describe('explorer: CategoryIndex (incremental grouping)', () => {
  it('groups an appended page by looking only at that page', () => {
    const index = new CategoryIndex();
    let loaded = events(0, 1000);
    index.update(loaded);
    assert.equal(index.lastWork, 1000);
    loaded = loaded.concat(events(1000, 1000));
    index.update(loaded);
    assert.equal(index.lastWork, 1000, 'only the new page was grouped');
    assert.deepEqual(shape(index.groups), shape(groupByCategory(loaded)));
    index.update(loaded);
    assert.equal(index.lastWork, 0, 'nothing new, nothing done');
  });

  it('puts newer events from a poll in front, keeping every category newest first', () => {
    const index = new CategoryIndex();
    let loaded = events(100, 500);
    index.update(loaded);
    const before = index.groups;
    loaded = events(90, 10).concat(loaded, events(600, 50));
    index.update(loaded);
    assert.equal(index.lastWork, 60);
    assert.deepEqual(shape(index.groups), shape(groupByCategory(loaded)));
    // Groups handed out before keep what they showed.
    assert.equal(
      before.reduce((n, g) => n + g.count, 0),
      500,
    );
    assert.deepEqual(
      before.map((g) => g.events.slice(0, g.count).length),
      before.map((g) => g.count),
    );
  });

  it('regroups everything after a reset or a reordering, and stays equal to a full grouping', () => {
    const index = new CategoryIndex();
    const loaded = events(0, 300);
    index.update(loaded);
    const shuffled = [...loaded.slice(150), ...loaded.slice(0, 150)];
    index.update(shuffled);
    assert.equal(index.lastWork, 300);
    assert.deepEqual(shape(index.groups), shape(groupByCategory(shuffled)));
    const fresh = events(5000, 20);
    index.update(fresh);
    assert.deepEqual(shape(index.groups), shape(groupByCategory(fresh)));
    index.update([]);
    assert.deepEqual(index.groups, []);
  });

  it('applies its filter to every event, counting only matches', () => {
    const filter = { text: 'm3' };
    const index = new CategoryIndex(filter);
    const loaded = events(0, 700);
    index.update(loaded.slice(0, 350));
    index.update(loaded);
    const total = index.groups.reduce((n, g) => n + g.count, 0);
    assert.equal(total, loaded.filter((e) => e.message === 'm3').length);
    assert.deepEqual(shape(index.groups), shape(groupByCategory(loaded, filter)));
  });

  it('keeps the object of a category whose events did not change', () => {
    const index = new CategoryIndex();
    const loaded = events(0, 200);
    index.update(loaded);
    const first = new Map(index.groups.map((g) => [g.id, g]));
    const one = events(200, 1);
    index.update(loaded.concat(one));
    const changedIds = index.groups.filter((g) => g !== first.get(g.id)).map((g) => g.id);
    assert.equal(changedIds.length, 1);
  });
});
