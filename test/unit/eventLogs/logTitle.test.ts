// How an event's log documents are named.
import * as assert from 'node:assert/strict';
import { eventLogTitle } from '../../../src/eventLogs/logTitle';

const T = Date.UTC(2026, 4, 11, 10, 0, 5);

describe('event logs: document titles', () => {
  it('names fleet, code and UTC time', () => {
    assert.equal(
      eventLogTitle('arena-staging', { eventCode: 'SERVER_PROCESS_CRASHED', eventTime: T }),
      'arena-staging · SERVER_PROCESS_CRASHED · 2026-05-11 10:00:05 UTC.log',
    );
    assert.equal(eventLogTitle('f', { eventCode: 'X' }), 'f · X · no time.log');
  });
  it('adds the file of a zip log that holds several, folders as ›', () => {
    const event = { eventCode: 'FLEET_ACTIVATION_FAILED', eventTime: T };
    assert.equal(
      eventLogTitle('arena', event, { name: 'logs/server.log', of: 2 }),
      'arena · FLEET_ACTIVATION_FAILED · 2026-05-11 10:00:05 UTC · logs › server.log',
    );
    assert.equal(eventLogTitle('arena', event, { name: 'only.log', of: 1 }), eventLogTitle('arena', event));
  });
});
