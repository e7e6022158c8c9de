// The one time formatter (tree, details panel and page, timeline, time-range descriptions).
import * as assert from 'node:assert/strict';
import { formatEventTime, formatRelative, formatUtc } from '../../../src/common/timeFormat';

const T0 = Date.UTC(2026, 10, 21, 0, 0, 0);

describe('time format', () => {
  const t = Date.UTC(2026, 10, 20, 13, 5, 9);
  it('formats UTC with zero padding', () => {
    assert.equal(formatUtc(t), '2026-11-20 13:05:09 UTC');
    assert.equal(formatEventTime(t, 'utc', 0), '2026-11-20 13:05:09 UTC');
  });
  it('formats local time like Date does', () => {
    const d = new Date(t);
    assert.ok(formatEventTime(t, 'local', 0).startsWith(`${d.getFullYear()}-`));
    assert.ok(formatEventTime(t, 'local', 0).endsWith(`:09`));
  });
  it('formats relative times', () => {
    assert.equal(formatRelative(t, t + 10_000), '10 seconds ago');
    assert.equal(formatRelative(t, t + 5 * 60_000), '5 minutes ago');
    assert.equal(formatRelative(t, t + 3 * 3600_000), '3 hours ago');
    assert.equal(formatRelative(t, t + 2 * 86400_000), '2 days ago');
    assert.equal(formatRelative(t, t + 400 * 86400_000), '1 year ago');
    assert.equal(formatEventTime(t, 'relative', t + 5 * 60_000), '5 minutes ago');
  });
  it('is empty without a time', () => {
    assert.equal(formatEventTime(undefined, 'utc', 0), '');
  });
});

describe('time format against Date', () => {
  it('agrees with Date for UTC and local times across years, leap days and DST', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const samples = [
      Date.UTC(1970, 0, 1),
      Date.UTC(2000, 1, 29, 23, 59, 59),
      Date.UTC(2024, 2, 31, 1, 30),
      Date.UTC(2026, 9, 25, 0, 59, 59),
      Date.UTC(2100, 11, 31, 12),
    ];
    for (let i = 0; i < 2000; i++) samples.push(Date.UTC(2020, 0, 1) + i * 7_919_113);
    for (const t of samples) {
      const d = new Date(t);
      assert.equal(
        formatUtc(t),
        `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`,
      );
      assert.equal(
        formatEventTime(t, 'local', 0),
        `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
      );
    }
  });
});

describe('time format: details wording', () => {
  it('formats UTC stamps', () => {
    assert.equal(formatUtc(Date.UTC(2026, 0, 2, 3, 4, 5)), '2026-01-02 03:04:05 UTC');
    assert.equal(formatUtc(Number.NaN), 'invalid time');
  });

  it('formats relative times', () => {
    assert.equal(formatRelative(T0, T0 + 2000), 'just now');
    assert.equal(formatRelative(T0, T0 + 45_000), '45 seconds ago');
    assert.equal(formatRelative(T0, T0 + 60_000), '1 minute ago');
    assert.equal(formatRelative(T0, T0 + 3 * 3600_000 + 5), '3 hours ago');
    assert.equal(formatRelative(T0, T0 + 2 * 86_400_000), '2 days ago');
    assert.equal(formatRelative(T0 + 10 * 60_000, T0), 'in 10 minutes');
  });
});
