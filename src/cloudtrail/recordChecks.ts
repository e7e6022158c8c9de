// Rule checks for one CloudTrail record (any service), run on the plain object of the record.
// Kept allocation-free on clean records: a few typeof tests and sticky-free anchored regexes.
// Facts (record fields, since-versions, enums) come from the research catalogue in
// test/fixtures/cloudtrail-catalog.

import { allOfClass, CHAR_CLASS, DIGIT, uuidKeyOf } from './charClasses';
import type { EventIdIndex } from './eventIdIndex';
import type { Finding, Reporter } from './findings';

const EVENT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const LOOSE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/**
 * Strings already found valid by a costly test (regions, service host names: a handful per file),
 * compared with ===, which needs no hashing of freshly parsed strings.
 */
function remembered(test: (s: string) => boolean): (s: string) => boolean {
  const seen: string[] = [];
  return (s) => {
    for (let i = 0; i < seen.length; i++) if (seen[i] === s) return true;
    if (!test(s)) return false;
    if (seen.length < 32) seen.push(s);
    return true;
  };
}
const knownRegion = remembered((region) => REGION.test(region));
const VERSION = /^(\d+)\.(\d+)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/;
const ARN = /^arn:[a-z0-9-]+:[a-zA-Z0-9-]+:[a-z0-9-]*:[^:]*:.+$/;

export const KNOWN_VERSIONS = new Set([
  '1.0',
  '1.01',
  '1.02',
  '1.03',
  '1.04',
  '1.05',
  '1.06',
  '1.07',
  '1.08',
  '1.09',
  '1.10',
  '1.11',
]);
const KNOWN_MINOR = new Map([...KNOWN_VERSIONS].map((v) => [v, parseInt(v.split('.')[1] ?? '0', 10)]));
export const EVENT_TYPES = new Set([
  'AwsApiCall',
  'AwsServiceEvent',
  'AwsConsoleAction',
  'AwsConsoleSignIn',
  'AwsCloudTrailInsight',
  'AwsVpceEvent',
]);
export const EVENT_CATEGORIES = new Set(['Management', 'Data', 'NetworkActivity', 'Insight']);
export const IDENTITY_TYPES = new Set([
  'Root',
  'IAMUser',
  'AssumedRole',
  'Role',
  'FederatedUser',
  'Directory',
  'AWSAccount',
  'AWSService',
  'IdentityCenterUser',
  'Unknown',
  'SAMLUser',
  'WebIdentityUser',
]);
const ISSUER_TYPES = new Set(['Root', 'IAMUser', 'Role']);
/** Account IDs used as placeholders in AWS documentation. */
const PLACEHOLDER_ACCOUNTS = new Set([
  '111122223333',
  '123456789012',
  '444455556666',
  '777788889999',
  '111111111111',
  '222222222222',
  '123456789000',
]);

export type FieldType = 'string' | 'object' | 'objectOrNull' | 'boolean' | 'array' | 'stringOrBoolean';
/** JSON type of each top-level field and the minor eventVersion (1.xx) it appeared in. */
export const RECORD_FIELDS: Readonly<Record<string, [FieldType, number]>> = {
  eventVersion: ['string', 0],
  userIdentity: ['object', 0],
  eventTime: ['string', 0],
  eventSource: ['string', 0],
  eventName: ['string', 0],
  awsRegion: ['string', 0],
  sourceIPAddress: ['string', 0],
  userAgent: ['string', 0],
  errorCode: ['string', 0],
  errorMessage: ['string', 0],
  requestParameters: ['objectOrNull', 0],
  responseElements: ['objectOrNull', 0],
  additionalEventData: ['objectOrNull', 0],
  requestID: ['string', 1],
  eventID: ['string', 1],
  apiVersion: ['string', 1],
  readOnly: ['boolean', 1],
  resources: ['array', 1],
  eventType: ['string', 2],
  recipientAccountId: ['string', 2],
  sharedEventID: ['string', 3],
  vpcEndpointId: ['string', 4],
  serviceEventDetails: ['objectOrNull', 5],
  managementEvent: ['boolean', 6],
  eventCategory: ['string', 7],
  insightDetails: ['object', 7],
  addendum: ['object', 8],
  sessionCredentialFromConsole: ['stringOrBoolean', 8],
  edgeDeviceDetails: ['objectOrNull', 8],
  tlsDetails: ['object', 8],
  vpcEndpointAccountId: ['string', 9],
  eventContext: ['object', 9],
};

