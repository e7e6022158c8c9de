// Expiry arithmetic with an injected clock: countdown text, spoken text steps, expired state.
import * as assert from 'node:assert/strict';
import { describeExpiry, formatCountdown } from '../../../src/details/expiry';

const T0 = Date.UTC(2026, 10, 21, 0, 0, 0);
/** A link signed at T0 for 15 minutes. */
const END = T0 + 15 * 60_000;

describe('expiry', () => {
  it('counts down from 15:00', () => {
    const fresh = describeExpiry(END, T0);
    assert.equal(fresh.expired, false);
    assert.equal(fresh.expiresAt, T0 + 15 * 60_000);
    assert.equal(fresh.clockText, 'Expires in 15:00');
    assert.equal(fresh.spokenText, 'The log link expires in 15 minutes.');
    const later = describeExpiry(END, T0 + 61_500);
    assert.equal(later.clockText, 'Expires in 13:59');
    assert.equal(later.remainingMs, 15 * 60_000 - 61_500);
    assert.equal(later.spokenText, 'The log link expires in 14 minutes.');
  });

  it('changes the spoken text at most once a minute', () => {
    const spoken = new Set<string>();
    for (let s = 0; s < 15 * 60; s++) spoken.add(describeExpiry(END, T0 + s * 1000).spokenText);
    // 15..2 minutes, "1 minute" is replaced by "less than a minute", plus nothing else.
    assert.ok(spoken.size <= 16, `spoken variants: ${spoken.size}`);
    assert.ok(spoken.has('The log link expires in less than a minute.'));
    assert.equal(describeExpiry(END, T0 + 14 * 60_000 + 1).spokenText, 'The log link expires in less than a minute.');
  });

  it('is expired exactly at the end and after', () => {
    const atEnd = describeExpiry(END, T0 + 15 * 60_000);
    assert.equal(atEnd.expired, true);
    assert.equal(atEnd.remainingMs, 0);
    assert.equal(atEnd.clockText, 'Expired');
    assert.equal(atEnd.spokenText, 'The log link has expired.');
    assert.equal(describeExpiry(END, T0 + 15 * 60_000 - 1).expired, false);
    assert.equal(describeExpiry(END, T0 + 20 * 60_000).clockText, 'Expired 5 minutes ago');
    assert.equal(describeExpiry(END, T0 + 16 * 60_000).clockText, 'Expired 1 minute ago');
  });

  it('counts hours for a long-lived link', () => {
    assert.equal(describeExpiry(T0 + 90 * 60_000, T0).clockText, 'Expires in 1:30:00');
  });

  it('formats countdowns', () => {
    assert.equal(formatCountdown(0), '0:00');
    assert.equal(formatCountdown(999), '0:01');
    assert.equal(formatCountdown(59_000), '0:59');
    assert.equal(formatCountdown(600_000), '10:00');
    assert.equal(formatCountdown(-5), '0:00');
  });
});
