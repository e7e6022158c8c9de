// The CloudWatch Logs operations the endpoint answers (awsJson1_1, target `Logs_20140328.<Op>`,
// SigV4 service `logs`), with the documented limits: DescribeLogGroups, DescribeLogStreams,
// GetLogEvents (per stream, forward/backward tokens) and FilterLogEvents (whole group or some
// streams, filter patterns, newest first with startFromHead=false). Times are epoch
// milliseconds as JSON integers; an answer holds at most 10,000 events and about 1 MB.
import { ServiceError, type PageTokens } from '../wire';
import { compileFilterPattern } from './filterPattern';
import type { LogEventRecord, LogGroupRecord, LogGroupsState } from './logGroups';

export interface LogsContext {
  readonly accountId: string;
  readonly region: string;
  readonly input: Record<string, unknown>;
  readonly logs: LogGroupsState;
  readonly tokens: PageTokens;
  readonly now: number;
}

export type LogsOperation = (ctx: LogsContext) => Record<string, unknown>;

/** Events per answer at most, and the size an answer stops at (message bytes + 26 per event, PutLogEvents' accounting). */
export const MAX_EVENTS = 10_000;
export const MAX_RESPONSE_BYTES = 1_048_576;
/** startFromHead=false is only supported from this startTime on (Jan 1, 2024 UTC), as documented. */
export const DESCENDING_SINCE = Date.UTC(2024, 0, 1);
/** Events FilterLogEvents looks at per call before it answers with what it found (possibly nothing) and a token. */
export const FILTER_SCAN_BUDGET = 50_000;

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]+$/;
const IDENTIFIER = /^[\w#+=/:,.@-]*$/;
const STREAM_NAME = /^[^:*]*$/;

function invalid(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

function validation(member: string, value: unknown, rule: string): ServiceError {
  return invalid(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

function str(input: Record<string, unknown>, member: string): string | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ServiceError('SerializationException', `Expected a string for member ${member}`);
  return v;
}

function long(input: Record<string, unknown>, member: string, min = 0): number | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ServiceError('SerializationException', `Expected a long for member ${member}`);
  if (v < min) throw validation(member, v, `Member must have value greater than or equal to ${min}`);
  return v;
}

function bool(input: Record<string, unknown>, member: string): boolean | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean')
    throw new ServiceError('SerializationException', `Expected a boolean for member ${member}`);
  return v;
}

function limit(input: Record<string, unknown>, max: number): number | undefined {
  const v = long(input, 'limit', 1);
  if (v !== undefined && v > max) throw validation('limit', v, `Member must have value less than or equal to ${max}`);
  return v;
}

function token(input: Record<string, unknown>): string | undefined {
  const v = str(input, 'nextToken');
  if (v !== undefined && v.length < 1)
    throw validation('nextToken', v, 'Member must have length greater than or equal to 1');
  return v;
}

/** The log group named by `logGroupName` or `logGroupIdentifier` (a name or an ARN, without `:*`). */
function requireGroup(ctx: LogsContext): LogGroupRecord {
  const name = str(ctx.input, 'logGroupName');
  const identifier = str(ctx.input, 'logGroupIdentifier');
  if (name !== undefined && identifier !== undefined)
    throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  if (name === undefined && identifier === undefined)
    throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
  let groupName: string;
  let accountId = ctx.accountId;
  let region = ctx.region;
  if (name !== undefined) {
    if (name.length < 1 || name.length > 512 || !GROUP_NAME.test(name))
      throw validation('logGroupName', name, `Member must satisfy regular expression pattern: ${GROUP_NAME.source}`);
    groupName = name;
  } else {
    const id = identifier!;
    if (id.length < 1 || id.length > 2048 || !IDENTIFIER.test(id))
      throw validation(
        'logGroupIdentifier',
        id,
        `Member must satisfy regular expression pattern: ${IDENTIFIER.source}`,
      );
    if (id.startsWith('arn:')) {
      if (id.endsWith(':*')) throw invalid('The log group ARN must not end with :*.');
      const match = /^arn:[a-z-]+:logs:([a-z0-9-]+):(\d{12}):log-group:(.+)$/.exec(id);
      if (!match) throw invalid(`Invalid log group ARN: ${id}`);
      [, region, accountId, groupName] = match;
    } else {
      groupName = id;
    }
  }
  const group = accountId === ctx.accountId ? ctx.logs.group(accountId, region, groupName) : undefined;
  if (!group) throw new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
  return group;
}

function eventCost(e: LogEventRecord): number {
  return Buffer.byteLength(e.message) + 26;
}

export function eventId(e: LogEventRecord): string {
  return `${String(e.t).padStart(20, '0')}${String(e.seq).padStart(36, '0')}`;
}

/** First index in [lo, hi) whose element satisfies `pred` (monotone false…true). */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean, lo = 0, hi = items.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether position a comes before position c in (time, seq) order. */
const before = (a: { t: number; seq: number }, c: { t: number; seq: number }) =>
  a.t < c.t || (a.t === c.t && a.seq < c.seq);

// ---------- DescribeLogGroups ----------

const DescribeLogGroups: LogsOperation = (ctx) => {
  const prefix = str(ctx.input, 'logGroupNamePrefix');
  const pattern = str(ctx.input, 'logGroupNamePattern');
  if (prefix !== undefined && pattern !== undefined)
    throw invalid('logGroupNamePrefix and logGroupNamePattern are mutually exclusive parameters.');
  const max = limit(ctx.input, 50) ?? 50;
  const fingerprint = `DescribeLogGroups|${ctx.accountId}|${ctx.region}|${prefix ?? ''}|${pattern ?? ''}`;
  const offset = tokenOffset(ctx, fingerprint);
  // logGroupNamePattern is a case-insensitive substring match, as documented.
  const groups = ctx.logs
    .groupsOf(ctx.accountId, ctx.region)
    .filter(
      (g) =>
        (prefix === undefined || g.name.startsWith(prefix)) &&
        (pattern === undefined || g.name.toLowerCase().includes(pattern.toLowerCase())),
    );
  const page = groups.slice(offset, offset + max);
  return {
    logGroups: page.map((g) => ({
      logGroupName: g.name,
      creationTime: g.creationTime,
      metricFilterCount: 0,
      arn: `${g.arn}:*`,
      logGroupArn: g.arn,
      storedBytes: 0,
      logGroupClass: 'STANDARD',
    })),
    ...(offset + max < groups.length ? { nextToken: ctx.tokens.issue(fingerprint, offset + max) } : {}),
  };
};

function tokenOffset(ctx: LogsContext, fingerprint: string): number {
  const t = token(ctx.input);
  return t === undefined ? 0 : readToken<number>(ctx, t, fingerprint);
}

/** A token's cursor; CloudWatch Logs says InvalidParameterException for one it did not issue for this query. */
function readToken<T>(ctx: LogsContext, value: string, fingerprint: string): T {
  try {
    return ctx.tokens.read<T>(value, fingerprint);
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}

// ---------- DescribeLogStreams ----------

const DescribeLogStreams: LogsOperation = (ctx) => {
  const group = requireGroup(ctx);
  const prefix = str(ctx.input, 'logStreamNamePrefix');
  const orderBy = str(ctx.input, 'orderBy') ?? 'LogStreamName';
  if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
    throw validation('orderBy', orderBy, 'Member must satisfy enum value set: [LogStreamName, LastEventTime]');
  if (orderBy === 'LastEventTime' && prefix !== undefined)
    throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
  const descending = bool(ctx.input, 'descending') ?? false;
  const max = limit(ctx.input, 50) ?? 50;
  const fingerprint = `DescribeLogStreams|${group.arn}|${prefix ?? ''}|${orderBy}|${descending}`;
  const offset = tokenOffset(ctx, fingerprint);
  const last = (s: LogGroupRecord['streams'][number]) => s.events[s.events.length - 1]?.t ?? 0;
  const streams = group.streams
    .filter((s) => prefix === undefined || s.name.startsWith(prefix))
    .sort((a, b) =>
      orderBy === 'LastEventTime' ? last(a) - last(b) || (a.name < b.name ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
  if (descending) streams.reverse();
  const page = streams.slice(offset, offset + max);
  return {
    logStreams: page.map((s) => {
      const events = s.events;
      return {
        logStreamName: s.name,
        creationTime: s.creationTime,
        ...(events.length
          ? {
              firstEventTimestamp: events[0].t,
              lastEventTimestamp: events[events.length - 1].t,
              lastIngestionTime: events[events.length - 1].ingestionTime,
            }
          : {}),
        arn: `${group.arn}:log-stream:${s.name}`,
        storedBytes: 0,
      };
    }),
    ...(offset + max < streams.length ? { nextToken: ctx.tokens.issue(fingerprint, offset + max) } : {}),
  };
};

// ---------- GetLogEvents ----------

interface StreamCursor {
  /** The position: before the event (t, seq). */
  readonly t: number;
  readonly seq: number;
}

const GetLogEvents: LogsOperation = (ctx) => {
  const group = requireGroup(ctx);
  const streamName = str(ctx.input, 'logStreamName');
  if (streamName === undefined) throw validation('logStreamName', 'null', 'Member must not be null');
  if (streamName.length < 1 || streamName.length > 512 || !STREAM_NAME.test(streamName))
    throw validation('logStreamName', streamName, 'Member must satisfy regular expression pattern: [^:*]*');
  const stream = group.stream(streamName);
  if (!stream) throw new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
  const start = long(ctx.input, 'startTime');
  const end = long(ctx.input, 'endTime');
  const max = limit(ctx.input, MAX_EVENTS) ?? MAX_EVENTS;
  const fromHead = bool(ctx.input, 'startFromHead') ?? false;
  const events = stream.events;
  // The window: startTime inclusive, endTime exclusive (as documented for GetLogEvents).
  const lo = start === undefined ? 0 : lowerBound(events, (e) => e.t >= start);
  const hi = end === undefined ? events.length : lowerBound(events, (e) => e.t >= end);
  const fingerprint = `GetLogEvents|${group.arn}|${stream.name}`;
  const given = token(ctx.input);
  let forward = fromHead;
  let position: number;
  if (given !== undefined) {
    if (!/^[fb]\//.test(given)) throw invalid('The specified nextToken is invalid.');
    forward = given.startsWith('f/');
    const cursor = readToken<StreamCursor>(ctx, given.slice(2), fingerprint);
    position = lowerBound(events, (e) => !before(e, cursor));
  } else {
    position = fromHead ? lo : hi;
  }
  position = Math.min(Math.max(position, lo), hi);
  let first: number;
  let last: number;
  if (forward) {
    first = position;
    last = first;
    let bytes = 0;
    while (last < hi && last - first < max && bytes + eventCost(events[last]) <= MAX_RESPONSE_BYTES) {
      bytes += eventCost(events[last]);
      last++;
    }
  } else {
    last = position;
    first = last;
    let bytes = 0;
    while (first > lo && last - first < max && bytes + eventCost(events[first - 1]) <= MAX_RESPONSE_BYTES) {
      bytes += eventCost(events[first - 1]);
      first--;
    }
  }
  // A position is "before event i"; past the end it is just after the last event, so lines
  // appended later (follow mode) are found by the forward token.
  const cursorAt = (i: number): StreamCursor =>
    i < events.length
      ? { t: events[i].t, seq: events[i].seq }
      : events.length
        ? { t: events[events.length - 1].t, seq: events[events.length - 1].seq + 1 }
        : { t: 0, seq: 0 };
  // At either end the same token comes back, as the service does: that is how callers know.
  const forwardToken =
    forward && first === last && given !== undefined ? given : `f/${ctx.tokens.issue(fingerprint, cursorAt(last))}`;
  const backwardToken =
    !forward && first === last && given !== undefined ? given : `b/${ctx.tokens.issue(fingerprint, cursorAt(first))}`;
  return {
    events: events
      .slice(first, last)
      .map((e) => ({ timestamp: e.t, message: e.message, ingestionTime: e.ingestionTime })),
    nextForwardToken: forwardToken,
    nextBackwardToken: backwardToken,
  };
};

// ---------- FilterLogEvents ----------

interface FilterCursor {
  readonly t: number;
  readonly seq: number;
  readonly descending: boolean;
}

const FilterLogEvents: LogsOperation = (ctx) => {
  const group = requireGroup(ctx);
  const names = ctx.input.logStreamNames;
  const prefix = str(ctx.input, 'logStreamNamePrefix');
  if (names !== undefined && names !== null && prefix !== undefined)
    throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  let wanted: Set<string> | undefined;
  if (names !== undefined && names !== null) {
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))
      throw new ServiceError('SerializationException', 'Expected a list of strings for member logStreamNames');
    if (names.length < 1 || names.length > 100)
      throw validation('logStreamNames', names.length, 'Member must have length between 1 and 100');
    wanted = new Set(names as string[]);
  }
  const start = long(ctx.input, 'startTime');
  const end = long(ctx.input, 'endTime');
  if (start !== undefined && end !== undefined && end < start)
    throw invalid('End time must be greater than or equal to start time.');
  const max = limit(ctx.input, MAX_EVENTS) ?? MAX_EVENTS;
  const fromHead = bool(ctx.input, 'startFromHead') ?? true;
  const pattern = str(ctx.input, 'filterPattern');
  const matches = compileFilterPattern(pattern);
  const fingerprint = `FilterLogEvents|${group.arn}|${[...(wanted ?? [])].join(',')}|${prefix ?? ''}|${start ?? ''}|${end ?? ''}|${pattern ?? ''}`;
  const given = token(ctx.input);
  const cursor = given === undefined ? undefined : readToken<FilterCursor>(ctx, given, fingerprint);
  // The token decides the direction once paging has started, as documented.
  const descending = cursor ? cursor.descending : !fromHead;
  if (!cursor && descending && (start === undefined || start < DESCENDING_SINCE))
    throw invalid('startFromHead=false is supported only when startTime is on or after Jan 1, 2024 00:00:00 UTC.');

  const { events, streams } = group.merged();
  const lo = start === undefined ? 0 : lowerBound(events, (e) => e.t >= start);
  const hi = end === undefined ? events.length : lowerBound(events, (e) => e.t > end);
  const streamIndexes = new Set(
    group.streams
      .map((s, i) => [s, i] as const)
      .filter(([s]) => (!wanted || wanted.has(s.name)) && (prefix === undefined || s.name.startsWith(prefix)))
      .map(([, i]) => i),
  );
  const found: number[] = [];
  let bytes = 0;
  let scanned = 0;
  let i = descending
    ? (cursor ? lowerBound(events, (e) => !before(e, cursor), lo, hi) : hi) - 1
    : cursor
      ? lowerBound(events, (e) => before(cursor, e), lo, hi)
      : lo;
  const inRange = () => (descending ? i >= lo : i < hi);
  while (inRange() && found.length < max && scanned < FILTER_SCAN_BUDGET) {
    const e = events[i];
    scanned++;
    if (streamIndexes.has(streams[i]) && matches(e.message)) {
      if (bytes + eventCost(e) > MAX_RESPONSE_BYTES) break;
      bytes += eventCost(e);
      found.push(i);
    }
    i += descending ? -1 : 1;
  }
  const more = inRange();
  // The cursor is the last event looked at, so a page cut short by the scan budget resumes after it.
  const lastLooked = descending ? i + 1 : i - 1;
  const next =
    more && lastLooked >= 0 && lastLooked < events.length
      ? ctx.tokens.issue(fingerprint, {
          t: events[lastLooked].t,
          seq: events[lastLooked].seq,
          descending,
        } satisfies FilterCursor)
      : undefined;
  return {
    events: found.map((k) => ({
      logStreamName: group.streams[streams[k]].name,
      timestamp: events[k].t,
      message: events[k].message,
      ingestionTime: events[k].ingestionTime,
      eventId: eventId(events[k]),
    })),
    searchedLogStreams: [],
    ...(next ? { nextToken: next } : {}),
  };
};

export const LOGS_OPERATIONS: Readonly<Record<string, LogsOperation>> = {
  DescribeLogGroups,
  DescribeLogStreams,
  GetLogEvents,
  FilterLogEvents,
};

/** The result member of each operation (what the `missingList` fault removes). */
export const LOGS_RESULT_MEMBER: Readonly<Record<string, string>> = {
  DescribeLogGroups: 'logGroups',
  DescribeLogStreams: 'logStreams',
  GetLogEvents: 'events',
  FilterLogEvents: 'events',
};