const TYPE_WORDS: Record<FieldType, string> = {
  string: 'a string',
  object: 'an object',
  objectOrNull: 'an object or null',
  boolean: 'true or false',
  array: 'an array',
  stringOrBoolean: 'a string or boolean',
};

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}

/** Whether a present value has the field type: the same tests the fast path of checkRecord runs. */
function hasType(v: unknown, t: FieldType): boolean {
  return ABSENT_OR_OF_TYPE[t](v);
}

function checkField(
  v: unknown,
  name: string,
  t: FieldType,
  since: number,
  minor: number,
  version: unknown,
  report: Reporter,
): void {
  if (v === undefined) return;
  if (!hasType(v, t)) {
    report({
      ruleId: 'field-type',
      message: `${name} should be ${TYPE_WORDS[t]}, not ${jsonTypeOf(v)}`,
      path: [name],
      part: 'value',
      ...(typeof v === 'string' && t === 'boolean' && (v === 'true' || v === 'false')
        ? { fix: { title: `Change to ${v}`, newValue: v === 'true', isPreferred: true } }
        : {}),
    });
  }
  if (since > minor && minor !== 99 && name !== 'vpcEndpointAccountId' && name !== 'eventContext') {
    report({
      ruleId: 'field-version',
      message: `${name} was added in eventVersion 1.${String(since).padStart(2, '0')}, but this record says ${String(version)}`,
      path: [name],
      part: 'key',
    });
  }
}

/** A record (or a candidate) looks like CloudTrail when it has some of the core fields. */
export function looksLikeRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  // Stops at the second core field found (the first two are there in almost every record).
  let n = 0;
  if (o.eventVersion !== undefined) n++;
  if (o.eventTime !== undefined && ++n >= 2) return true;
  if (o.eventSource !== undefined && ++n >= 2) return true;
  if (o.eventName !== undefined && ++n >= 2) return true;
  if (o.eventID !== undefined && ++n >= 2) return true;
  if (o.userIdentity !== undefined && ++n >= 2) return true;
  if (o.awsRegion !== undefined && ++n >= 2) return true;
  return o.eventType !== undefined && n + 1 >= 2;
}

/** Documentation placeholder account? Plain comparisons: Set lookups would hash every parsed string. */
function isPlaceholderAccount(s: string): boolean {
  if (s.length !== 12) return false;
  const c = s.charCodeAt(0);
  if (c !== 49 && c !== 50 && c !== 52 && c !== 55) return false;
  return PLACEHOLDER_ACCOUNTS.has(s);
}

/** Contains "EXAMPLE" (AWS's placeholder keys and IDs)? includes() is the fastest way measured. */
function hasExample(s: string): boolean {
  return s.includes('EXAMPLE');
}

export function isPlaceholderText(s: string): boolean {
  return hasExample(s) || s.includes('example') || isPlaceholderAccount(s);
}

/** 8-4-4-4-12 hexadecimal digits. */
export function isUuid(s: string): boolean {
  return uuidKeyOf(s) >= 0;
}

/** Any white space: a regular expression scans a string faster than a loop over its characters. */
export function hasBlank(s: string): boolean {
  return BLANK.test(s);
}
const BLANK = /\s/;

function isDigits(s: string, n: number): boolean {
  return s.length === n && allOfClass(s, 0, n, DIGIT);
}

/** The number of two digits at s[i], which the caller has checked are digits. */
function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

