// The event IDs (UUIDs) seen so far in one file, to find duplicates. Every record is added and
// duplicates are rare, so a bit set indexed by up to 24 bits taken from each UUID answers "never
// seen" for almost every ID without hashing the string; only when the bit is already set are the
// earlier IDs with the same bits compared. (A Map of ID strings cost more than most checks.)

export interface FirstUse {
  index: number;
  start: number;
  end: number;
}

/** Bits per expected ID: few false "seen before" answers, each costing one scan of the IDs. */
const BITS_PER_ID = 64;

export class EventIdIndex {
  private bits: Uint32Array | undefined;
  private readonly mask: number;
  private readonly ids: string[] = [];
  private count = 0;
  private keys: Int32Array;
  /** index, start, end of each ID's first use, three numbers per ID. */
  private firstUses: Int32Array;

  /** `expectedIds`: about how many IDs will be added (sizes the bit set: 512 B to 2 MB). */
  constructor(expectedIds: number) {
    let size = 1 << 12;
    while (size < expectedIds * BITS_PER_ID && size < 1 << 24) size <<= 1;
    this.mask = size - 1;
    const capacity = Math.max(64, Math.ceil(expectedIds));
    this.keys = new Int32Array(capacity);
    this.firstUses = new Int32Array(capacity * 3);
  }

  /**
   * The first record that used `id` (a UUID), or undefined after remembering this record as
   * its first use. `key`: 24 bits taken from the UUID (charClasses' uuidKey).
   */
  firstOrAdd(id: string, key: number, index: number, start: number, end: number): FirstUse | undefined {
    const bits = (this.bits ??= new Uint32Array((this.mask + 1) >>> 5));
    const k = key & this.mask;
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    if ((bits[word] & bit) !== 0) {
      // Same 24 bits as an earlier ID: compare with each of those.
      const keys = this.keys;
      for (let slot = 0; slot < this.count; slot++) {
        if (keys[slot] === k && this.ids[slot] === id) {
          const f = this.firstUses;
          return { index: f[slot * 3], start: f[slot * 3 + 1], end: f[slot * 3 + 2] };
        }
      }
    }
    bits[word] |= bit;
    const slot = this.count++;
    if (slot === this.keys.length) this.grow();
    this.ids.push(id);
    this.keys[slot] = k;
    this.firstUses[slot * 3] = index;
    this.firstUses[slot * 3 + 1] = start;
    this.firstUses[slot * 3 + 2] = end;
    return undefined;
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const firstUses = new Int32Array(this.firstUses.length * 2);
    firstUses.set(this.firstUses);
    this.firstUses = firstUses;
  }
}
