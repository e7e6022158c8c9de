// The timeline page's protocol: what the host accepts from the (untrusted) page, what the page
// accepts from the host, and the state restored after a reload.
import * as assert from 'node:assert/strict';
import { isHostMessage, isPageMessage, isPersistedState } from '../../../src/timeline/protocol';

const REF = { target: { region: 'us-west-2', profile: 'dev' }, fleetId: 'fleet-1' };

describe('timeline protocol', () => {
  it('accepts every well-formed page message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'openEvent', eventId: 'fleet-1-evt-1' },
      { type: 'openChange', eventId: '6b7d0d8e-0f6c-4bb1-9d2c-1f0e4c1d2a3b' },
      { type: 'refreshTimeline' },
    ]) {
      assert.equal(isPageMessage(m), true, JSON.stringify(m));
    }
  });

  it("rejects malformed and unknown messages, and the details page's", () => {
    for (const m of [
      undefined,
      null,
      'ready',
      [{ type: 'openEvent', eventId: 'e' }],
      { type: 'openEvent' },
      { type: 'openEvent', eventId: '' },
      { type: 'openEvent', eventId: 5 },
      { type: 'openEvent', eventId: 'x'.repeat(257) },
      { type: 'openChange' },
      { type: 'openChange', eventId: '' },
      { type: 'openUrl', url: 'https://x' },
      { type: 'keepOpen' },
      { type: 'navigate', direction: 'older' },
      { type: 'reveal' },
      { type: 'showTimeline' },
    ]) {
      assert.equal(isPageMessage(m), false, JSON.stringify(m));
    }
  });

  it('checks host messages by type', () => {
    assert.equal(isHostMessage({ type: 'showTimeline' }), true);
    assert.equal(isHostMessage({ type: 'showDetails' }), false);
    assert.equal(isHostMessage(null), false);
  });

  it('validates state restored after a reload', () => {
    assert.equal(isPersistedState({ kind: 'timeline', ref: REF }), true);
    assert.equal(isPersistedState({ kind: 'timeline', ref: { target: { region: '' }, fleetId: 'f' } }), false);
    assert.equal(isPersistedState({ kind: 'details', ref: REF }), false);
    assert.equal(isPersistedState(undefined), false);
  });
});
