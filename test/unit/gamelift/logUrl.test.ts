// Presigned log URLs are valid 15 minutes from when they were fetched.
import * as assert from 'node:assert/strict';
import { LOG_URL_VALIDITY_MS, isLogUrlExpired, logUrlExpiry, logUrlRemainingMs } from '../../../src/gamelift/logUrl';
import type { FleetEvent } from '../../../src/gamelift/types';

const FETCHED = Date.UTC(2026, 10, 20, 8, 0, 0);
const withUrl: FleetEvent = {
  eventId: 'e',
  eventCode: 'GENERIC_EVENT',
  fetchedAt: FETCHED,
  preSignedLogUrl: 'https://x/y',
};
const withoutUrl: FleetEvent = { eventId: 'f', eventCode: 'GENERIC_EVENT', fetchedAt: FETCHED };

describe('logUrl', () => {
  it('expires 15 minutes after fetching', () => {
    assert.equal(LOG_URL_VALIDITY_MS, 900_000);
    assert.equal(logUrlExpiry(withUrl), FETCHED + 900_000);
    assert.equal(isLogUrlExpired(withUrl, FETCHED + 899_999), false);
    assert.equal(isLogUrlExpired(withUrl, FETCHED + 900_000), true);
    assert.equal(logUrlRemainingMs(withUrl, FETCHED + 60_000), 840_000);
    assert.equal(logUrlRemainingMs(withUrl, FETCHED + 10 * 900_000), 0);
  });
  it('has no expiry without a URL', () => {
    assert.equal(logUrlExpiry(withoutUrl), undefined);
    assert.equal(isLogUrlExpired(withoutUrl, FETCHED + 10 * 900_000), false);
  });
});
