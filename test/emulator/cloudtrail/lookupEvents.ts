// CloudTrail as an EmulatedService: `LookupEvents` (targets `CloudTrail_20131101.LookupEvents`
// and the long form `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents`,
// signing name `cloudtrail`) over the endpoint's event history, as the API reference describes it:
// one lookup attribute at most, MaxResults 1–50 (default 50), StartTime/EndTime inclusive, events
// newest first, a NextToken valid only with identical parameters, and 2 requests per second per
// account and Region (ThrottlingException above that).
import type { EmulatedService, ServiceRequest } from '../services';
import { fromEpochSeconds, type PageTokens, ServiceError, toEpochSeconds } from '../wire';
import { LOOKUP_WINDOW_MS } from './fleetHistory';
import type { TrailEvent, TrailState } from './trailState';

/** At most this many LookupEvents calls per account and Region in any second. */
export const LOOKUP_RATE_PER_SECOND = 2;
export const MAX_LOOKUP_RESULTS = 50;

const ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

const error = (code: string, message: string) => new ServiceError(code, message);

function attributeOf(event: TrailEvent, key: AttributeKey): readonly string[] {
  switch (key) {
    case 'EventId':
      return [event.eventId];
    case 'EventName':
      return [event.eventName];
    case 'ReadOnly':
      return [String(event.readOnly)];
    case 'Username':
      return event.username ? [event.username] : [];
    case 'ResourceType':
      return event.resources.map((r) => r.ResourceType);
    case 'ResourceName':
      return event.resources.map((r) => r.ResourceName);
    case 'EventSource':
      return [event.eventSource];
    case 'AccessKeyId':
      return event.accessKeyId ? [event.accessKeyId] : [];
  }
}

interface Query {
  readonly attribute?: { readonly key: AttributeKey; readonly value: string };
  readonly start?: number;
  readonly end?: number;
  readonly category?: string;
  readonly maxResults: number;
}

function readQuery(input: Record<string, unknown>): Query {
  const max = input.MaxResults;
  if (max !== undefined && max !== null && (typeof max !== 'number' || !Number.isInteger(max)))
    throw error('SerializationException', 'Expected an integer for member MaxResults');
  const maxResults = typeof max === 'number' ? max : MAX_LOOKUP_RESULTS;
  if (maxResults < 1 || maxResults > MAX_LOOKUP_RESULTS)
    throw error(
      'InvalidMaxResultsException',
      `MaxResults must be between 1 and ${MAX_LOOKUP_RESULTS}; it was ${maxResults}.`,
    );

  const list = input.LookupAttributes;
  let attribute: Query['attribute'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) throw error('SerializationException', 'Expected a list for member LookupAttributes');
    if (list.length > 1)
      throw error('InvalidLookupAttributesException', 'You can specify only one lookup attribute per request.');
    if (list.length === 1) {
      const { AttributeKey: key, AttributeValue: value } = (list[0] ?? {}) as Record<string, unknown>;
      if (!ATTRIBUTE_KEYS.includes(key as AttributeKey))
        throw error(
          'InvalidLookupAttributesException',
          `Invalid AttributeKey ${JSON.stringify(key)}; use one of ${ATTRIBUTE_KEYS.join(', ')}.`,
        );
      if (typeof value !== 'string' || value.length < 1 || value.length > 2000)
        throw error('InvalidLookupAttributesException', 'AttributeValue must be 1 to 2000 characters long.');
      attribute = { key: key as AttributeKey, value };
    }
  }
  const category = input.EventCategory;
  if (category !== undefined && category !== null && category !== 'insight')
    throw error(
      'InvalidEventCategoryException',
      `Invalid EventCategory ${JSON.stringify(category)}; the only value is insight.`,
    );
  const start =
    input.StartTime === undefined || input.StartTime === null
      ? undefined
      : fromEpochSeconds(input.StartTime, 'StartTime');
  const end =
    input.EndTime === undefined || input.EndTime === null ? undefined : fromEpochSeconds(input.EndTime, 'EndTime');
  if (start !== undefined && end !== undefined && start > end)
    throw error('InvalidTimeRangeException', 'The start time must not be after the end time.');
  return {
    ...(attribute ? { attribute } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(typeof category === 'string' ? { category } : {}),
    maxResults,
  };
}

