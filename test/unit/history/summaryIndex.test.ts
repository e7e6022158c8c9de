// An index of summaries already in memory (LookupEvents answers) answers queries as a folder's
// index does: the same matches as a hand filter, and each record's offset is its position in the
// list given.
import * as assert from 'node:assert/strict';
import { indexOfSummaries, runQuery, summarizeRecord } from '../../../src/history';
import type { RecordSummary } from '../../../src/history/types';
import { ACTORS, cloudTrailRecord, FLEET_CALLS } from '../../emulator/cloudtrail/records';
import { seededRandom } from '../../support/seededRandom';

const FLEET = {
  fleetId: 'fleet-1a2b3c4d-0000-4000-8000-000000000001',
  accountId: '111122223333',
  region: 'eu-west-1',
  name: 'arena-eu',
  instanceType: 'c5.large',
};

function summaries(count: number): RecordSummary[] {
  const random = seededRandom(11);
  const out: RecordSummary[] = [];
  for (let i = 0; i < count; i++) {
    const call = i % 3 === 0 ? FLEET_CALLS.scale(FLEET as never, i % 4) : FLEET_CALLS.describeEvents(FLEET as never);
    const record = cloudTrailRecord(
      {
        // Not in time order on purpose: the index sorts, offsets still lead back.
        time: Date.UTC(2026, 10, 2) + ((i * 7919) % count) * 60_000,
        accountId: FLEET.accountId,
        region: FLEET.region,
        actor: ACTORS[i % ACTORS.length],
        eventSource: 'gamelift.amazonaws.com',
        ...call,
        ...(i % 5 === 0 ? { errorCode: 'LimitExceededException', errorMessage: 'no' } : {}),
      },
      random,
    );
    out.push(summarizeRecord(record));
  }
  return out;
}

describe('history: an index of summaries in memory', () => {
  const list = summaries(300);
  const index = indexOfSummaries(list);

  it('holds every summary, in time order, each leading back to its position', () => {
    assert.equal(index.size, list.length);
    const positions = new Set<number>();
    for (let n = 0; n < index.size; n++) {
      const at = index.offset[n];
      positions.add(at);
      const { record: _record, ...row } = index.row(n);
      assert.deepEqual(row, list[at]);
      if (n > 0) assert.ok(index.time[n - 1] <= index.time[n]);
    }
    assert.equal(positions.size, list.length);
  });

  it('answers queries like a hand filter', () => {
    const result = runQuery(index, {
      fields: { user: { values: [list[0].user] } },
      writesOnly: true,
      fleet: FLEET.fleetId,
      facets: ['eventName'],
    });
    const expected = list.filter(
      (s) => s.user === list[0].user && s.readOnly === false && s.resources.includes(FLEET.fleetId),
    );
    assert.ok(expected.length > 0);
    assert.equal(result.total, expected.length);
    const got = Array.from(result.rows, (n) => list[index.offset[n]]);
    assert.deepEqual(
      got.map((s) => s.time),
      expected.map((s) => s.time).sort((a, b) => b - a),
    );
    assert.equal(result.facets.eventName?.[0].value, 'UpdateFleetCapacity');
  });
});
