// Time windows with an injected clock: presets, custom ranges (ISO and relative), and the
// validation messages a user sees.
import * as assert from 'node:assert/strict';
import {
  all,
  describeWindow,
  last24Hours,
  last30Days,
  last7Days,
  lastHour,
  parseCustomRange,
  presetWindow,
  refreshWindow,
} from '../../../src/gamelift/timeRange';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0); // 2026-11-21T12:00:00Z
const H = 3_600_000;
const D = 24 * H;

function ok(result: ReturnType<typeof parseCustomRange>) {
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result.window;
}
function err(result: ReturnType<typeof parseCustomRange>) {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result.window)}`);
  return result.error;
}

describe('timeRange', () => {
  it('computes presets from now, open-ended', () => {
    assert.deepEqual(lastHour(NOW), { start: NOW - H, preset: 'lastHour' });
    assert.deepEqual(last24Hours(NOW), { start: NOW - D, preset: 'last24Hours' });
    assert.deepEqual(last7Days(NOW), { start: NOW - 7 * D, preset: 'last7Days' });
    assert.deepEqual(last30Days(NOW), { start: NOW - 30 * D, preset: 'last30Days' });
    assert.deepEqual(all(NOW), { preset: 'all' });
    assert.equal(all().start, undefined);
  });

  it('re-anchors a preset on refresh but leaves a custom window alone', () => {
    const later = NOW + 5 * H;
    assert.equal(refreshWindow(presetWindow('last24Hours', NOW), later).start, later - D);
    const custom = { start: NOW - D, end: NOW };
    assert.equal(refreshWindow(custom, later), custom);
  });

  it('parses ISO dates, date-times, zones and relative times', () => {
    assert.deepEqual(ok(parseCustomRange('2026-11-01', '2026-11-03', NOW)), {
      start: Date.UTC(2026, 10, 1),
      end: Date.UTC(2026, 10, 3) + D - 1, // a date-only end covers that whole day
    });
    assert.deepEqual(ok(parseCustomRange('2026-11-20T10:30', '2026-11-20 11:45:30Z', NOW)), {
      start: Date.UTC(2026, 10, 20, 10, 30),
      end: Date.UTC(2026, 10, 20, 11, 45, 30),
    });
    assert.equal(ok(parseCustomRange('2026-11-20T10:30:00+02:00', '', NOW)).start, Date.UTC(2026, 10, 20, 8, 30));
    assert.equal(
      ok(parseCustomRange('2026-11-20T10:30:00.250-0130', '', NOW)).start,
      Date.UTC(2026, 10, 20, 12, 0, 0, 250),
    );
    assert.deepEqual(ok(parseCustomRange('-2h', 'now', NOW)), { start: NOW - 2 * H, end: NOW });
    assert.deepEqual(ok(parseCustomRange('-3d', '-1d', NOW)), { start: NOW - 3 * D, end: NOW - D });
    assert.equal(ok(parseCustomRange('-30m', '', NOW)).start, NOW - 30 * 60_000);
    assert.equal(ok(parseCustomRange('-1w', '', NOW)).start, NOW - 7 * D);
    assert.deepEqual(ok(parseCustomRange('  ', '', NOW)), {});
  });

  it('explains what is wrong', () => {
    assert.match(err(parseCustomRange('2026-11-03', '2026-11-01', NOW)), /start .* must be before the end/i);
    assert.match(err(parseCustomRange('-1h', '-2h', NOW)), /must be before the end/);
    assert.match(err(parseCustomRange('2026-12-25', '', NOW)), /^Start: 2026-12-25 is in the future/);
    assert.match(
      err(parseCustomRange('yesterday-ish', '', NOW)),
      /^Start: "yesterday-ish" is not a date or time.*ISO 8601.*-2h/,
    );
    assert.match(err(parseCustomRange('', 'soon', NOW)), /^End: "soon" is not a date/);
    assert.match(err(parseCustomRange('2026-02-30', '', NOW)), /not a real date/);
    assert.match(err(parseCustomRange('2026-11-01T25:00', '', NOW)), /impossible time of day/);
  });

  it('describes windows for the tree', () => {
    assert.equal(describeWindow(last24Hours(NOW)), 'last 24 hours');
    assert.equal(describeWindow(lastHour(NOW)), 'last hour');
    assert.equal(describeWindow(all()), 'all events');
    assert.equal(describeWindow({}), 'all events');
    assert.equal(describeWindow(ok(parseCustomRange('2026-11-01', '2026-11-03', NOW))), '2026-11-01 → 2026-11-03');
    assert.equal(describeWindow({ start: Date.UTC(2026, 10, 1, 9, 5) }), 'since 2026-11-01 09:05');
    assert.equal(describeWindow({ end: Date.UTC(2026, 10, 2) }), 'until 2026-11-02');
  });
});
