// The overview page is untrusted: only well-formed messages naming real sections and valid
// filters get through, and restored state must name a fleet.
import * as assert from 'node:assert/strict';
import { isHostMessage, isPageMessage, isPersistedState } from '../../../src/overview/protocol';

describe('overview: page protocol', () => {
  it('accepts the messages the page sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'refresh', section: 'computes' },
      { type: 'loadMoreComputes' },
      { type: 'filterComputes', filter: {} },
      { type: 'filterComputes', filter: { location: 'ap-south-1', status: 'IMPAIRED' } },
      { type: 'filterComputes', filter: { location: 'custom-home-lab' } },
      { type: 'containerLogs', action: 'open' },
      { type: 'containerLogs', action: 'search' },
    ])
      assert.equal(isPageMessage(message), true, JSON.stringify(message));
  });

  it('refuses anything else', () => {
    for (const message of [
      null,
      'refresh',
      { type: 'refresh', section: 'secrets' },
      { type: 'refresh', section: 7 },
      { type: 'filterComputes' },
      { type: 'filterComputes', filter: { status: 'TERMINATING' } },
      { type: 'filterComputes', filter: { location: '../../etc' } },
      { type: 'filterComputes', filter: { location: 'a'.repeat(65) } },
      { type: 'filterComputes', filter: { location: 'us-west-2', extra: 1 } },
      { type: 'openEvent', eventId: 'x' },
      { type: 'containerLogs' },
      { type: 'containerLogs', action: 'save', path: '/etc/passwd' },
      { type: 'section', section: { id: 'attributes', state: 'loading' } },
    ])
      assert.equal(isPageMessage(message), false, JSON.stringify(message));
  });

  it('checks restored state and what the host sends', () => {
    const ref = { target: { region: 'ap-southeast-2', profile: 'local-dev' }, fleetId: 'fleet-1' };
    assert.equal(isPersistedState({ kind: 'overview', ref }), true);
    assert.equal(isPersistedState({ kind: 'timeline', ref }), false);
    assert.equal(isPersistedState({ kind: 'overview', ref: { fleetId: 'fleet-1' } }), false);
    assert.equal(isHostMessage({ type: 'section', section: { id: 'logs', state: 'loading' } }), true);
    assert.equal(isHostMessage({ type: 'showTimeline' }), false);
  });
});
