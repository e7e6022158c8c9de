// The details view model: every field present, guidance for every code, log link states,
// navigation among the loaded events, and no presigned URL anywhere in what the page gets.
import * as assert from 'node:assert/strict';
import { KNOWN_EVENT_CODES } from '../../../src/gamelift/eventCatalog';
import { eventJsonText } from '../../../src/gamelift/exportEvents';
import type { FleetEvent, FleetRef } from '../../../src/gamelift/types';
import { buildDetailsViewModel, fromPersistedEvent, toPersistedEvent } from '../../../src/details/viewModel';

const REF: FleetRef = {
  target: { profile: 'dev', region: 'us-west-2', endpoint: 'http://127.0.0.1:4566/' },
  fleetId: 'fleet-1111',
};
const T = Date.UTC(2026, 10, 20, 23, 0, 0);
const URL_ =
  'https://logs.s3.us-west-2.amazonaws.com/fleet-1111/e1.zip?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIAEXAMPLE';

function ev(id: string, code: string, minutes: number, extra: Partial<FleetEvent> = {}): FleetEvent {
  return {
    eventId: id,
    eventCode: code,
    resourceId: 'fleet-1111',
    message: `msg ${id}`,
    eventTime: T + minutes * 60_000,
    fetchedAt: T + 3600_000,
    ...extra,
  };
}

// Newest first, as the explorer returns them.
const LOADED = [
  ev('e3', 'FLEET_STATE_ERROR', 30),
  ev('e2', 'SERVER_PROCESS_CRASHED', 20, { preSignedLogUrl: URL_, count: 3 }),
  ev('e1', 'FLEET_CREATED', 0),
];

