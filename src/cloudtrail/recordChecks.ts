// Rule checks for one CloudTrail record (any service), run on the plain object of the record:
// `checkRecord` runs one named check per concern. Facts (record fields, since-versions, enums)
// come from the research catalogue in test/fixtures/cloudtrail-catalog.

import { Char } from './chars';
import type { Path, Reporter } from './findings';
import { suggestFix } from './suggest';
import { isObject } from '../common/guards';

const EVENT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const LOOSE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const VERSION = /^(\d+)\.(\d+)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*$/;
const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+$/;
const ARN = /^arn:[a-z0-9-]+:[a-zA-Z0-9-]+:[a-z0-9-]*:[^:]*:.+$/;
const BLANK = /\s/;

const KNOWN_VERSIONS = new Set([
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
const EVENT_TYPES = new Set([
  'AwsApiCall',
  'AwsServiceEvent',
  'AwsConsoleAction',
  'AwsConsoleSignIn',
  'AwsCloudTrailInsight',
  'AwsVpceEvent',
]);
const EVENT_CATEGORIES = new Set(['Management', 'Data', 'NetworkActivity', 'Insight']);
const IDENTITY_TYPES = new Set([
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
/** Event types whose records name who called: userIdentity and sourceIPAddress are required. */
const CALLER_EVENT_TYPES = new Set(['AwsApiCall', 'AwsConsoleAction', 'AwsConsoleSignIn']);

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
const FIELDS = new Map(Object.entries(RECORD_FIELDS));
/** Fields written by records of any version (AWS added them to older records too). */
const VERSIONLESS_FIELDS = new Set(['vpcEndpointAccountId', 'eventContext']);
/** The minor version of a record whose eventVersion is missing or not 1.x. */
const UNKNOWN_MINOR = 99;

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

function hasType(v: unknown, t: FieldType): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    case 'objectOrNull':
      return v === null || isObject(v);
    case 'stringOrBoolean':
      return typeof v === 'string' || typeof v === 'boolean';
  }
}

/** A record (or a candidate) looks like CloudTrail when it has at least two of the core fields. */
export function looksLikeRecord(v: unknown): v is Record<string, unknown> {
  if (!isObject(v)) return false;
  let n = 0;
  for (const key of CORE_FIELDS) if (v[key] !== undefined && ++n >= 2) return true;
  return false;
}
const CORE_FIELDS = [
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'eventID',
  'userIdentity',
  'awsRegion',
  'eventType',
];

function isPlaceholderText(s: string): boolean {
  return s.includes('EXAMPLE') || s.includes('example') || PLACEHOLDER_ACCOUNTS.has(s);
}

/** 8-4-4-4-12 hexadecimal digits. */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** Any white space. */
export function hasBlank(s: string): boolean {
  return BLANK.test(s);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The number written by the digits s[from, to) (the caller knows they are digits). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - Char.Digit0;
  return n;
}

/**
 * Whether a time of LOOSE_TIME's form (YYYY-MM-DD, then T or a blank, hh:mm:ss at fixed places)
 * is a real date and time (a leap second allowed).
 */
function isRealTime(s: string): boolean {
  const [y, mo, d] = [digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)];
  const [h, mi, sec] = [digits(s, 11, 13), digits(s, 14, 16), digits(s, 17, 19)];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && sec <= 60;
}

/** YYYY-MM-DDThh:mm:ssZ and a real date and time. */
export function isCloudTrailTime(s: string): boolean {
  return EVENT_TIME.test(s) && isRealTime(s);
}

/** Where a record's first use of an event ID is. */
export interface FirstUse {
  index: number;
  start: number;
  end: number;
}

/** The first record that used each event ID in one file. */
export class FirstUses {
  private readonly byId = new Map<string, FirstUse>();
  /** Earlier uses each new ID was compared with (at most one per record: a test holds the check linear). */
  earlierUsesCompared = 0;

  /** The first use of `id`, or undefined after remembering `use` as its first. */
  firstOrAdd(id: string, use: FirstUse): FirstUse | undefined {
    const first = this.byId.get(id);
    if (first === undefined) {
      this.byId.set(id, use);
      return undefined;
    }
    this.earlierUsesCompared++;
    return first;
  }
}

/** The record being checked: where it is, and what the file's earlier records left. */
export interface RecordContext {
  index: number;
  start: number;
  end: number;
  text: string;
  eventIds: FirstUses;
}

/** Runs every generic CloudTrail check on one record. */
export function checkRecord(rec: Record<string, unknown>, ctx: RecordContext, report: Reporter): void {
  const minor = checkEventVersion(rec.eventVersion, report);
  checkFieldTypes(rec, minor, report);
  checkRequiredFields(rec, minor, report);
  checkEventTime(rec.eventTime, report);
  checkEventId(rec.eventID, ctx, report);
  checkOtherIds(rec, report);
  checkAccount(rec.recipientAccountId, ['recipientAccountId'], report);
  checkAccount(rec.vpcEndpointAccountId, ['vpcEndpointAccountId'], report);
  checkRegion(rec.awsRegion, report);
  checkKnownValues(rec.eventType, rec.eventCategory, report);
  checkIdentity(rec.userIdentity, report);
  checkErrorFields(rec, report);
  checkSourceIp(rec.sourceIPAddress, report);
  checkResources(rec.resources, report);
}

/** The record's minor version (1.xx), reporting a malformed or unknown eventVersion; UNKNOWN_MINOR when not 1.x. */
function checkEventVersion(version: unknown, report: Reporter): number {
  if (typeof version !== 'string') return UNKNOWN_MINOR;
  const m = VERSION.exec(version);
  if (!m) {
    report({
      ruleId: 'event-version',
      message: `eventVersion "${version}" is not of the form major.minor (for example 1.08)`,
      path: ['eventVersion'],
      part: 'value',
    });
    return UNKNOWN_MINOR;
  }
  const minor = m[1] === '1' ? parseInt(m[2], 10) : UNKNOWN_MINOR;
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
  return minor;
}

/** The JSON type of every known field, and fields newer than the record's eventVersion. */
function checkFieldTypes(rec: Record<string, unknown>, minor: number, report: Reporter): void {
  for (const name in rec) {
    const field = FIELDS.get(name);
    const v = rec[name];
    if (field === undefined || v === undefined) continue;
    const [type, since] = field;
    if (!hasType(v, type)) {
      const asBoolean = typeof v === 'string' && type === 'boolean' && (v === 'true' || v === 'false');
      report({
        ruleId: 'field-type',
        message: `${name} should be ${TYPE_WORDS[type]}, not ${jsonTypeOf(v)}`,
        path: [name],
        part: 'value',
        fix: asBoolean ? { title: `Change to ${v}`, newValue: v === 'true', isPreferred: true } : undefined,
      });
    }
    if (since > minor && minor !== UNKNOWN_MINOR && !VERSIONLESS_FIELDS.has(name)) {
      report({
        ruleId: 'field-version',
        message: `${name} was added in eventVersion 1.${String(since).padStart(2, '0')}, but this record says ${String(rec.eventVersion)}`,
        path: [name],
        part: 'key',
      });
    }
  }
}

/** What decides which fields a record must have. */
interface RecordKind {
  minor: number;
  insight: boolean;
  /** An API call, console action or sign-in: a record that names its caller. */
  namesCaller: boolean;
}

/** The fields CloudTrail always writes, each with the records that have it. */
const REQUIRED_FIELDS: Array<[string, (kind: RecordKind) => boolean]> = [
  ['eventVersion', () => true],
  ['eventTime', () => true],
  ['awsRegion', () => true],
  ['eventID', (k) => k.minor >= 1],
  ['eventType', (k) => k.minor >= 2],
  ['eventCategory', (k) => k.minor >= 7 && k.minor !== UNKNOWN_MINOR],
  ['insightDetails', (k) => k.insight],
  ['eventSource', (k) => !k.insight],
  ['eventName', (k) => !k.insight],
  ['userIdentity', (k) => k.namesCaller],
  ['sourceIPAddress', (k) => k.namesCaller],
];

/** The fields CloudTrail always writes for this kind of record and version. */
function checkRequiredFields(rec: Record<string, unknown>, minor: number, report: Reporter): void {
  const eventType = rec.eventType;
  const insight = eventType === 'AwsCloudTrailInsight' || rec.eventCategory === 'Insight';
  let kind: RecordKind | undefined;
  let missing: string[] | undefined;
  for (const [name, applies] of REQUIRED_FIELDS) {
    if (rec[name] !== undefined) continue;
    kind ??= {
      minor,
      insight,
      namesCaller: !insight && (eventType === undefined || CALLER_EVENT_TYPES.has(eventType as string)),
    };
    if (applies(kind)) (missing ??= []).push(name);
  }
  if (missing === undefined) return;
  const what = insight ? 'an Insights record' : typeof eventType === 'string' ? `an ${eventType} record` : 'a record';
  const version =
    minor !== UNKNOWN_MINOR && rec.eventVersion !== undefined ? ` of eventVersion ${String(rec.eventVersion)}` : '';
  report({
    ruleId: 'required-field',
    message: `Missing ${missing.join(', ')}: CloudTrail always writes ${missing.length === 1 ? 'this field' : 'these fields'} in ${what}${version}`,
    path: [],
    part: 'record',
  });
}

/** eventTime: YYYY-MM-DDThh:mm:ssZ, a real date and time. */
function checkEventTime(time: unknown, report: Reporter): void {
  if (typeof time !== 'string' || isCloudTrailTime(time)) return;
  const loose = LOOSE_TIME.exec(time);
  if (loose && !isRealTime(time)) {
    report({
      ruleId: 'event-time-invalid',
      message: `eventTime "${time}" is not a real date and time`,
      path: ['eventTime'],
      part: 'value',
    });
    return;
  }
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

/** eventID: a UUID, used by one record only (placeholders such as "1" repeat by design and are not compared). */
function checkEventId(eventID: unknown, ctx: RecordContext, report: Reporter): void {
  if (typeof eventID !== 'string') return;
  if (!isUuid(eventID)) {
    reportNotUuid(eventID, 'eventID', report);
    return;
  }
  const first = ctx.eventIds.firstOrAdd(eventID, { index: ctx.index, start: ctx.start, end: ctx.end });
  if (first === undefined) return;
  const identical =
    first.end - first.start === ctx.end - ctx.start &&
    ctx.text.slice(first.start, first.end) === ctx.text.slice(ctx.start, ctx.end);
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

/** sharedEventID is a UUID; requestID has no blanks. */
function checkOtherIds(rec: Record<string, unknown>, report: Reporter): void {
  const shared = rec.sharedEventID;
  if (typeof shared === 'string' && !isUuid(shared)) reportNotUuid(shared, 'sharedEventID', report);
  const requestID = rec.requestID;
  if (typeof requestID === 'string' && (requestID.length === 0 || hasBlank(requestID))) {
    report({
      ruleId: 'request-id',
      message: requestID.length === 0 ? 'requestID is empty' : 'requestID contains blanks',
      path: ['requestID'],
      part: 'value',
    });
  }
}

function reportNotUuid(v: string, name: string, report: Reporter): void {
  report(
    isPlaceholderText(v)
      ? { ruleId: 'placeholder', message: `${name} "${v}" is a documentation placeholder`, path: [name], part: 'value' }
      : {
          ruleId: 'event-id',
          message: `${name} "${v}" is not a UUID (8-4-4-4-12 hexadecimal digits)`,
          path: [name],
          part: 'value',
        },
  );
}

/** An account ID: 12 digits, a known principal, or a documentation placeholder. */
function checkAccount(v: unknown, path: Path, report: Reporter): void {
  if (typeof v !== 'string') return;
  if (ACCOUNT_ID.test(v)) {
    if (PLACEHOLDER_ACCOUNTS.has(v))
      report({ ruleId: 'placeholder', message: `Account ${v} is a documentation placeholder`, path, part: 'value' });
    return;
  }
  if (v === 'ANONYMOUS_PRINCIPAL' || v === 'AWS Internal' || v.endsWith('.amazonaws.com') || v === '') return;
  report(
    v.includes('EXAMPLE')
      ? { ruleId: 'placeholder', message: `Account "${v}" is a documentation placeholder`, path, part: 'value' }
      : { ruleId: 'account-id', message: `Account ID "${v}" is not 12 digits`, path, part: 'value' },
  );
}

function checkRegion(region: unknown, report: Reporter): void {
  if (typeof region === 'string' && !REGION.test(region)) {
    report({
      ruleId: 'region',
      message: `awsRegion "${region}" does not look like an AWS region (for example us-west-2)`,
      path: ['awsRegion'],
      part: 'value',
    });
  }
}

/** eventType and eventCategory are values CloudTrail writes. */
function checkKnownValues(eventType: unknown, eventCategory: unknown, report: Reporter): void {
  if (typeof eventType === 'string' && !EVENT_TYPES.has(eventType)) {
    report({
      ruleId: 'event-type',
      message: `Unknown eventType "${eventType}" (known: ${[...EVENT_TYPES].join(', ')})`,
      path: ['eventType'],
      part: 'value',
      fix: suggestFix(eventType, EVENT_TYPES),
    });
  }
  if (typeof eventCategory === 'string' && !EVENT_CATEGORIES.has(eventCategory)) {
    report({
      ruleId: 'event-category',
      message: `Unknown eventCategory "${eventCategory}" (known: ${[...EVENT_CATEGORIES].join(', ')})`,
      path: ['eventCategory'],
      part: 'value',
      fix: suggestFix(eventCategory, EVENT_CATEGORIES),
    });
  }
}

/** userIdentity: its type, its accounts, and placeholder keys. */
function checkIdentity(ui: unknown, report: Reporter): void {
  if (!isObject(ui)) return;
  const type = ui.type;
  if (typeof type === 'string' && !IDENTITY_TYPES.has(type)) {
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
  checkAccount(ui.accountId, ['userIdentity', 'accountId'], report);
  for (const key of ['accessKeyId', 'principalId']) {
    const v = ui[key];
    if (typeof v === 'string' && v.includes('EXAMPLE'))
      report({
        ruleId: 'placeholder',
        message: `${key} "${v}" is a documentation placeholder`,
        path: ['userIdentity', key],
        part: 'value',
      });
  }
  const issuer = isObject(ui.sessionContext) ? ui.sessionContext.sessionIssuer : undefined;
  if (!isObject(issuer)) return;
  const issuerType = issuer.type;
  if (typeof issuerType === 'string' && !ISSUER_TYPES.has(issuerType)) {
    report({
      ruleId: 'identity-type',
      message: `Unknown sessionIssuer.type "${issuerType}" (known: Root, IAMUser, Role)`,
      path: ['userIdentity', 'sessionContext', 'sessionIssuer', 'type'],
      part: 'value',
      fix: suggestFix(issuerType, ISSUER_TYPES),
    });
  }
  checkAccount(issuer.accountId, ['userIdentity', 'sessionContext', 'sessionIssuer', 'accountId'], report);
}

/** errorCode and errorMessage come together (console sign-in failures carry only the message). */
function checkErrorFields(rec: Record<string, unknown>, report: Reporter): void {
  const code = rec.errorCode;
  const message = rec.errorMessage;
  const hasCode = code !== undefined && code !== null;
  const hasMessage = message !== undefined && message !== null;
  if (hasCode && code !== '' && !hasMessage) {
    report({
      ruleId: 'error-code-without-message',
      message: `errorCode ${String(code)} has no errorMessage`,
      path: ['errorCode'],
      part: 'key',
    });
  }
  // AWS logs a failed console sign-in with errorMessage "Failed authentication" and no errorCode.
  if (hasMessage && !hasCode && rec.eventType !== 'AwsConsoleSignIn') {
    report({
      ruleId: 'error-message-without-code',
      message: 'errorMessage without errorCode: a failed call always carries its errorCode',
      path: ['errorMessage'],
      part: 'key',
    });
  }
}

/** sourceIPAddress: an IP address, a service host name or "AWS Internal". */
function checkSourceIp(ip: unknown, report: Reporter): void {
  if (typeof ip === 'string' && !plausibleSource(ip)) {
    report({
      ruleId: 'source-ip',
      message: `sourceIPAddress "${ip}" is neither an IP address, a service host name nor "AWS Internal"`,
      path: ['sourceIPAddress'],
      part: 'value',
    });
  }
}

function plausibleSource(ip: string): boolean {
  const m = IPV4.exec(ip);
  if (m) return +m[1] <= 255 && +m[2] <= 255 && +m[3] <= 255 && +m[4] <= 255;
  if (ip.startsWith('AWS Internal')) return true;
  if (ip.includes(':')) return IPV6.test(ip);
  return HOSTNAME.test(ip);
}

/** Each entry of resources[]: an object with an ARN (upper-case key) and an account. */
function checkResources(resources: unknown, report: Reporter): void {
  if (!Array.isArray(resources)) return;
  resources.forEach((r: unknown, i) => {
    if (!isObject(r)) {
      report({
        ruleId: 'resource-arn',
        message: 'Each entry of resources should be an object with ARN, accountId and type',
        path: ['resources', i],
        part: 'value',
      });
      return;
    }
    const arn = r.ARN;
    if (arn === undefined && r.ARNPrefix === undefined) {
      report(
        typeof r.arn === 'string'
          ? {
              ruleId: 'resource-arn',
              message: 'CloudTrail writes the resource ARN under the upper-case key "ARN"',
              path: ['resources', i, 'arn'],
              part: 'key',
            }
          : { ruleId: 'resource-arn', message: 'This resource has no ARN', path: ['resources', i], part: 'value' },
      );
    } else if (arn !== undefined && (typeof arn !== 'string' || !ARN.test(arn))) {
      report({
        ruleId: 'resource-arn',
        message: `"${String(arn)}" is not an ARN (arn:partition:service:region:account:resource)`,
        path: ['resources', i, 'ARN'],
        part: 'value',
      });
    }
    checkAccount(r.accountId, ['resources', i, 'accountId'], report);
  });
}
