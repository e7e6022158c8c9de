// The page→host validator (the page is untrusted) and the persisted-state check.
import * as assert from 'node:assert/strict';
import { isHostMessage, isPageMessage, isPersistedState } from '../../../src/details/protocol';

const REF = { target: { region: 'us-west-2', profile: 'dev' }, fleetId: 'fleet-1' };

describe('details protocol', () => {
  it('accepts every well-formed page message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'openLog' },
      { type: 'copyLogLink' },
      { type: 'refreshLink' },
      { type: 'openDocs' },
      { type: 'navigate', direction: 'older' },
      { type: 'navigate', direction: 'newer' },
      { type: 'reveal' },
      { type: 'copyJson' },
      { type: 'keepOpen' },
    ]) {
      assert.equal(isPageMessage(m), true, JSON.stringify(m));
    }
  });

  it('rejects malformed and unknown messages', () => {
    for (const m of [
      undefined,
      null,
      42,
      'ready',
      [],
      [{ type: 'ready' }],
      {},
      { type: 7 },
      { type: 'READY' },
      { type: 'openUrl', url: 'https://x' },
      { type: 'executeCommand', command: 'workbench.action.terminal.new' },
      { type: 'navigate' },
      { type: 'navigate', direction: 'sideways' },
      { type: 'navigate', direction: 1 },
      // The timeline's messages are not the details page's.
      { type: 'openEvent', eventId: 'fleet-1-evt-1' },
      { type: 'refreshTimeline' },
      { type: '__proto__' },
      { type: 'toString' },
      { type: 'showDetails' },
    ]) {
      assert.equal(isPageMessage(m), false, JSON.stringify(m));
    }
  });

  it('checks host messages by type', () => {
    assert.equal(isHostMessage({ type: 'busy', busy: true, label: 'x' }), true);
    assert.equal(isHostMessage({ type: 'ready' }), false);
    assert.equal(isHostMessage(null), false);
  });

  it('validates state restored after a reload', () => {
    const event = { eventId: 'e1', eventCode: 'FLEET_CREATED', fetchedAt: 1, hadLog: true, eventTime: 5, message: 'm' };
    assert.equal(isPersistedState({ kind: 'details', ref: REF, event, pinned: false }), true);
    assert.equal(
      isPersistedState({ kind: 'timeline', ref: REF }),
      false,
      "a timeline's state is not a details panel's",
    );
    assert.equal(
      isPersistedState({ kind: 'details', ref: REF, event: { ...event, preSignedLogUrl: 'https://x' }, pinned: false }),
      false,
      'never carries a URL',
    );
    assert.equal(
      isPersistedState({ kind: 'details', ref: REF, event: { ...event, eventTime: 'yesterday' }, pinned: false }),
      false,
    );
    assert.equal(isPersistedState({ kind: 'details', ref: REF, event, pinned: 'yes' }), false);
    assert.equal(isPersistedState({ kind: 'details', ref: { fleetId: 'f' }, event, pinned: false }), false);
    assert.equal(isPersistedState({ kind: 'other', ref: REF }), false);
    assert.equal(isPersistedState(undefined), false);
  });
});
