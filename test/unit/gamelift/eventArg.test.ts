// The check on `{ref, event}` command arguments (tree nodes, links, tests): what the event
// commands rely on, and nothing they would trip over.
import * as assert from 'node:assert/strict';
import { isEventArg, isFleetEvent } from '../../../src/gamelift/types';

const ref = { target: { region: 'us-west-2' }, fleetId: 'fleet-1' };
const event = { eventId: 'e1', eventCode: 'FLEET_CREATED', fetchedAt: 1, eventTime: 2 };

describe('gamelift: event command arguments', () => {
  it('accepts an event node or {ref, event}', () => {
    assert.equal(isEventArg({ ref, event }), true);
    assert.equal(isEventArg({ ref, event: { ...event, preSignedLogUrl: 'https://x.s3.amazonaws.com/k' } }), true);
  });
  it('refuses anything the commands could trip over', () => {
    for (const bad of [
      undefined,
      null,
      'e1',
      { ref },
      { event },
      { ref: { fleetId: 'f' }, event },
      { ref, event: { ...event, eventId: '' } },
      { ref, event: { ...event, fetchedAt: '1' } },
      { ref, event: { ...event, eventTime: 'yesterday' } },
      { ref, event: { ...event, preSignedLogUrl: 42 } },
    ])
      assert.equal(isEventArg(bad), false, JSON.stringify(bad));
    assert.equal(isFleetEvent({ eventCode: 'X', fetchedAt: 1 }), false);
  });
});
