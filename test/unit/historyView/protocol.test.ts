// The history page's protocol: what the host accepts from the (untrusted) page — filters of known
// columns with bounded texts and lists, row windows within bounds, records named by number — and
// the state restored after a reload.
import * as assert from 'node:assert/strict';
import {
  isHistoryFilters,
  isHostMessage,
  isPageMessage,
  isPersistedState,
  MAX_FILTER_VALUES,
  MAX_ROW_WINDOW,
} from '../../../src/historyView/protocol';

const FILTERS = {
  text: 'scale',
  since: Date.UTC(2026, 10, 1),
  until: Date.UTC(2026, 10, 2),
  columns: { who: { values: ['alice@example.com'] }, resource: { text: 'fleet-' }, errorCode: { values: [''] } },
  errorsOnly: true,
  writesOnly: false,
  order: 'oldest',
};

describe('history view protocol', () => {
  it('accepts every well-formed page message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'query', filters: FILTERS, facets: ['who', 'eventName'] },
      { type: 'query', filters: {}, facets: [] },
      { type: 'rows', seq: 3, start: 0, count: MAX_ROW_WINDOW },
      { type: 'openRecord', seq: 3, row: 999_999 },
      { type: 'athena', bucket: 'my-trail', prefix: '', organizationId: '' },
      { type: 'copyAthena', which: 'select' },
      { type: 'cancel' },
      { type: 'loadMore' },
      { type: 'retry' },
      { type: 'showFailures' },
    ]) {
      assert.equal(isPageMessage(m), true, JSON.stringify(m));
    }
  });

  it('rejects malformed, oversized and unknown messages', () => {
    for (const m of [
      undefined,
      null,
      'query',
      { type: 'query', filters: FILTERS },
      { type: 'query', filters: { columns: { password: { text: 'x' } } }, facets: [] },
      { type: 'query', filters: { text: 'x'.repeat(513) }, facets: [] },
      { type: 'query', filters: { since: Number.NaN }, facets: [] },
      { type: 'query', filters: { order: 'random' }, facets: [] },
      { type: 'query', filters: { columns: { who: { values: 'alice' } } }, facets: [] },
      { type: 'query', filters: { columns: { who: { values: Array(MAX_FILTER_VALUES + 1).fill('a') } } }, facets: [] },
      { type: 'query', filters: {}, facets: ['constructor'] },
      { type: 'rows', seq: 1, start: -1, count: 10 },
      { type: 'rows', seq: 1, start: 0, count: MAX_ROW_WINDOW + 1 },
      { type: 'rows', seq: 1.5, start: 0, count: 10 },
      { type: 'openRecord', seq: 1, row: '3' },
      { type: 'openRecord', seq: 1 },
      { type: 'athena', bucket: 5, prefix: '', organizationId: '' },
      { type: 'copyAthena', which: 'drop table' },
      { type: 'openEvent', eventId: 'e' },
      { type: 'openUrl', url: 'https://x' },
    ]) {
      assert.equal(isPageMessage(m), false, JSON.stringify(m));
    }
  });

  it('checks filters on their own (also the saved ones)', () => {
    assert.equal(isHistoryFilters(FILTERS), true);
    assert.equal(isHistoryFilters({ columns: { who: { text: 7 } } }), false);
    assert.equal(isHistoryFilters({ errorsOnly: 'yes' }), false);
    assert.equal(isHistoryFilters([]), false);
  });

  it('restores only well-formed saved state', () => {
    const target = { profile: 'dev', region: 'us-west-2' };
    assert.equal(isPersistedState({ kind: 'history', source: { kind: 'online', target }, filters: {} }), true);
    assert.equal(
      isPersistedState({ kind: 'history', source: { kind: 'folder', paths: ['/logs'] }, filters: FILTERS }),
      true,
    );
    for (const bad of [
      { kind: 'history', source: { kind: 'folder', paths: [] }, filters: {} },
      { kind: 'history', source: { kind: 'folder', paths: [''] }, filters: {} },
      { kind: 'history', source: { kind: 'online', target: { region: '' } }, filters: {} },
      { kind: 'history', source: { kind: 'ftp' }, filters: {} },
      { kind: 'timeline', source: { kind: 'online', target }, filters: {} },
      { kind: 'history', source: { kind: 'online', target }, filters: { order: 1 } },
    ])
      assert.equal(isPersistedState(bad), false, JSON.stringify(bad));
  });

  it('checks host messages by type', () => {
    for (const type of ['state', 'source', 'result', 'rows', 'athena']) assert.equal(isHostMessage({ type }), true);
    assert.equal(isHostMessage({ type: 'showTimeline' }), false);
    assert.equal(isHostMessage(null), false);
  });
});
