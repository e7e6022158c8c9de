// The endpoint's CloudTrail event history: per (account, Region) the management events newest
// first, each with the attributes LookupEvents filters on and its record as a JSON string.
import { insertSorted } from '../state';
import { lookupUsername, type Actor } from './records';

export interface TrailEvent {
  readonly eventId: string;
  /** Epoch ms. */
  readonly eventTime: number;
  readonly eventName: string;
  readonly eventSource: string;
  readonly readOnly: boolean;
  readonly accessKeyId?: string;
  readonly username?: string;
  readonly resources: ReadonlyArray<{ readonly ResourceType: string; readonly ResourceName: string }>;
  /** The whole record, as LookupEvents returns it in `CloudTrailEvent`. */
  readonly text: string;
}

export class TrailState {
  private readonly byPlace = new Map<string, TrailEvent[]>();

  /** @param startedAt the endpoint clock (epoch ms) the fleets' stories were told up to (`fleetStory(fleet, startedAt)`). */
  constructor(readonly startedAt: number) {}

  /** Events of an account in a Region, newest first (ties by EventId), a live view: do not mutate. */
  events(accountId: string, region: string): readonly TrailEvent[] {
    return this.byPlace.get(`${accountId}/${region}`) ?? [];
  }

  /** Every (account, Region) with events, and how many. */
  summary(): Array<{ accountId: string; region: string; events: number }> {
    return [...this.byPlace.entries()].map(([key, list]) => {
      const [accountId, region] = key.split('/');
      return { accountId, region, events: list.length };
    });
  }

  /** Adds a record (as cloudTrailRecord builds it) made by `actor`; returns what LookupEvents will show. */
  add(record: Record<string, unknown>, actor: Actor): TrailEvent {
    const identity = (record.userIdentity ?? {}) as Record<string, unknown>;
    const fleetId = fleetOf(record);
    const event: TrailEvent = {
      eventId: String(record.eventID),
      eventTime: Date.parse(String(record.eventTime)),
      eventName: String(record.eventName),
      eventSource: String(record.eventSource),
      readOnly: record.readOnly === true,
      ...(typeof identity.accessKeyId === 'string' ? { accessKeyId: identity.accessKeyId } : {}),
      ...(lookupUsername(actor) ? { username: lookupUsername(actor) } : {}),
      resources: fleetId ? [{ ResourceType: 'AWS::GameLift::Fleet', ResourceName: fleetId }] : [],
      text: JSON.stringify(record),
    };
    const key = `${String(record.recipientAccountId)}/${String(record.awsRegion)}`;
    let list = this.byPlace.get(key);
    if (!list) this.byPlace.set(key, (list = []));
    insertSorted(list, event);
    return event;
  }
}

/** The fleet a GameLift record is about (its request's fleetId or the fleet it created). */
function fleetOf(record: Record<string, unknown>): string | undefined {
  const request = (record.requestParameters ?? {}) as Record<string, unknown>;
  if (typeof request.fleetId === 'string') return request.fleetId;
  const response = (record.responseElements ?? {}) as Record<string, unknown>;
  const attributes = (response.fleetAttributes ?? {}) as Record<string, unknown>;
  return typeof attributes.fleetId === 'string' ? attributes.fleetId : undefined;
}
