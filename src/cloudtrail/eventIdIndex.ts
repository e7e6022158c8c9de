// The event IDs seen so far in one file, to find duplicates: ID → first record, with the
// records' data in one flat array instead of an entry object per record (every record is added).

export interface FirstUse {
  index: number;
  start: number;
  end: number;
}

export class EventIdIndex {
  private readonly slots = new Map<string, number>();
  /** index, start, end of each first use, three numbers per slot. */
  private readonly firstUses: number[] = [];

  /**
   * The first record that used `id`, or undefined after remembering this record as its first use.
   */
  firstOrAdd(id: string, index: number, start: number, end: number): FirstUse | undefined {
    const slot = this.slots.get(id);
    if (slot !== undefined) {
      const f = this.firstUses;
      return { index: f[slot], start: f[slot + 1], end: f[slot + 2] };
    }
    this.slots.set(id, this.firstUses.length);
    this.firstUses.push(index, start, end);
    return undefined;
  }
}