/** YYYY-MM-DDThh:mm:ssZ and a real date and time. */
export function isCloudTrailTime(s: string): boolean {
  if (
    s.length !== 20 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    s.charCodeAt(19) !== 90
  )
    return false;
  const c = CHAR_CLASS;
  const allDigits =
    c[s.charCodeAt(0)] &
    c[s.charCodeAt(1)] &
    c[s.charCodeAt(2)] &
    c[s.charCodeAt(3)] &
    c[s.charCodeAt(5)] &
    c[s.charCodeAt(6)] &
    c[s.charCodeAt(8)] &
    c[s.charCodeAt(9)] &
    c[s.charCodeAt(11)] &
    c[s.charCodeAt(12)] &
    c[s.charCodeAt(14)] &
    c[s.charCodeAt(15)] &
    c[s.charCodeAt(17)] &
    c[s.charCodeAt(18)] &
    DIGIT;
  return (
    allDigits !== 0 &&
    validDateParts(
      twoDigits(s, 0) * 100 + twoDigits(s, 2),
      twoDigits(s, 5),
      twoDigits(s, 8),
      twoDigits(s, 11),
      twoDigits(s, 14),
      twoDigits(s, 17),
    )
  );
}

function isIpv4(s: string): boolean {
  let parts = 0;
  let value = 0;
  let len = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (len === 0 || value > 255) return false;
      parts++;
      value = 0;
      len = 0;
    } else if (c >= 48 && c <= 57 && len < 3) {
      value = value * 10 + (c - 48);
      len++;
    } else return false;
  }
  return parts === 4;
}

function daysInMonth(y: number, m: number): number {
  return m === 2
    ? (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;
}

function validDateParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 60;
}

export interface RecordCheckState {
  eventIds: EventIdIndex;
}

export interface RecordInfo {
  index: number;
  start: number;
  end: number;
  text: string;
}

// "Absent or of this JSON type": small enough for the optimiser to inline into checkRecord.
function stringOr(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}
function booleanOr(v: unknown): boolean {
  return v === undefined || typeof v === 'boolean';
}
function arrayOr(v: unknown): boolean {
  return v === undefined || Array.isArray(v);
}
function objectOr(v: unknown): boolean {
  return v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v));
}
function objectOrNullOr(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
}
function stringOrBooleanOr(v: unknown): boolean {
  return v === undefined || typeof v === 'string' || typeof v === 'boolean';
}
const ABSENT_OR_OF_TYPE: Readonly<Record<FieldType, (v: unknown) => boolean>> = {
  string: stringOr,
  boolean: booleanOr,
  array: arrayOr,
  object: objectOr,
  objectOrNull: objectOrNullOr,
  stringOrBoolean: stringOrBooleanOr,
};

/** Every known field against its type and since-version, in the table's order (the rare path: a finding is likely). */
function checkFields(rec: Record<string, unknown>, minor: number, version: unknown, report: Reporter): void {
  for (const name in RECORD_FIELDS) {
    const [type, since] = RECORD_FIELDS[name];
    checkField(rec[name], name, type, since, minor, version, report);
  }
}

