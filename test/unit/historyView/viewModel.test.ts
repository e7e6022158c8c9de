// The history view's model: the page's filters as a history query (the "who" column picks short
// names and searches the identity), pick lists keyed by column and cut to their limit, and row
// windows read from the index only for the rows asked, clamped to the result and the window cap.
import * as assert from 'node:assert/strict';
import { indexOfSummaries, runQuery, type RecordSummary } from '../../../src/history';
import { HISTOGRAM_BUCKETS, MAX_ROW_WINDOW } from '../../../src/historyView/protocol';
import { FACET_LIMIT, facetViews, rowWindow, toHistoryQuery } from '../../../src/historyView/viewModel';

const T = Date.UTC(2026, 10, 20, 2, 0, 0);
function summary(i: number): RecordSummary {
  return {
    time: T + i * 1000,
    eventSource: i % 2 ? 'gamelift.amazonaws.com' : 's3.amazonaws.com',
    eventName: i % 2 ? 'UpdateFleetCapacity' : 'GetObject',
    principal: `arn:aws:sts::111122223333:assumed-role/GameOps/user${i % 300}@example.com`,
    user: `user${i % 300}@example.com`,
    sourceIp: '203.0.113.7',
    region: 'us-west-2',
    account: '111122223333',
    errorCode: i % 7 === 0 ? 'LimitExceededException' : '',
    readOnly: i % 2 ? false : true,
    resources: i % 2 ? [`fleet-${i % 3}`, 'arn:aws:s3:::bucket'] : [],
  };
}
const list = Array.from({ length: 1500 }, (_, i) => summary(i));
const index = indexOfSummaries(list);

describe('history view: view model', () => {
  it('turns the page filters into a query with the histogram always asked', () => {
    const q = toHistoryQuery(
      {
        text: '  scale ',
        since: T,
        until: T + 60_000,
        columns: {
          who: { values: ['user1@example.com'], text: 'GameOps' },
          resource: { values: ['fleet-1'] },
          eventName: { text: '' },
        },
        errorsOnly: true,
        order: 'oldest',
      },
      ['who', 'resource'],
    );
    assert.deepEqual(q, {
      text: 'scale',
      since: T,
      until: T + 60_000,
      fields: {
        user: { values: ['user1@example.com'] },
        principal: { text: 'GameOps' },
        resource: { values: ['fleet-1'] },
      },
      errorsOnly: true,
      order: 'oldest',
      facets: ['user', 'resource'],
      histogram: { buckets: HISTOGRAM_BUCKETS },
    });
    assert.deepEqual(toHistoryQuery({}), { order: 'newest', facets: [], histogram: { buckets: HISTOGRAM_BUCKETS } });
  });

  it('lists pick-list values by column, most first, cut to the limit', () => {
    const result = runQuery(
      index,
      toHistoryQuery({ columns: { who: { values: ['user1@example.com'] } } }, ['who', 'eventName']),
    );
    const views = facetViews(result, ['who', 'eventName']);
    assert.equal(views.who?.length, FACET_LIMIT, '300 names, the first 200 listed');
    assert.ok(
      views.who.every((v) => v.count === 5),
      'counted among the other filters’ matches: its own pick does not narrow it',
    );
    // user1 made calls 1, 301, 601, 901 and 1201: all odd, all UpdateFleetCapacity.
    assert.deepEqual(views.eventName, [{ value: 'UpdateFleetCapacity', count: 5 }]);
  });

  it('reads only the rows asked, clamped to the result and the window cap', () => {
    const result = runQuery(index, toHistoryQuery({ columns: { resource: { values: ['fleet-1'] } } }));
    const first = rowWindow(index, result.rows, 0, 3);
    assert.deepEqual(
      first.map((r) => [r.row, r.eventName, r.resource, r.resources]),
      [
        [0, 'UpdateFleetCapacity', 'fleet-1', 2],
        [1, 'UpdateFleetCapacity', 'fleet-1', 2],
        [2, 'UpdateFleetCapacity', 'fleet-1', 2],
      ],
    );
    assert.ok(first[0].time! > first[1].time!, 'newest first');
    assert.equal(first[0].who, first[0].principal.split('/').pop());
    assert.equal(rowWindow(index, result.rows, result.total - 2, 50).length, 2);
    assert.equal(rowWindow(index, result.rows, result.total + 10, 5).length, 0);
    const all = runQuery(index, {});
    assert.equal(rowWindow(index, all.rows, 0, 10_000).length, MAX_ROW_WINDOW);
  });
});
