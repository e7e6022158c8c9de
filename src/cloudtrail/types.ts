// Public types of the pure CloudTrail core (parser, rules, locate, tokens, format).
// This is the contract the VS Code adapter codes against: members may be added, never renamed.
// Offsets are UTF-16 code-unit offsets into the text, like `String.prototype.charCodeAt`.

export type CtSeverity = 'error' | 'warning' | 'info' | 'hint';

/** Replace text[start, end) with newText. */
export interface CtTextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface CtFix {
  title: string;
  edits: CtTextEdit[];
  isPreferred?: boolean;
}

export interface CtDiagnostic {
  ruleId: string;
  severity: CtSeverity;
  message: string;
  start: number;
  end: number;
  fixes?: CtFix[];
}

/** One CloudTrail record (an element of `Records`, of the bare array, an ndjson line, or the single record). */
export interface CtRecordSummary {
  index: number;
  start: number;
  end: number;
  eventName?: string;
  eventTime?: string;
  eventSource?: string;
  /** Who made the call: userIdentity.userName, else the last part of the ARN, else principalId / invokedBy / type. */
  user?: string;
  awsRegion?: string;
  /** errorCode of the record, when the call failed. */
  errorCode?: string;
  /** eventType (AwsApiCall, AwsCloudTrailInsight, …). */
  eventType?: string;
  /** eventID of the record. */
  eventID?: string;
  /** true when the record is JSON text inside a string (start and end are the string's). */
  embedded?: boolean;
}

/** A fleet ID or fleet ARN found in a GameLift record (value range without the quotes). */
export interface CtFleetRef {
  fleetId: string;
  start: number;
  end: number;
  /** The full text found (the ARN when the value was an ARN); fleetId is always the bare `fleet-…` ID. */
  text?: string;
  /** awsRegion of the record the reference was found in. */
  region?: string;
  /** Region taken from the ARN, when the value was an ARN. */
  arnRegion?: string;
  /** Record index. */
  record?: number;
}

/** What the editor needs beyond the checks, found in the records' text by indexRecords. */
export interface CtRecordIndex {
  /** Per record, start and end of its eventName string value (with the quotes), for outline selection ranges; -1, -1 when not found. */
  names: Int32Array;
  /** Fleet IDs and ARNs among the GameLift records' string values, in record order. */
  fleetRefs: CtFleetRef[];
}

export interface CtValidateOptions {
  /** Per rule id: a different severity, or 'off' to disable the rule. */
  severities?: Record<string, CtSeverity | 'off'>;
  /** Keep at most this many diagnostics (the rest are counted in totalDiagnostics). */
  maxDiagnostics?: number;
}

/** The container of the records; 'lookup-events' is `aws cloudtrail lookup-events` output, `{"Events": [...]}`. */
export type CtFormat = 'records-object' | 'records-array' | 'single-record' | 'ndjson' | 'lookup-events' | 'unknown';

export interface CtValidationResult {
  diagnostics: CtDiagnostic[];
  records: CtRecordSummary[];
  format: CtFormat;
  /** true when maxDiagnostics was hit. */
  truncated: boolean;
  /** Number of diagnostics found, including the ones dropped by maxDiagnostics. */
  totalDiagnostics: number;
  /** Diagnostics found per severity, including the ones dropped by maxDiagnostics. */
  counts?: Record<CtSeverity, number>;
  /** true when the records sit under an EventBridge envelope's `detail`. */
  eventBridge?: boolean;
  /** true when records are JSON text inside strings (lookup-events' CloudTrailEvent, `_raw` exports). */
  embedded?: boolean;
}

export interface CtRuleInfo {
  id: string;
  defaultSeverity: CtSeverity;
  description: string;
}

export type CtPathSegment = string | number;

export interface CtLocation {
  /** JSON path from the document root to the item at the offset. */
  path: CtPathSegment[];
  /** Name of the member whose key or value contains the offset. */
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  /** Range of the value (strings include their quotes). */
  valueStart?: number;
  valueEnd?: number;
  /** The value when it is a scalar (string, number, boolean, null); objects and arrays are not materialised. */
  value?: unknown;
  /** The record containing the offset. */
  record?: CtRecordSummary;
  /** true when the offset is on the key (not the value). */
  onKey?: boolean;
}

export type CtTokenType =
  | 'eventName'
  | 'eventSource'
  | 'errorCode'
  | 'errorMessage'
  | 'arn'
  | 'accountId'
  | 'ipAddress'
  | 'accessKeyId'
  | 'key';

export interface CtSemanticToken {
  start: number;
  length: number;
  type: CtTokenType;
}

export interface CtLineColumn {
  line: number;
  column: number;
}
