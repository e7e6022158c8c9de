// The timeline model: lanes per category in display order, marks per timed event, and the
// status band reconstructed from fleet-state events; plus the axis ticks.
import * as assert from 'node:assert/strict';
import { buildTimelineViewModel, statusBand, statusFromCode, toneForStatus } from '../../../src/timeline/timelineModel';
import { axisTicks } from '../../../src/timeline/timeTicks';
import type { FleetEvent } from '../../../src/gamelift/types';

const T = Date.UTC(2026, 10, 20, 12, 0, 0);
const REF = { target: { region: 'us-west-2' }, fleetId: 'fleet-1' };
const ev = (id: string, code: string, minutes: number | undefined, message = 'm'): FleetEvent => ({
  eventId: id,
  eventCode: code,
  message,
  eventTime: minutes === undefined ? undefined : T + minutes * 60_000,
  fetchedAt: T,
});

describe('timeline model', () => {
  const events = [
    ev('e6', 'SERVER_PROCESS_CRASHED', 50),
    ev('e5', 'FLEET_STATE_ERROR', 40),
    ev('e4', 'FLEET_STATE_ACTIVATING', 30),
    ev('e3', 'FLEET_STATE_DOWNLOADING', 10),
    ev('e2', 'FLEET_CREATED', 0),
    ev('e1', 'FLEET_SCALING_EVENT', undefined),
  ];
  const m = buildTimelineViewModel(REF, { fleetId: 'fleet-1', name: 'Arena' }, events);

  it('makes one lane per category that has events, in catalog order', () => {
    assert.deepEqual(
      m.lanes.map((l) => l.category),
      ['fleet_state_transition', 'server_process'],
    );
    assert.deepEqual(
      m.lanes[0].marks.map((k) => k.eventId),
      ['e2', 'e3', 'e4', 'e5'],
      'marks in time order',
    );
    assert.equal(m.lanes[1].marks[0].severity, 'error');
    assert.equal(m.lanes[1].marks[0].timeUtc, '2026-11-20 12:50:00 UTC');
  });

  it('counts events without a time and leaves them off the axis', () => {
    assert.equal(m.eventCount, 6);
    assert.equal(m.untimedCount, 1);
    assert.ok(m.start < T && m.end > T + 50 * 60_000);
    assert.equal(m.fleet.name, 'Arena');
  });

  it('reconstructs the fleet status over time', () => {
    assert.deepEqual(
      m.statusBand.map((s) => [s.status, (s.start - T) / 60_000, s.tone, s.open]),
      [
        ['NEW', 0, 'progress', false],
        ['DOWNLOADING', 10, 'progress', false],
        ['ACTIVATING', 30, 'progress', false],
        ['ERROR', 40, 'error', true],
      ],
    );
    assert.equal(m.statusBand[3].end, m.end);
    assert.equal(m.statusBand[0].end, T + 10 * 60_000);
  });

  it('maps codes to statuses and tones', () => {
    assert.equal(statusFromCode('FLEET_STATE_ACTIVE'), 'ACTIVE');
    assert.equal(statusFromCode('FLEET_DELETED'), 'DELETING');
    assert.equal(statusFromCode('SERVER_PROCESS_CRASHED'), undefined);
    assert.equal(statusFromCode('LOCATION_STATE_ACTIVE'), undefined);
    assert.equal(toneForStatus('ACTIVE'), 'ok');
    assert.equal(toneForStatus('EXPIRED'), 'ended');
    assert.equal(toneForStatus('SOMETHING_NEW'), 'unknown');
  });

  it('skips zero-width segments when two changes share an instant', () => {
    const band = statusBand([ev('a', 'FLEET_STATE_ACTIVATING', 5), ev('b', 'FLEET_STATE_ACTIVE', 5)], T + 600_000);
    assert.deepEqual(
      band.map((s) => s.status),
      ['ACTIVE'],
    );
  });

  it('gives a single event or no events a usable span', () => {
    const one = buildTimelineViewModel(REF, undefined, [ev('a', 'FLEET_CREATED', 0)]);
    assert.ok(one.end - one.start >= 2 * 60_000);
    assert.ok(one.start < T && T < one.end);
    const none = buildTimelineViewModel(REF, undefined, []);
    assert.equal(none.lanes.length, 0);
    assert.equal(none.statusBand.length, 0);
    assert.ok(none.end > none.start);
  });

  it('puts an unknown code in the "other" lane', () => {
    const other = buildTimelineViewModel(REF, undefined, [ev('a', 'FLEET_TELEPORTED', 0)]);
    assert.deepEqual(
      other.lanes.map((l) => l.category),
      ['other'],
    );
  });
});

describe('axis ticks', () => {
  it('picks a nice step and aligned ticks', () => {
    const r = axisTicks(T + 7 * 60_000, T + 67 * 60_000, 6);
    assert.equal(r.step, 15 * 60_000);
    assert.deepEqual(
      r.ticks.map((t) => (t - T) / 60_000),
      [15, 30, 45, 60],
    );
    assert.equal(r.dateLabels, false);
  });

  it('uses days for long spans', () => {
    const r = axisTicks(T, T + 20 * 86_400_000, 6);
    assert.ok(r.step >= 86_400_000);
    assert.equal(r.dateLabels, true);
    assert.ok(r.ticks.length >= 2 && r.ticks.length <= 12);
  });
});