/** Runs every generic CloudTrail check on one record. */
export function checkRecord(
  rec: Record<string, unknown>,
  info: RecordInfo,
  state: RecordCheckState,
  report: Reporter,
): void {
  const eventType = rec.eventType;
  const eventCategory = rec.eventCategory;
  const isInsight = eventType === 'AwsCloudTrailInsight' || eventCategory === 'Insight';
  // Every field read once (a record's property reads are the costliest part of these checks).
  const time = rec.eventTime;
  const eventID = rec.eventID;
  const requestID = rec.requestID;
  const region = rec.awsRegion;
  const ui = rec.userIdentity;
  const errorCode = rec.errorCode;
  const errorMessage = rec.errorMessage;
  const ip = rec.sourceIPAddress;
  const resources = rec.resources;
  const sharedEventID = rec.sharedEventID;
  const recipientAccountId = rec.recipientAccountId;
  const vpcEndpointAccountId = rec.vpcEndpointAccountId;
  const eventSource = rec.eventSource;
  const eventName = rec.eventName;
  const insightDetails = rec.insightDetails;

  // eventVersion and the minor version that decides which fields must exist.
  let minor = 99;
  const version = rec.eventVersion;
  if (typeof version === 'string') {
    // The common versions by comparison, the rest by lookup.
    const known =
      version === '1.08'
        ? 8
        : version === '1.09'
          ? 9
          : version === '1.10'
            ? 10
            : version === '1.11'
              ? 11
              : KNOWN_MINOR.get(version);
    if (known !== undefined) minor = known;
  }
  if (typeof version === 'string' && minor === 99) {
    const m = VERSION.exec(version);
    if (!m) {
      report({
        ruleId: 'event-version',
        message: `eventVersion "${version}" is not of the form major.minor (for example 1.08)`,
        path: ['eventVersion'],
        part: 'value',
      });
    } else {
      minor = m[1] === '1' ? parseInt(m[2], 10) : 99;
      if (!KNOWN_VERSIONS.has(version)) {
        const newer = parseInt(m[1], 10) > 1 || minor > 11;
        report({
          ruleId: 'event-version',
          message: newer
            ? `eventVersion ${version} is newer than the versions this checker knows (up to 1.11)`
            : `eventVersion ${version} is not a known CloudTrail version (1.0 to 1.11)`,
          path: ['eventVersion'],
          part: 'value',
          severity: newer ? 'info' : undefined,
        });
      }
    }
  }

  // JSON types of the known fields, and fields newer than the record's version: one chain of
  // typeof tests on named reads (monomorphic on records of one shape) decides whether the table
  // needs walking at all; versions before 1.08 are the only ones a field can be too new for.
  const typesLookRight =
    stringOr(version) &&
    objectOr(ui) &&
    stringOr(time) &&
    stringOr(eventSource) &&
    stringOr(eventName) &&
    stringOr(region) &&
    stringOr(ip) &&
    stringOr(rec.userAgent) &&
    stringOr(errorCode) &&
    stringOr(errorMessage) &&
    objectOrNullOr(rec.requestParameters) &&
    objectOrNullOr(rec.responseElements) &&
    objectOrNullOr(rec.additionalEventData) &&
    stringOr(requestID) &&
    stringOr(eventID) &&
    stringOr(rec.apiVersion) &&
    booleanOr(rec.readOnly) &&
    arrayOr(resources) &&
    stringOr(eventType) &&
    stringOr(recipientAccountId) &&
    stringOr(sharedEventID) &&
    stringOr(rec.vpcEndpointId) &&
    objectOrNullOr(rec.serviceEventDetails) &&
    booleanOr(rec.managementEvent) &&
    stringOr(eventCategory) &&
    objectOr(insightDetails) &&
    objectOr(rec.addendum) &&
    stringOrBooleanOr(rec.sessionCredentialFromConsole) &&
    objectOrNullOr(rec.edgeDeviceDetails) &&
    objectOr(rec.tlsDetails) &&
    stringOr(vpcEndpointAccountId) &&
    objectOr(rec.eventContext);
  if (!typesLookRight || minor < 8) checkFields(rec, minor, version, report);

  // Required fields for this kind of record.
  let missing: string[] | undefined;
  if (
    version === undefined ||
    time === undefined ||
    region === undefined ||
    eventID === undefined ||
    eventType === undefined ||
    eventCategory === undefined ||
    eventSource === undefined ||
    eventName === undefined ||
    ui === undefined ||
    ip === undefined ||
    isInsight
  )
    missing = [];
  if (missing && version === undefined) missing.push('eventVersion');
  if (missing && time === undefined) missing.push('eventTime');
  if (missing && region === undefined) missing.push('awsRegion');
  if (missing && minor >= 1 && eventID === undefined) missing.push('eventID');
  if (missing && minor >= 2 && eventType === undefined) missing.push('eventType');
  if (missing && minor >= 7 && minor !== 99 && eventCategory === undefined) missing.push('eventCategory');
  if (isInsight) {
    if (missing && insightDetails === undefined) missing.push('insightDetails');
  } else {
    if (missing && eventSource === undefined) missing.push('eventSource');
    if (missing && eventName === undefined) missing.push('eventName');
    if (
      eventType === 'AwsApiCall' ||
      eventType === 'AwsConsoleAction' ||
      eventType === 'AwsConsoleSignIn' ||
      eventType === undefined
    ) {
      if (missing && ui === undefined) missing.push('userIdentity');
      if (missing && ip === undefined) missing.push('sourceIPAddress');
    }
  }
  if (missing && missing.length > 0) {
    const what = isInsight
      ? 'an Insights record'
      : typeof eventType === 'string'
        ? `an ${eventType} record`
        : 'a record';
    report({
      ruleId: 'required-field',
      message: `Missing ${missing.join(', ')}: CloudTrail always writes ${missing.length === 1 ? 'this field' : 'these fields'} in ${what}${minor !== 99 && version !== undefined ? ` of eventVersion ${String(version)}` : ''}`,
      path: [],
      part: 'record',
    });
  }

  // eventTime
  if (typeof time === 'string' && !isCloudTrailTime(time)) {
    const m = EVENT_TIME.exec(time);
    if (m) {
      if (!validDateParts(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6])) {
        report({
          ruleId: 'event-time-invalid',
          message: `eventTime "${time}" is not a real date and time`,
          path: ['eventTime'],
          part: 'value',
        });
      }
    } else {
      const loose = LOOSE_TIME.exec(time);
      if (loose && !validDateParts(+loose[1], +loose[2], +loose[3], +loose[4], +loose[5], +loose[6])) {
        report({
          ruleId: 'event-time-invalid',
          message: `eventTime "${time}" is not a real date and time`,
          path: ['eventTime'],
          part: 'value',
        });
      } else {
        const fix =
          loose && loose[0].endsWith('Z') && time.includes('.')
            ? { title: 'Drop the fraction of a second', newValue: time.replace(/\.\d+Z$/, 'Z') }
            : undefined;
        report({
          ruleId: 'event-time-format',
          message: `eventTime "${time}" is not in CloudTrail's format YYYY-MM-DDThh:mm:ssZ (UTC, whole seconds)`,
          path: ['eventTime'],
          part: 'value',
          fix,
        });
      }
    }
  }

  // IDs
  const eventIdKey = typeof eventID === 'string' ? uuidKeyOf(eventID) : -1;
  const eventIdIsUuid = eventIdKey >= 0;
  if (!eventIdIsUuid) checkUuid(eventID, 'eventID', report);
  checkUuid(sharedEventID, 'sharedEventID', report);
  if (typeof requestID === 'string' && (requestID.length === 0 || hasBlank(requestID))) {
    report({
      ruleId: 'request-id',
      message: requestID.length === 0 ? 'requestID is empty' : 'requestID contains blanks',
      path: ['requestID'],
      part: 'value',
    });
  }
  // Duplicates are only meaningful for real (UUID) event IDs; placeholders such as "1" repeat by design.
  if (eventIdIsUuid) {
    const first = state.eventIds.firstOrAdd(eventID as string, eventIdKey, info.index, info.start, info.end);
    if (first !== undefined) {
      const identical =
        first.end - first.start === info.end - info.start &&
        info.text.slice(first.start, first.end) === info.text.slice(info.start, info.end);
      report({
        ruleId: 'duplicate-event-id',
        message: identical
          ? `This record is an identical copy of record ${first.index + 1} (same eventID); CloudTrail occasionally delivers an event twice`
          : `eventID is also used by record ${first.index + 1}, which has different content`,
        path: ['eventID'],
        part: 'value',
        severity: identical ? 'info' : undefined,
      });
    }
  }

  // Accounts
  checkAccount(recipientAccountId, PATH_RECIPIENT_ACCOUNT, report);
  checkAccount(vpcEndpointAccountId, PATH_VPC_ENDPOINT_ACCOUNT, report);

  // Region
  if (typeof region === 'string' && !knownRegion(region)) {
    report({
      ruleId: 'region',
      message: `awsRegion "${region}" does not look like an AWS region (for example us-west-2)`,
      path: ['awsRegion'],
      part: 'value',
    });
  }

  // Known values
  if (typeof eventType === 'string' && eventType !== 'AwsApiCall' && !EVENT_TYPES.has(eventType)) {
    report({
      ruleId: 'event-type',
      message: `Unknown eventType "${eventType}" (known: ${[...EVENT_TYPES].join(', ')})`,
      path: ['eventType'],
      part: 'value',
      fix: suggestFix(eventType, EVENT_TYPES),
    });
  }
  if (
    typeof eventCategory === 'string' &&
    eventCategory !== 'Management' &&
    eventCategory !== 'Data' &&
    !EVENT_CATEGORIES.has(eventCategory)
  ) {
    report({
      ruleId: 'event-category',
      message: `Unknown eventCategory "${eventCategory}" (known: ${[...EVENT_CATEGORIES].join(', ')})`,
      path: ['eventCategory'],
      part: 'value',
      fix: suggestFix(eventCategory, EVENT_CATEGORIES),
    });
  }

  // userIdentity
  if (typeof ui === 'object' && ui !== null && !Array.isArray(ui)) checkIdentity(ui as Record<string, unknown>, report);

  // errorCode / errorMessage
  if (
    errorCode !== undefined &&
    errorCode !== null &&
    errorCode !== '' &&
    (errorMessage === undefined || errorMessage === null)
  ) {
    report({
      ruleId: 'error-code-without-message',
      message: `errorCode ${String(errorCode)} has no errorMessage`,
      path: ['errorCode'],
      part: 'key',
    });
  }
  // Console sign-in failures carry only an errorMessage ("Failed authentication"): that is how AWS logs them.
  if (
    errorMessage !== undefined &&
    errorMessage !== null &&
    (errorCode === undefined || errorCode === null) &&
    eventType !== 'AwsConsoleSignIn'
  ) {
    report({
      ruleId: 'error-message-without-code',
      message: 'errorMessage without errorCode: a failed call always carries its errorCode',
      path: ['errorMessage'],
      part: 'key',
    });
  }

  // sourceIPAddress
  if (typeof ip === 'string' && !plausibleSource(ip)) {
    report({
      ruleId: 'source-ip',
      message: `sourceIPAddress "${ip}" is neither an IP address, a service host name nor "AWS Internal"`,
      path: ['sourceIPAddress'],
      part: 'value',
    });
  }

  // resources[]
  if (Array.isArray(resources)) {
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i];
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        report({
          ruleId: 'resource-arn',
          message: 'Each entry of resources should be an object with ARN, accountId and type',
          path: ['resources', i],
          part: 'value',
        });
        continue;
      }
      const o = r as Record<string, unknown>;
      const arn = o.ARN;
      if (arn === undefined && o.ARNPrefix === undefined) {
        if (typeof o.arn === 'string')
          report({
            ruleId: 'resource-arn',
            message: 'CloudTrail writes the resource ARN under the upper-case key "ARN"',
            path: ['resources', i, 'arn'],
            part: 'key',
          });
        else
          report({
            ruleId: 'resource-arn',
            message: 'This resource has no ARN',
            path: ['resources', i],
            part: 'value',
          });
      } else if (arn !== undefined && (typeof arn !== 'string' || !ARN.test(arn))) {
        report({
          ruleId: 'resource-arn',
          message: `"${String(arn)}" is not an ARN (arn:partition:service:region:account:resource)`,
          path: ['resources', i, 'ARN'],
          part: 'value',
        });
      }
      checkAccount(o.accountId, ['resources', i, 'accountId'], report);
    }
  }
}

