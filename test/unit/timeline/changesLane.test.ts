// The timeline's Changes lane: the fleet's write calls placed on the events' axis (which grows to
// the newest call), older calls counted, not drawn; with no events the axis spans the calls.
import * as assert from 'node:assert/strict';
import type { FleetChangesView } from '../../../src/explorer/api';
import type { FleetEvent } from '../../../src/gamelift/types';
import type { FleetChange } from '../../../src/history';
import { withChangesLane } from '../../../src/timeline/changesLane';
import { buildTimelineViewModel } from '../../../src/timeline/timelineModel';

const T = Date.UTC(2026, 10, 20, 2, 0, 0);
const MIN = 60_000;
const REF = { target: { region: 'us-west-2' }, fleetId: 'fleet-1' };
const ev = (id: string, code: string, minutes: number): FleetEvent => ({
  eventId: id,
  eventCode: code,
  eventTime: T + minutes * MIN,
  fetchedAt: T,
});
const change = (id: string, eventName: string, minutes: number, errorCode?: string): FleetChange => ({
  eventId: id,
  time: T + minutes * MIN,
  eventName,
  who: 'live-ops-bot',
  principal: 'arn:aws:iam::111122223333:user/live-ops-bot',
  sourceIp: '203.0.113.7',
  region: 'us-west-2',
  account: '111122223333',
  ...(errorCode ? { errorCode } : {}),
  text: '{}',
});
const view = (changes: FleetChange[], extra: Partial<FleetChangesView> = {}): FleetChangesView => ({
  changes,
  loading: false,
  complete: true,
  ...extra,
});

describe('timeline: the Changes lane', () => {
  const events = [
    ev('e1', 'FLEET_STATE_ACTIVE', 0),
    ev('e2', 'SERVER_PROCESS_CRASHED', 9),
    ev('e3', 'SERVER_PROCESS_CRASHED', 11),
  ];
  const base = buildTimelineViewModel(REF, undefined, events);

  it('puts the calls inside the axis on it, oldest first, and counts the older ones', () => {
    const m = withChangesLane(
      base,
      view([
        change('c3', 'UpdateFleetCapacity', 10),
        change('c2', 'UpdateFleetCapacity', 5, 'LimitExceededException'),
        change('c1', 'CreateFleet', -600),
      ]),
    );
    assert.deepEqual(
      m.changes?.marks.map((k) => [k.eventId, k.errorCode]),
      [
        ['c2', 'LimitExceededException'],
        ['c3', undefined],
      ],
    );
    assert.equal(m.changes?.outside, 1);
    assert.equal(m.changes?.marks[1].timeUtc, '2026-11-20 02:10:00 UTC');
    assert.equal(m.start, base.start, 'the axis keeps the events’ start');
    assert.equal(m.end, base.end);
  });

  it('grows the axis to a call newer than the last event, and the open status with it', () => {
    const m = withChangesLane(base, view([change('c9', 'UpdateFleetCapacity', 30)]));
    assert.ok(m.end > T + 30 * MIN);
    assert.equal(m.changes?.marks.length, 1);
    const open = m.statusBand.find((s) => s.open);
    assert.equal(open?.end, m.end);
  });

  it('spans the calls when no events are loaded', () => {
    const empty = buildTimelineViewModel(REF, undefined, []);
    const m = withChangesLane(empty, view([change('a', 'CreateFleet', 0), change('b', 'DeleteFleet', 60)]));
    assert.ok(m.start < T && m.end > T + 60 * MIN);
    assert.equal(m.changes?.marks.length, 2);
  });

  it('passes on loading and the error', () => {
    const m = withChangesLane(
      base,
      view([], { loading: true, complete: false, error: 'needs cloudtrail:LookupEvents' }),
    );
    assert.deepEqual(
      { loading: m.changes?.loading, complete: m.changes?.complete, error: m.changes?.error },
      { loading: true, complete: false, error: 'needs cloudtrail:LookupEvents' },
    );
  });
});
