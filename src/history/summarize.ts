// The few things about a CloudTrail record that filters, the history table and the "who · what ·
// when" list need, read from the parsed record: the same reading for files and for LookupEvents.
import { resourceIdsOf } from './gameliftIds';
import type { RecordSummary } from './types';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `2026-11-20T10:05:00Z` → epoch ms, quickly for CloudTrail's exact form, else through Date.parse. */
export function parseEventTime(text: unknown): number {
  if (typeof text !== 'string') return Number.NaN;
  if (text.length === 20 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(19) === 90 /* Z */) {
    const n = (from: number, to: number) => {
      let v = 0;
      for (let k = from; k < to; k++) {
        const d = text.charCodeAt(k) - 48;
        if (d < 0 || d > 9) return Number.NaN;
        v = v * 10 + d;
      }
      return v;
    };
    const t = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19));
    if (!Number.isNaN(t)) return t;
  }
  return Date.parse(text);
}

/** The short name of whoever made the call. */
export function userOf(identity: Record<string, unknown> | undefined): string {
  if (!identity) return '';
  const userName = str(identity.userName);
  if (userName) return userName;
  const arn = str(identity.arn);
  // arn:aws:sts::<account>:assumed-role/<role>/<session>
  const assumed = /:assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (assumed) return assumed[2];
  const invokedBy = str(identity.invokedBy);
  if (invokedBy) return invokedBy;
  const type = str(identity.type);
  if (type === 'Root') return 'root';
  if (arn) return arn.slice(arn.lastIndexOf('/') + 1) || arn;
  return str(identity.principalId) || type;
}

export function summarizeRecord(record: Record<string, unknown>): RecordSummary {
  const identity =
    typeof record.userIdentity === 'object' && record.userIdentity !== null
      ? (record.userIdentity as Record<string, unknown>)
      : undefined;
  const readOnly = record.readOnly;
  return {
    time: parseEventTime(record.eventTime),
    eventSource: str(record.eventSource),
    eventName: str(record.eventName),
    principal: identity
      ? str(identity.arn) || str(identity.invokedBy) || str(identity.principalId) || str(identity.type)
      : '',
    user: userOf(identity),
    sourceIp: str(record.sourceIPAddress),
    region: str(record.awsRegion),
    account: str(record.recipientAccountId) || str(identity?.accountId),
    errorCode: str(record.errorCode),
    readOnly:
      readOnly === true || readOnly === 'true' ? true : readOnly === false || readOnly === 'false' ? false : undefined,
    resources: resourceIdsOf(record),
  };
}
