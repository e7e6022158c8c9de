// Filter matching: text over code, title and message; severities; "errors only".
import * as assert from 'node:assert/strict';
import { compileFilter, describeFilter, filterEvents, isFilterActive } from '../../../src/explorer/model/eventFilter';
import type { FleetEvent } from '../../../src/gamelift/types';

const event: FleetEvent = {
  eventId: 'e1',
  eventCode: 'SERVER_PROCESS_CRASHED',
  message: 'Process exited with code 139',
  fetchedAt: 0,
};

describe('explorer: event filter', () => {
  it('matches everything when inactive', () => {
    assert.equal(isFilterActive({}), false);
    assert.equal(isFilterActive({ text: '   ' }), false);
    assert.equal(compileFilter({})(event, 'info', 'x'), true);
    assert.equal(describeFilter({}), '');
  });

  it('matches text case-insensitively against code, title and message', () => {
    assert.equal(compileFilter({ text: 'crashed' })(event, 'error', 'Server process crashed'), true);
    assert.equal(compileFilter({ text: 'CODE 139' })(event, 'error', 'x'), true);
    assert.equal(compileFilter({ text: 'server process' })(event, 'error', 'Server process crashed'), true);
    assert.equal(compileFilter({ text: 'timeout' })(event, 'error', 'Server process crashed'), false);
  });

  it('matches the resource ID and the event ID, so one instance or compute can be chased', () => {
    const onInstance: FleetEvent = { ...event, eventId: 'a1b2c3d4-0000', resourceId: 'i-0abc123DEF456' };
    assert.equal(compileFilter({ text: 'i-0ABC123' })(onInstance, 'error', 'x'), true);
    assert.equal(compileFilter({ text: 'a1b2c3d4' })(onInstance, 'error', 'x'), true);
    assert.equal(compileFilter({ text: 'i-0abc123' })(event, 'error', 'x'), false, 'no resource ID');
    assert.deepEqual(
      filterEvents([event, onInstance], { text: 'i-0abc' }).map((e) => e.eventId),
      ['a1b2c3d4-0000'],
    );
    assert.equal(filterEvents([event], {}).length, 1);
    assert.deepEqual(
      filterEvents([event, onInstance], { errorsOnly: true }).map((e) => e.eventId),
      ['e1', 'a1b2c3d4-0000'],
      'severity from the catalog (a crash is an error)',
    );
  });

  it('filters by severity and errors only', () => {
    assert.equal(compileFilter({ errorsOnly: true })(event, 'warning', 't'), false);
    assert.equal(compileFilter({ errorsOnly: true })(event, 'error', 't'), true);
    assert.equal(compileFilter({ severities: ['warning', 'info'] })(event, 'info', 't'), true);
    assert.equal(compileFilter({ severities: ['warning'] })(event, 'error', 't'), false);
  });

  it('combines text and severity', () => {
    const f = compileFilter({ text: '139', errorsOnly: true });
    assert.equal(f(event, 'error', 't'), true);
    assert.equal(f({ ...event, message: 'ok' }, 'error', 't'), false);
  });

  it('describes an active filter', () => {
    assert.equal(describeFilter({ text: 'crash', errorsOnly: true }), 'Filter: "crash" · errors only');
    assert.equal(describeFilter({ severities: ['warning'] }), 'Filter: warning');
  });

  it('copes with events without a message', () => {
    assert.equal(
      compileFilter({ text: 'x' })({ eventId: 'e', eventCode: 'FLEET_CREATED', fetchedAt: 0 }, 'info', 'Fleet created'),
      false,
    );
  });
});
