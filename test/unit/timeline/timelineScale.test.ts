// The timeline at scale: a million loaded events (the old model overflowed the stack at about
// 130,000 with Math.min(...times)) draw as a bounded number of marks, grouped per column of the
// axis with nothing lost from the counts; small lanes keep one mark per event; the diagnosis'
// evidence is marked and stands for its column; the page merges columns per pixel.
import * as assert from 'node:assert/strict';
import type { FleetEvent } from '../../../src/gamelift/types';
import { COLUMNS, GROUP_THRESHOLD, mergeColumns } from '../../../src/timeline/laneMarks';
import type { TimelineMarkView } from '../../../src/timeline/protocol';
import { buildTimelineViewModel } from '../../../src/timeline/timelineModel';

const T = Date.UTC(2026, 10, 1);
const REF = { target: { region: 'us-west-2' }, fleetId: 'fleet-1' };
const DAY = 86_400_000;

function busyFleet(n: number): FleetEvent[] {
  const events: FleetEvent[] = [];
  // 40 days of a busy fleet: crashes, session events and a few state changes.
  for (let i = 0; i < n; i++) {
    const code =
      i % 10 === 0
        ? 'SERVER_PROCESS_CRASHED'
        : i % 10 === 1
          ? 'SERVER_PROCESS_TERMINATED_UNHEALTHY'
          : 'GAME_SESSION_ACTIVATION_TIMEOUT';
    events.push({
      eventId: `e-${i}`,
      eventCode: code,
      message: 'm',
      eventTime: T + Math.floor((i / n) * 40 * DAY),
      fetchedAt: T,
    });
  }
  events.push({ eventId: 's-1', eventCode: 'FLEET_STATE_ACTIVE', message: 'm', eventTime: T, fetchedAt: T });
  return events;
}

describe('timeline model at scale', function () {
  this.timeout(60_000);

  it('draws a million events as at most one mark per column per lane, counting every event', () => {
    const events = busyFleet(1_000_000);
    const m = buildTimelineViewModel(REF, undefined, events, {
      headline: 'Server processes keep crashing',
      evidenceEventIds: new Set(['e-500000']),
    });
    assert.equal(m.eventCount, 1_000_001);
    assert.equal(m.start < T && m.end > T + 40 * DAY - DAY, true, 'the whole span');
    const busy = m.lanes.filter((l) => l.grouped);
    assert.ok(busy.length >= 1);
    let counted = 0;
    for (const lane of m.lanes) {
      assert.ok(lane.marks.length <= COLUMNS, `${lane.category}: ${lane.marks.length} marks`);
      const inMarks = lane.marks.reduce((n, k) => n + (k.group?.events ?? 1), 0);
      assert.equal(inMarks, lane.eventCount, `${lane.category}: every event counted`);
      counted += lane.eventCount;
      for (let i = 1; i < lane.marks.length; i++) assert.ok(lane.marks[i - 1].time <= lane.marks[i].time);
    }
    assert.equal(counted, 1_000_001);
    // The server-process lane: crashes are errors, so every column's mark is an error.
    const server = m.lanes.find((l) => l.category === 'server_process')!;
    assert.equal(server.grouped, true);
    assert.ok(server.marks.every((k) => k.severity === 'error'));
    const errors = server.marks.reduce((n, k) => n + (k.group?.errors ?? 0), 0);
    assert.equal(errors, 200_000, 'crashes and unhealthy terminations are errors');
    // The evidence stands for its column.
    const cited = server.marks.filter((k) => k.evidence);
    assert.deepEqual(
      cited.map((k) => k.eventId),
      ['e-500000'],
    );
    assert.equal(cited[0].group?.evidence, 1);
    assert.equal(m.diagnosisHeadline, 'Server processes keep crashing');
    // The small lane keeps one mark per event.
    const state = m.lanes.find((l) => l.category === 'fleet_state_transition')!;
    assert.equal(state.grouped, false);
    assert.deepEqual(
      state.marks.map((k) => [k.eventId, k.group]),
      [['s-1', undefined]],
    );
  });

  it('draws a flapping fleet’s status as at most a few thousand segments, keeping the changes and the worst tone', () => {
    const codes = ['FLEET_STATE_ACTIVATING', 'FLEET_STATE_ACTIVE', 'FLEET_STATE_ERROR'];
    const flapping: FleetEvent[] = [];
    for (let i = 0; i < 300_000; i++)
      flapping.push({ eventId: `f-${i}`, eventCode: codes[i % 3], eventTime: T + i * 1000, fetchedAt: T });
    // One long ACTIVE stretch at the end stays a segment of its own.
    flapping.push({ eventId: 'calm', eventCode: 'FLEET_STATE_ACTIVE', eventTime: T + 600_000_000, fetchedAt: T });
    const m = buildTimelineViewModel(REF, undefined, flapping);
    assert.ok(m.statusBand.length <= 2 * COLUMNS, `${m.statusBand.length} segments`);
    assert.equal(
      m.statusBand.reduce((n, s) => n + (s.changes ?? 1), 0),
      300_001,
      'every change counted',
    );
    assert.ok(
      m.statusBand.filter((s) => s.changes).every((s) => s.tone === 'error'),
      'a run with an ERROR shows it',
    );
    const lastSegment = m.statusBand[m.statusBand.length - 1];
    assert.deepEqual([lastSegment.status, lastSegment.open, lastSegment.changes], ['ACTIVE', true, undefined]);
  });

  it('groups a lane only above the threshold, and marks evidence on single marks too', () => {
    const small = busyFleet(GROUP_THRESHOLD - 1);
    const m = buildTimelineViewModel(REF, undefined, small, { headline: 'h', evidenceEventIds: new Set(['e-10']) });
    const lanes = m.lanes.filter((l) => l.category !== 'fleet_state_transition');
    assert.ok(lanes.every((l) => !l.grouped && l.marks.length === l.eventCount));
    assert.equal(lanes.flatMap((l) => l.marks).filter((k) => k.evidence).length, 1);
    const none = buildTimelineViewModel(REF, undefined, small, { headline: 'h', evidenceEventIds: new Set() });
    assert.equal(none.diagnosisHeadline, undefined, 'no evidence on the timeline, no headline');
  });

  it('merges the marks that share a pixel column, keeping the counts and the most telling event', () => {
    const mark = (id: string, time: number, severity: 'info' | 'error', evidence = false): TimelineMarkView => ({
      eventId: id,
      eventCode: 'X',
      title: 'x',
      severity,
      time,
      timeUtc: '',
      ...(evidence ? { evidence: true } : {}),
    });
    const merged = mergeColumns(
      [mark('a', 0, 'info'), mark('b', 4, 'error'), mark('c', 9, 'info', true), mark('d', 10, 'info')],
      (t) => Math.floor(t / 10),
    );
    assert.deepEqual(
      merged.map((k) => [k.eventId, k.group?.events ?? 1, k.group?.errors ?? 0, k.group?.evidence ?? 0]),
      [
        ['c', 3, 1, 1],
        ['d', 1, 0, 0],
      ],
    );
    assert.deepEqual([merged[0].group?.start, merged[0].group?.end], [0, 9]);
  });
});
