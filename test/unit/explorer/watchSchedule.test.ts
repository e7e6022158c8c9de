// The watcher's schedule: due at once, then at the interval while the fleet changes, backing
// off to at most MAX_BACKOFF times the interval while it does not.
import * as assert from 'node:assert/strict';
import { MAX_BACKOFF, WatchSchedule } from '../../../src/explorer/model/watchSchedule';

describe('explorer: the watch schedule', () => {
  it('backs off while nothing changes and comes back to the interval on a change', () => {
    let interval = 30_000;
    const s = new WatchSchedule(() => interval);
    let now = 0;
    assert.equal(s.isDue('a', now), true);
    s.polled('a', false, now);
    assert.equal(s.waitOf('a'), 30_000);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      now += s.waitOf('a')!;
      assert.equal(s.isDue('a', now - 1), false);
      assert.equal(s.isDue('a', now), true);
      s.polled('a', false, now);
      waits.push(s.waitOf('a')!);
    }
    assert.deepEqual(waits, [60_000, 120_000, 240_000, 240_000, 240_000, 240_000]);
    assert.equal(MAX_BACKOFF, 8);
    s.polled('a', true, now);
    assert.equal(s.waitOf('a'), 30_000);
    interval = 10_000;
    s.polled('a', true, now);
    assert.equal(s.waitOf('a'), 10_000, 'a changed setting applies at once');
  });

  it('polls an idle fleet a few times in six minutes, not twelve', () => {
    const s = new WatchSchedule(() => 30_000);
    let polls = 0;
    for (let now = 0; now <= 6 * 60_000; now += 30_000) {
      if (!s.isDue('a', now)) continue;
      polls++;
      s.polled('a', false, now);
    }
    assert.equal(polls, 4, 'at 0, 30 s, 1.5 min and 3.5 min');
  });

  it('forgets fleets no longer watched', () => {
    const s = new WatchSchedule(() => 1000);
    s.polled('a', false, 0);
    s.polled('b', false, 0);
    s.keepOnly(new Set(['b']));
    assert.equal(s.waitOf('a'), undefined);
    assert.equal(s.waitOf('b'), 1000);
  });
});
