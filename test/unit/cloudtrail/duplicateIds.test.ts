// Duplicate eventIDs are found in linear time whatever the IDs look like: IDs that share a long
// prefix (sequential, anonymised or test IDs) must not make each new ID meet every earlier one.

import * as assert from 'node:assert/strict';
import { validateCloudTrail } from '../../../src/cloudtrail';
import { FirstUses } from '../../../src/cloudtrail/recordChecks';
import { cleanRecord, recordsFile } from './helpers';

/** UUIDs that differ only in their last digits: every hash of a prefix is the same for all of them. */
const sharedPrefixId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('CloudTrail duplicate event IDs', () => {
  it('meets at most one earlier ID per record on 20,000 IDs sharing a 24-digit prefix', () => {
    const uses = new FirstUses();
    const n = 20_000;
    let repeats = 0;
    for (let i = 0; i < n; i++) {
      // Every 1000th record repeats the ID of the record 500 before it.
      const id = sharedPrefixId(i % 1000 === 999 ? i - 500 : i);
      if (uses.firstOrAdd(id, { index: i, start: i, end: i + 1 }) !== undefined) repeats++;
    }
    assert.equal(repeats, n / 1000);
    assert.ok(
      uses.earlierUsesCompared <= n,
      `${uses.earlierUsesCompared} comparisons with earlier IDs for ${n} records: not linear`,
    );
  });

  it('reports exactly the repeated IDs among IDs sharing a prefix, naming the first use', () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      cleanRecord({ eventID: sharedPrefixId(i === 250 ? 17 : i), requestID: `req-${i}` }),
    );
    const found = validateCloudTrail(recordsFile(records, false)).diagnostics.filter(
      (d) => d.ruleId === 'duplicate-event-id',
    );
    assert.equal(found.length, 1);
    assert.match(found[0].message, /record 18\b/);
  });
});
