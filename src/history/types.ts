// Plain data shared by the history index, its builder, the CLI and (later) the history view:
// the filterable fields, queries and their answers, record places, progress and failures.

/** The text fields of a record the index keeps (each as an interned string per record). */
export const STRING_FIELDS = [
  'eventSource',
  'eventName',
  'principal',
  'user',
  'sourceIp',
  'region',
  'account',
  'errorCode',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** Every field a query can filter on by value or text: the string fields and the resources. */
export type HistoryField = StringField | 'resource';
export const HISTORY_FIELDS: readonly HistoryField[] = [...STRING_FIELDS, 'resource'];

/** A filter on one field: the value must be one of `values` (when given) and contain `text` (when given, any case). */
export interface FieldFilter {
  readonly values?: readonly string[];
  readonly text?: string;
}

export interface HistoryQuery {
  /** Any of the fields contains this text (any case). */
  readonly text?: string;
  /** Epoch ms, inclusive. */
  readonly since?: number;
  /** Epoch ms, exclusive. */
  readonly until?: number;
  readonly fields?: Partial<Readonly<Record<HistoryField, FieldFilter>>>;
  /** Only calls that failed (errorCode set). */
  readonly errorsOnly?: boolean;
  /** Only calls with readOnly = false. */
  readonly writesOnly?: boolean;
  /** Only records naming this fleet (ID or ARN) in requestParameters, responseElements or resources. */
  readonly fleet?: string;
  /** Default `newest` first. */
  readonly order?: 'newest' | 'oldest';
  /** Count the values of these fields among matches of all the other filters (pick lists). */
  readonly facets?: readonly HistoryField[];
  /** Histogram of the matches of every filter but the time range. */
  readonly histogram?: { readonly buckets: number; readonly from?: number; readonly to?: number };
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface Histogram {
  /** Epoch ms of the first bucket's start. */
  readonly from: number;
  readonly bucketMs: number;
  readonly counts: Uint32Array;
}

export interface QueryResult {
  /** How many records match. */
  readonly total: number;
  /** Record numbers of the matches in the asked order (index into the index's records). */
  readonly rows: Uint32Array;
  readonly facets: Partial<Record<HistoryField, FacetValue[]>>;
  readonly histogram?: Histogram;
  /** Time the query took, ms. */
  readonly ms: number;
}

/** What the index keeps of a record (and what LookupEvents records are read into): plain JSON. */
export interface RecordSummary {
  /** eventTime in epoch ms; NaN when missing or unreadable. */
  readonly time: number;
  readonly eventSource: string;
  readonly eventName: string;
  /** The full identity: userIdentity.arn, else invokedBy, principalId or type. */
  readonly principal: string;
  /** The short "who": user name, role session name, invoking service, or `root`. */
  readonly user: string;
  readonly sourceIp: string;
  readonly region: string;
  readonly account: string;
  /** Empty when the call succeeded. */
  readonly errorCode: string;
  /** true, false, or undefined when the record does not say (service events, Insights). */
  readonly readOnly: boolean | undefined;
  /** GameLift resource IDs (fleet ARNs reduced to fleet IDs) and other resources' ARNs. */
  readonly resources: readonly string[];
}

/** One record of an index as the table shows it: its summary and its record number. */
export interface HistoryRow extends RecordSummary {
  readonly record: number;
}

/** Where a record is: its file and the byte range of its JSON in the file's (decompressed) content. */
export interface RecordPlace {
  readonly file: string;
  /** Byte offset in the decompressed content (UTF-8). */
  readonly offset: number;
  readonly length: number;
  readonly gzip: boolean;
  /** `string`: the range is a JSON string holding the record (lookup-events output). */
  readonly encoding: 'json' | 'string';
}

export interface FileFailure {
  readonly file: string;
  /** Why, for a person: "not gzip data", "cut short after 120 records", "3 values are not records: …". */
  readonly reason: string;
  /** Records still read from the file before the problem. */
  readonly records: number;
}

export interface BuildProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly records: number;
  /** Bytes of the files read so far (as stored, compressed or not). */
  readonly bytesRead: number;
  readonly bytesTotal: number;
  readonly failures: number;
}