function checkUuid(v: unknown, name: string, report: Reporter): void {
  if (typeof v !== 'string' || isUuid(v)) return;
  if (isPlaceholderText(v)) {
    report({
      ruleId: 'placeholder',
      message: `${name} "${v}" is a documentation placeholder`,
      path: [name],
      part: 'value',
    });
  } else {
    report({
      ruleId: 'event-id',
      message: `${name} "${v}" is not a UUID (8-4-4-4-12 hexadecimal digits)`,
      path: [name],
      part: 'value',
    });
  }
}

// Paths of the account fields checked on every record, made once (findings copy nothing from them).
const PATH_RECIPIENT_ACCOUNT = ['recipientAccountId'];
const PATH_VPC_ENDPOINT_ACCOUNT = ['vpcEndpointAccountId'];
const PATH_IDENTITY_ACCOUNT = ['userIdentity', 'accountId'];
const PATH_ISSUER_ACCOUNT = ['userIdentity', 'sessionContext', 'sessionIssuer', 'accountId'];

/** The last account ID found valid: a record names the same account up to three times, and most files one account. */
let lastValidAccount = '';

function checkAccount(v: unknown, path: (string | number)[], report: Reporter): void {
  if (typeof v !== 'string' || v === lastValidAccount) return;
  if (isDigits(v, 12)) {
    if (isPlaceholderAccount(v))
      report({ ruleId: 'placeholder', message: `Account ${v} is a documentation placeholder`, path, part: 'value' });
    else lastValidAccount = v;
    return;
  }
  if (v === 'ANONYMOUS_PRINCIPAL' || v === 'AWS Internal' || v.endsWith('.amazonaws.com') || v === '') return;
  if (hasExample(v)) {
    report({ ruleId: 'placeholder', message: `Account "${v}" is a documentation placeholder`, path, part: 'value' });
    return;
  }
  report({ ruleId: 'account-id', message: `Account ID "${v}" is not 12 digits`, path, part: 'value' });
}