interface Cursor {
  /** The last event returned: time (ms) and ID. */
  readonly t: number;
  readonly id: string;
}

/** Calls accepted per account and Region in the last second (monotonic times). */
class LookupRateLimit {
  private readonly recent = new Map<string, number[]>();

  allow(key: string, at: number): boolean {
    const times = (this.recent.get(key) ?? []).filter((t) => at - t < 1000);
    const ok = times.length < LOOKUP_RATE_PER_SECOND;
    if (ok) times.push(at);
    this.recent.set(key, times);
    return ok;
  }
}

export function cloudTrailService(trail: TrailState, tokens: PageTokens): EmulatedService {
  const rate = new LookupRateLimit();
  const lookupEvents = (request: ServiceRequest): Record<string, unknown> => {
    if (!rate.allow(`${request.accountId}/${request.region}`, request.arrivedAt))
      throw error('ThrottlingException', 'Rate exceeded');
    const query = readQuery(request.input);
    const fingerprint = JSON.stringify([request.accountId, request.region, query]);
    let cursor: Cursor | undefined;
    const token = request.input.NextToken;
    if (token !== undefined && token !== null) {
      if (typeof token !== 'string' || token.length === 0)
        throw error('InvalidNextTokenException', 'Invalid NextToken.');
      try {
        cursor = tokens.read<Cursor>(token, fingerprint);
      } catch (e) {
        throw error('InvalidNextTokenException', (e as Error).message);
      }
    }
    // Insights events are not emulated: asking for them finds none.
    const end = query.end ?? request.now;
    const start = query.start ?? request.now - LOOKUP_WINDOW_MS;
    const matches = (e: TrailEvent) =>
      e.eventTime >= start &&
      e.eventTime <= end &&
      query.category === undefined &&
      (!query.attribute || attributeOf(e, query.attribute.key).includes(query.attribute.value));
    const events = trail.events(request.accountId, request.region);
    let i = 0;
    if (cursor) {
      const after = cursor;
      while (
        i < events.length &&
        (events[i].eventTime > after.t || (events[i].eventTime === after.t && events[i].eventId <= after.id))
      )
        i++;
    }
    const page: TrailEvent[] = [];
    for (; i < events.length && page.length < query.maxResults; i++) if (matches(events[i])) page.push(events[i]);
    let more = false;
    for (let j = i; j < events.length && !more; j++) more = matches(events[j]);
    const last = page[page.length - 1];
    return {
      Events: page.map((e) => ({
        EventId: e.eventId,
        EventName: e.eventName,
        ReadOnly: String(e.readOnly),
        ...(e.accessKeyId ? { AccessKeyId: e.accessKeyId } : {}),
        EventTime: toEpochSeconds(e.eventTime),
        EventSource: e.eventSource,
        ...(e.username ? { Username: e.username } : {}),
        Resources: e.resources,
        CloudTrailEvent: e.text,
      })),
      ...(more && last
        ? { NextToken: tokens.issue(fingerprint, { t: last.eventTime, id: last.eventId } satisfies Cursor) }
        : {}),
    };
  };
  return {
    name: 'CloudTrail',
    signingName: 'cloudtrail',
    targetPrefixes: ['CloudTrail_20131101.', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.'],
    errorNamespace: 'com.amazonaws.cloudtrail.v20131101',
    namespacedErrors: true,
    modelledErrors: new Set([
      'InvalidEventCategoryException',
      'InvalidLookupAttributesException',
      'InvalidMaxResultsException',
      'InvalidNextTokenException',
      'InvalidTimeRangeException',
      'OperationNotPermittedException',
      'UnsupportedOperationException',
    ]),
    resultMember: { LookupEvents: 'Events' },
    has: (operation) => operation === 'LookupEvents',
    handle: lookupEvents,
  };
}
