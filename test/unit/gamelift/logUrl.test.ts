// An event's log link expires when its URL says (X-Amz-Date + X-Amz-Expires), not 15 minutes
// after this machine fetched it; only a link that does not say falls back to that.
import * as assert from 'node:assert/strict';
import { LOG_URL_VALIDITY_MS, isLogUrlExpired, logUrlExpiry } from '../../../src/gamelift/logUrl';
import type { FleetEvent } from '../../../src/gamelift/types';

const FETCHED = Date.UTC(2026, 10, 20, 8, 0, 0);
const SIGNED = Date.UTC(2026, 10, 20, 7, 50, 0);
const signed: FleetEvent = {
  eventId: 'e',
  eventCode: 'GENERIC_EVENT',
  fetchedAt: FETCHED,
  preSignedLogUrl:
    'https://b.s3.us-east-2.amazonaws.com/k.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261120T075000Z&X-Amz-Expires=900&X-Amz-Signature=ab',
};
const silent: FleetEvent = {
  eventId: 'e',
  eventCode: 'GENERIC_EVENT',
  fetchedAt: FETCHED,
  preSignedLogUrl: 'https://x/y',
};
const withoutUrl: FleetEvent = { eventId: 'f', eventCode: 'GENERIC_EVENT', fetchedAt: FETCHED };

describe('logUrl', () => {
  it("expires when the URL's own date and lifetime say, whenever it was fetched", () => {
    assert.deepEqual(logUrlExpiry(signed), { signedAt: SIGNED, expiresAt: SIGNED + 900_000 });
    // Fetched 10 minutes after signing (a cached answer): 5 minutes are left, not 15.
    assert.equal(isLogUrlExpired(signed, FETCHED + 299_999), false);
    assert.equal(isLogUrlExpired(signed, FETCHED + 300_000), true);
  });
  it('falls back to 15 minutes from fetching when the URL does not say', () => {
    assert.equal(LOG_URL_VALIDITY_MS, 900_000);
    assert.deepEqual(logUrlExpiry(silent), { signedAt: FETCHED, expiresAt: FETCHED + 900_000 });
    assert.equal(isLogUrlExpired(silent, FETCHED + 899_999), false);
    assert.equal(isLogUrlExpired(silent, FETCHED + 900_000), true);
  });
  it('has no expiry without a URL', () => {
    assert.equal(logUrlExpiry(withoutUrl), undefined);
    assert.equal(isLogUrlExpired(withoutUrl, FETCHED + 10 * 900_000), false);
  });
});
