// The history table's virtual scrolling, free of the DOM: which rows a scroll position shows and
// where to draw them. Browsers cap an element's height (about 33 million pixels in Chromium), so
// beyond `maxHeight` the scroll range is mapped proportionally onto the rows: a million rows of
// 22 px fit as they are, ten million are scaled. Pure; the page script and the tests use it.

export interface RowLayout {
  readonly rowHeight: number;
  /** The scroller's visible height. */
  readonly viewport: number;
  readonly total: number;
  /** The tallest spacer drawn (default 30,000,000 px, under Chromium's cap). */
  readonly maxHeight?: number;
}

export interface VisibleRows {
  /** The first row shown and how many (one more than fit, for the partly visible last). */
  readonly first: number;
  readonly count: number;
  /** Where the first row is drawn, in px from the spacer's top. */
  readonly top: number;
  /** The spacer's height. */
  readonly height: number;
}

const DEFAULT_MAX_HEIGHT = 30_000_000;

function geometry(l: RowLayout): { height: number; scaled: boolean; fit: number } {
  const full = l.total * l.rowHeight;
  const height = Math.min(full, l.maxHeight ?? DEFAULT_MAX_HEIGHT);
  return { height, scaled: full > height, fit: Math.max(1, Math.floor(l.viewport / l.rowHeight)) };
}

/** The rows to draw at scroll position `scrollTop`. */
export function visibleRows(scrollTop: number, l: RowLayout): VisibleRows {
  const { height, scaled, fit } = geometry(l);
  const count = Math.min(fit + 1, l.total);
  if (l.total === 0) return { first: 0, count: 0, top: 0, height: 0 };
  const lastFirst = Math.max(0, l.total - fit);
  if (!scaled) {
    const first = Math.min(lastFirst, Math.max(0, Math.floor(scrollTop / l.rowHeight)));
    return { first, count: Math.min(count, l.total - first), top: first * l.rowHeight, height };
  }
  // Scaled: the scroll fraction picks the first row; the rows are drawn where the viewport is.
  const range = Math.max(1, height - l.viewport);
  const top = Math.min(Math.max(0, scrollTop), range);
  const first = Math.min(lastFirst, Math.round((top / range) * lastFirst));
  return { first, count: Math.min(count, l.total - first), top, height };
}

/** The scroll position that shows row `row` (at the top when it must move, else where it is). */
export function scrollTopFor(row: number, scrollTop: number, l: RowLayout): number {
  const { height, scaled, fit } = geometry(l);
  const shown = visibleRows(scrollTop, l);
  if (row >= shown.first && row < shown.first + fit) return scrollTop;
  const lastFirst = Math.max(0, l.total - fit);
  if (!scaled) {
    // Moving down, keep the row at the bottom; moving up, at the top.
    const first = row < shown.first ? row : row - fit + 1;
    return Math.max(0, Math.min(lastFirst, first)) * l.rowHeight;
  }
  const first = Math.max(0, Math.min(lastFirst, row < shown.first ? row : row - fit + 1));
  const range = Math.max(1, height - l.viewport);
  return lastFirst === 0 ? 0 : Math.floor((first / lastFirst) * range);
}
