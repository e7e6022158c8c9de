// Grouping, counting and worst severity per category, against the real event catalog.
import * as assert from 'node:assert/strict';
import { groupByCategory, viewOf } from '../../../src/explorer/model/categoryGroups';
import { EVENT_CATEGORIES, KNOWN_EVENT_CODES, lookupEventCode } from '../../../src/gamelift/eventCatalog';
import type { FleetEvent } from '../../../src/gamelift/types';

let seq = 0;
function ev(code: string, message = `message for ${code}`): FleetEvent {
  seq++;
  return { eventId: `ev-${seq}`, eventCode: code, message, eventTime: 1_700_000_000_000 - seq * 1000, fetchedAt: 0 };
}

function codeWith(category: string, severity: string): string {
  const code = KNOWN_EVENT_CODES.find(
    (c) => lookupEventCode(c).category === category && lookupEventCode(c).severity === severity,
  );
  assert.ok(code, `catalog has a ${severity} code in ${category}`);
  return code;
}

describe('explorer: groupByCategory', () => {
  it('puts categories in catalog order and leaves out empty ones', () => {
    const codes = [...KNOWN_EVENT_CODES].reverse();
    const groups = groupByCategory(codes.map((c) => ev(c)));
    const order = EVENT_CATEGORIES.map((c) => c.id);
    const ids = groups.map((g) => g.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    const present = new Set(KNOWN_EVENT_CODES.map((c) => lookupEventCode(c).category));
    assert.deepEqual(new Set(ids), present);
    for (const g of groups) assert.equal(g.label, EVENT_CATEGORIES.find((c) => c.id === g.id)?.label);
  });

  it('counts every event exactly once', () => {
    const events = KNOWN_EVENT_CODES.flatMap((c) => [ev(c), ev(c)]);
    const groups = groupByCategory(events);
    const total = groups.reduce((n, g) => n + g.events.length, 0);
    assert.equal(total, events.length);
    for (const g of groups) {
      const expected = events.filter((e) => lookupEventCode(e.eventCode).category === g.id).length;
      assert.equal(g.events.length, expected, g.id);
    }
  });

  it('keeps unknown codes in "Other" with a readable title', () => {
    const unknown = ev('FLEET_SOMETHING_FROM_THE_FUTURE');
    const groups = groupByCategory([ev('FLEET_CREATED'), unknown]);
    const other = groups.find((g) => g.id === 'other');
    assert.ok(other, 'Other category present');
    assert.equal(other.events[0].event, unknown);
    assert.equal(other.events[0].title, 'Fleet something from the future');
    assert.equal(other.events[0].knownCode, false);
  });

  it('reports the worst severity of each category', () => {
    const info = codeWith('fleet_state_transition', 'info');
    const error = codeWith('fleet_state_transition', 'error');
    assert.equal(groupByCategory([ev(info)])[0].worst, 'info');
    assert.equal(groupByCategory([ev(info), ev(error), ev(info)])[0].worst, 'error');
  });

  it('keeps the loaded order (newest first) inside a category', () => {
    const code = codeWith('fleet_state_transition', 'error');
    const events = [ev(code), ev(code), ev(code)];
    const group = groupByCategory(events)[0];
    assert.deepEqual(
      group.events.map((v) => v.event.eventId),
      events.map((e) => e.eventId),
    );
  });

  it('applies the filter before counting', () => {
    const error = codeWith('fleet_state_transition', 'error');
    const info = codeWith('fleet_state_transition', 'info');
    const groups = groupByCategory([ev(error), ev(info), ev(info)], { errorsOnly: true });
    assert.equal(groups.length, 1);
    assert.equal(groups[0].events.length, 1);
    assert.equal(groups[0].worst, 'error');
  });

  it('computes an event view once and reuses it', () => {
    const e = ev('FLEET_CREATED');
    assert.equal(viewOf(e), viewOf(e));
  });
});
