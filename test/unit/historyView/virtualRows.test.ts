// The virtual table's geometry: every row reachable by scrolling, the rows at a position and the
// position that shows a row agree, for small lists, a million rows and ten million (scaled).
import * as assert from 'node:assert/strict';
import { scrollTopFor, visibleRows, type RowLayout } from '../../../src/historyView/virtualRows';

const ROW = 22;

describe('history view: virtual rows', () => {
  it('shows nothing for no rows and everything for a short list', () => {
    assert.deepEqual(visibleRows(0, { rowHeight: ROW, viewport: 440, total: 0 }), {
      first: 0,
      count: 0,
      top: 0,
      height: 0,
    });
    const few = visibleRows(500, { rowHeight: ROW, viewport: 440, total: 5 });
    assert.deepEqual(few, { first: 0, count: 5, top: 0, height: 110 });
  });

  it('maps a million rows one to one (no scaling below the height cap)', () => {
    const l: RowLayout = { rowHeight: ROW, viewport: 440, total: 1_000_000 };
    const v = visibleRows(22 * 123_456 + 5, l);
    assert.equal(v.first, 123_456);
    assert.equal(v.top, 123_456 * ROW);
    assert.equal(v.height, 22_000_000);
    assert.equal(v.count, 21);
    const end = visibleRows(v.height, l);
    assert.equal(end.first + 20, l.total, 'the last row is reachable');
  });

  for (const total of [37, 1_000_000, 10_000_000]) {
    it(`keeps every row it scrolls to in view (${total.toLocaleString('en-US')} rows)`, () => {
      const l: RowLayout = { rowHeight: ROW, viewport: 440, total };
      const fit = Math.floor(l.viewport / ROW);
      let top = 0;
      const rows = [0, 1, 19, 20, 21, Math.floor(total / 2), total - 2, total - 1, 3, 0];
      for (const row of rows) {
        top = scrollTopFor(row, top, l);
        const v = visibleRows(top, l);
        assert.ok(
          row >= v.first && row < v.first + fit + 1,
          `row ${row} within [${v.first}, ${v.first + fit}] at ${top}`,
        );
        assert.ok(v.height <= 30_000_000);
      }
    });
  }

  it('scales ten million rows into the height cap, first and last row included', () => {
    const l: RowLayout = { rowHeight: ROW, viewport: 440, total: 10_000_000 };
    const top = visibleRows(0, l);
    assert.equal(top.first, 0);
    assert.equal(top.height, 30_000_000);
    const bottom = visibleRows(30_000_000, l);
    assert.equal(bottom.first + 20, l.total);
    assert.equal(bottom.top, 30_000_000 - 440, 'rows drawn where the viewport is');
    const middle = visibleRows((30_000_000 - 440) / 2, l);
    assert.ok(Math.abs(middle.first - 5_000_000) <= 10, `${middle.first}`);
  });

  it('does not move when the row is already shown', () => {
    const l: RowLayout = { rowHeight: ROW, viewport: 440, total: 1000 };
    assert.equal(scrollTopFor(105, 100 * ROW, l), 100 * ROW);
    assert.equal(scrollTopFor(125, 100 * ROW, l), (125 - 20 + 1) * ROW, 'moving down keeps the row at the bottom');
    assert.equal(scrollTopFor(90, 100 * ROW, l), 90 * ROW, 'moving up puts it at the top');
  });
});
