// An index of records already in memory (LookupEvents answers), so the history view filters them
// with the same queries as a folder's index. The records have no file: each record's `offset` is
// its position in the given list, which is how the caller finds it again.
import { FIELD_COUNT, summaryFlags, type RecordChunk } from './fileChunk';
import { HistoryIndexBuilder, type HistoryIndex } from './historyIndex';
import { STRING_FIELDS, type RecordSummary } from './types';

/** The index of `summaries`; `index.offset[n]` is record n's position in `summaries`. */
export function indexOfSummaries(summaries: readonly RecordSummary[], source = 'LookupEvents'): HistoryIndex {
  const builder = new HistoryIndexBuilder([source]);
  const n = summaries.length;
  const newStrings: string[] = [];
  const ids = new Map<string, number>([['', 0]]);
  const id = (s: string): number => {
    let k = ids.get(s);
    if (k === undefined) {
      k = ids.size;
      ids.set(s, k);
      newStrings.push(s);
    }
    return k;
  };
  const fields = new Uint32Array(n * FIELD_COUNT);
  const time = new Float64Array(n);
  const flags = new Uint8Array(n);
  const offset = new Uint32Array(n);
  const resourceStart = new Uint32Array(n + 1);
  const resources: number[] = [];
  summaries.forEach((s, i) => {
    time[i] = s.time;
    STRING_FIELDS.forEach((field, k) => (fields[i * FIELD_COUNT + k] = id(s[field])));
    flags[i] = summaryFlags(s);
    offset[i] = i;
    for (const r of s.resources) resources.push(id(r));
    resourceStart[i + 1] = resources.length;
  });
  const chunk: RecordChunk = {
    count: n,
    time,
    fields,
    flags,
    fileNo: new Uint32Array(n),
    offset,
    length: new Uint32Array(n),
    resourceStart,
    resourceIds: Uint32Array.from(resources),
    newStrings,
    files: [{ fileNo: 0, records: n, storedBytes: 0 }],
  };
  builder.source().add(chunk);
  return builder.seal();
}