describe('details view model', () => {
  it('carries every field of the event and its fleet', () => {
    const m = buildDetailsViewModel({
      ref: REF,
      event: LOADED[1],
      fleet: { fleetId: 'fleet-1111', name: 'Arena', status: 'ACTIVE' },
      loadedEvents: LOADED,
      pinned: false,
      customEndpoints: [],
    });
    assert.equal(m.event.eventId, 'e2');
    assert.equal(m.event.resourceId, 'fleet-1111');
    assert.equal(m.event.eventCode, 'SERVER_PROCESS_CRASHED');
    assert.equal(m.event.message, 'msg e2');
    assert.equal(m.event.count, 3);
    assert.equal(m.event.eventTime, T + 20 * 60_000);
    assert.equal(m.event.eventTimeUtc, '2026-11-20 23:20:00 UTC');
    assert.equal(m.event.category, 'server_process');
    assert.equal(m.event.categoryLabel, 'Server process');
    assert.equal(m.event.severity, 'error');
    assert.ok(m.event.severityReason.length > 0);
    assert.equal(m.event.knownCode, true);
    assert.deepEqual(m.fleet, {
      fleetId: 'fleet-1111',
      name: 'Arena',
      status: 'ACTIVE',
      region: 'us-west-2',
      profile: 'dev',
      endpoint: 'http://127.0.0.1:4566',
    });
    assert.equal(m.pinned, false);
    assert.match(m.guidance.explanation, /ProcessEnding|crash/i);
  });

  it('has guidance for all 57 codes and generic guidance for an unknown one', () => {
    for (const code of KNOWN_EVENT_CODES) {
      const m = buildDetailsViewModel({ ref: REF, event: ev('x', code, 0), loadedEvents: [], pinned: true });
      assert.equal(m.guidance.known, true, code);
      assert.ok(m.guidance.explanation && m.guidance.nextSteps.length > 0, code);
    }
    const unknown = buildDetailsViewModel({
      ref: REF,
      event: ev('x', 'FLEET_TELEPORTED', 0),
      loadedEvents: [],
      pinned: true,
    });
    assert.equal(unknown.guidance.known, false);
    assert.equal(unknown.event.knownCode, false);
    assert.equal(unknown.event.category, 'other');
    assert.ok(unknown.guidance.nextSteps.length > 0);
  });

  it('never puts the presigned URL (or its signature) in the model', () => {
    const m = buildDetailsViewModel({ ref: REF, event: LOADED[1], loadedEvents: LOADED, pinned: false });
    const json = JSON.stringify(m);
    assert.doesNotMatch(json, /X-Amz|deadbeef|AKIAEXAMPLE/);
    assert.deepEqual(m.log, {
      state: 'available',
      host: 'logs.s3.us-west-2.amazonaws.com',
      // The URL does not say when it expires: 15 minutes from fetching.
      expiresAt: T + 3600_000 + 15 * 60_000,
      validityMs: 15 * 60_000,
      refusedReason: undefined,
    });
  });

  it("counts down to the URL's own expiry (X-Amz-Date + X-Amz-Expires), not from fetching", () => {
    const signedAt = Date.UTC(2026, 4, 11, 10, 0, 0);
    const url =
      'https://logs.s3.us-west-2.amazonaws.com/k.txt?X-Amz-Date=20260511T100000Z&X-Amz-Expires=600&X-Amz-Signature=ab';
    const event = ev('e9', 'SERVER_PROCESS_CRASHED', 5, { preSignedLogUrl: url, fetchedAt: signedAt + 300_000 });
    const m = buildDetailsViewModel({ ref: REF, event, loadedEvents: [event], pinned: true });
    assert.deepEqual(m.log, {
      state: 'available',
      host: 'logs.s3.us-west-2.amazonaws.com',
      expiresAt: signedAt + 600_000,
      validityMs: 600_000,
      refusedReason: undefined,
    });
  });

  it('describes each log state', () => {
    assert.deepEqual(buildDetailsViewModel({ ref: REF, event: LOADED[0], loadedEvents: LOADED, pinned: false }).log, {
      state: 'none',
    });
    assert.deepEqual(
      buildDetailsViewModel({ ref: REF, event: LOADED[0], loadedEvents: LOADED, pinned: false, logOverride: 'stale' })
        .log,
      { state: 'stale' },
    );
    assert.deepEqual(
      buildDetailsViewModel({ ref: REF, event: LOADED[1], loadedEvents: LOADED, pinned: false, logOverride: 'gone' })
        .log,
      { state: 'gone' },
    );
    const hostile = ev('h', 'GENERIC_EVENT', 0, { preSignedLogUrl: 'javascript:alert(1)' });
    const refused = buildDetailsViewModel({ ref: REF, event: hostile, loadedEvents: [], pinned: false }).log;
    assert.equal(refused.state, 'available');
    assert.ok(refused.state === 'available' && refused.refusedReason && /https/.test(refused.refusedReason));
    const local = ev('l', 'GENERIC_EVENT', 0, { preSignedLogUrl: 'http://127.0.0.1:4566/logs/l?sig=1' });
    const allowed = buildDetailsViewModel({
      ref: REF,
      event: local,
      loadedEvents: [],
      pinned: false,
      customEndpoints: ['http://127.0.0.1:4566'],
    }).log;
    assert.ok(
      allowed.state === 'available' && allowed.refusedReason === undefined && allowed.host === '127.0.0.1:4566',
    );
  });

  it('offers the older and newer loaded events', () => {
    const middle = buildDetailsViewModel({
      ref: REF,
      event: LOADED[1],
      loadedEvents: LOADED,
      pinned: false,
    }).navigation;
    assert.equal(middle.newer?.eventId, 'e3');
    assert.equal(middle.older?.eventId, 'e1');
    assert.equal(middle.position, 2);
    assert.equal(middle.total, 3);
    const newest = buildDetailsViewModel({
      ref: REF,
      event: LOADED[0],
      loadedEvents: LOADED,
      pinned: false,
    }).navigation;
    assert.equal(newest.newer, undefined);
    assert.equal(newest.older?.eventId, 'e2');
    const absent = buildDetailsViewModel({
      ref: REF,
      event: ev('zz', 'GENERIC_EVENT', 1),
      loadedEvents: LOADED,
      pinned: false,
    }).navigation;
    assert.deepEqual(absent, { older: undefined, newer: undefined, position: undefined, total: 3 });
  });

  it('persists events without their URL and restores them', () => {
    const saved = toPersistedEvent(LOADED[1]);
    assert.equal('preSignedLogUrl' in saved, false);
    assert.equal(saved.hadLog, true);
    assert.doesNotMatch(JSON.stringify(saved), /X-Amz/);
    const back = fromPersistedEvent(saved);
    assert.equal(back.hadLog, true);
    assert.equal(back.event.preSignedLogUrl, undefined);
    assert.equal(back.event.eventId, 'e2');
    assert.equal(toPersistedEvent(LOADED[0]).hadLog, false);
  });

  it('copies the event in the one event JSON shape, without the URL', () => {
    const parsed = JSON.parse(eventJsonText(LOADED[1])) as Record<string, unknown>;
    assert.deepEqual(parsed, {
      eventId: 'e2',
      resourceId: 'fleet-1111',
      eventCode: 'SERVER_PROCESS_CRASHED',
      category: 'server_process',
      severity: 'error',
      message: 'msg e2',
      eventTime: '2026-11-20T23:20:00.000Z',
      count: 3,
    });
  });

  it("shows the fleet's diagnosis headline when it is not healthy, bidi controls marked", () => {
    const base = { ref: REF, event: LOADED[0], loadedEvents: LOADED, pinned: false };
    assert.equal(buildDetailsViewModel(base).diagnosis, undefined);
    assert.equal(
      buildDetailsViewModel({ ...base, diagnosis: { verdict: 'healthy', headline: 'fine' } }).diagnosis,
      undefined,
    );
    assert.deepEqual(
      buildDetailsViewModel({ ...base, diagnosis: { verdict: 'failed', headline: 'The install script \u202Efailed.' } })
        .diagnosis,
      { verdict: 'failed', headline: 'The install script [U+202E]failed.' },
    );
  });
});
