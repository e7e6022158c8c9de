// The history core's public surface (no `vscode`): what the CloudTrail history view, the fleet
// "Changes" rows and the timeline lane use. See docs/ARCHITECTURE.md "History core".

// Offline: a folder of CloudTrail files as one index.
export { buildHistoryIndex, MAX_RECORDS, type BuildOptions, type BuildResult } from './buildIndex';
export { HistoryIndex } from './historyIndex';
export { indexOfSummaries } from './summaryIndex';
export { runQuery } from './query';
export { RecordReader, charOffset } from './readRecord';
export { MAX_FILE_BYTES } from './fileChunk';
export {
  HISTORY_FIELDS,
  STRING_FIELDS,
  type BuildProgress,
  type FacetValue,
  type FieldFilter,
  type FileFailure,
  type Histogram,
  type HistoryField,
  type HistoryQuery,
  type HistoryRow,
  type QueryResult,
  type RecordPlace,
  type RecordSummary,
  type StringField,
} from './types';

// What a record is about, the same for files and LookupEvents.
export { summarizeRecord, parseEventTime } from './summarize';
export { fleetIdsOf, gameliftResourceId, isFleetId, resourceIdsOf } from './gameliftIds';

// Beyond one machine: Athena over the trail's bucket.
export { AthenaInputError, athenaCreateTable, athenaSelect, sqlString, type AthenaTableOptions } from './athena';

// Online: LookupEvents.
export { RateLimiter, type RateLimiterOptions } from './online/rateLimiter';
export { LookupHistories } from './online/lookupHistories';
export {
  GAMELIFT_EVENT_SOURCE,
  LOOKUP_HISTORY_MS,
  LOOKUP_PAGE_SIZE,
  LookupHistory,
  LookupWindow,
  recentWindow,
  toLookupRecord,
  type LookupHistoryOptions,
  type LookupRecord,
  type LookupWindowRange,
} from './online/lookupHistory';
export {
  fleetChangesIn,
  fleetKey,
  loadFleetChanges,
  toFleetChange,
  type FleetChange,
  type FleetChangesResult,
} from './online/fleetChanges';
export { classifyLookupError, LOOKUP_PERMISSION } from './online/lookupErrors';