function checkIdentity(ui: Record<string, unknown>, report: Reporter): void {
  const type = ui.type;
  if (
    typeof type === 'string' &&
    type !== 'AssumedRole' &&
    type !== 'IAMUser' &&
    type !== 'AWSService' &&
    !IDENTITY_TYPES.has(type)
  ) {
    report({
      ruleId: 'identity-type',
      message: `Unknown userIdentity.type "${type}"`,
      path: ['userIdentity', 'type'],
      part: 'value',
      fix: suggestFix(type, IDENTITY_TYPES),
    });
  } else if (type !== undefined && typeof type !== 'string') {
    report({
      ruleId: 'field-type',
      message: `userIdentity.type should be a string, not ${jsonTypeOf(type)}`,
      path: ['userIdentity', 'type'],
      part: 'value',
    });
  }
  checkAccount(ui.accountId, PATH_IDENTITY_ACCOUNT, report);
  const accessKeyId = ui.accessKeyId;
  if (typeof accessKeyId === 'string' && hasExample(accessKeyId))
    report({
      ruleId: 'placeholder',
      message: `accessKeyId "${accessKeyId}" is a documentation placeholder`,
      path: ['userIdentity', 'accessKeyId'],
      part: 'value',
    });
  const principalId = ui.principalId;
  if (typeof principalId === 'string' && hasExample(principalId))
    report({
      ruleId: 'placeholder',
      message: `principalId "${principalId}" is a documentation placeholder`,
      path: ['userIdentity', 'principalId'],
      part: 'value',
    });
  const sc = ui.sessionContext;
  if (typeof sc === 'object' && sc !== null && !Array.isArray(sc)) {
    const issuer = (sc as Record<string, unknown>).sessionIssuer;
    if (typeof issuer === 'object' && issuer !== null && !Array.isArray(issuer)) {
      const it = (issuer as Record<string, unknown>).type;
      if (typeof it === 'string' && it !== 'Role' && !ISSUER_TYPES.has(it)) {
        report({
          ruleId: 'identity-type',
          message: `Unknown sessionIssuer.type "${it}" (known: Root, IAMUser, Role)`,
          path: ['userIdentity', 'sessionContext', 'sessionIssuer', 'type'],
          part: 'value',
          fix: suggestFix(it, ISSUER_TYPES),
        });
      }
      checkAccount((issuer as Record<string, unknown>).accountId, PATH_ISSUER_ACCOUNT, report);
    }
  }
}

function plausibleSource(ip: string): boolean {
  return isIpv4(ip) || plausibleOtherSource(ip);
}

const plausibleOtherSource = remembered((ip) => {
  const m = IPV4.exec(ip);
  if (m) return +m[1] <= 255 && +m[2] <= 255 && +m[3] <= 255 && +m[4] <= 255;
  if (ip === 'AWS Internal' || ip.startsWith('AWS Internal')) return true;
  if (ip.includes(':')) return IPV6.test(ip);
  return HOSTNAME.test(ip);
});

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The closest known value (case-insensitive match first), if close enough to be a typo. */
export function closest(value: string, known: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(value.length / 3));
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = editDistance(lower, k.toLowerCase(), bestD);
    if (d < bestD || (d === bestD && best === undefined && d <= bestD)) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

function suggestFix(value: string, known: Iterable<string>): Finding['fix'] {
  const s = closest(value, known);
  return s ? { title: `Change to ${s}`, newValue: s, isPreferred: true } : undefined;
}
