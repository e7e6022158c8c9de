// Where a fleet named in a CloudTrail record lives, for the "Fetch events for fleet-…" links: the
// Region and account of its ARN when the value is one, else the record's awsRegion and
// recipientAccountId. Without them the fetch would use the first configured Region (a record
// from eu-west-1 fetched from us-west-2 gets NotFound). Pure: no `vscode` import.
import { ACCOUNT_PATTERN, isParseError, parseFleetIdOrArn, REGION_PATTERN } from '../../gamelift/fleetIds';

export interface FleetPlace {
  readonly region?: string;
  readonly accountId?: string;
}

const RECIPIENT_ACCOUNT = /"recipientAccountId"\s*:\s*"(\d{12})"/;

/**
 * The place of the fleet `value` (a fleet ID or ARN) found in a record with this `awsRegion`;
 * `recordText` is the record's own text (where its recipientAccountId is looked for).
 */
export function fleetPlace(value: string, awsRegion: string | undefined, recordText?: string): FleetPlace {
  const parsed = parseFleetIdOrArn(value);
  const arn = isParseError(parsed) ? undefined : parsed;
  const region = arn?.region ?? awsRegion;
  const accountId = arn?.accountId ?? (recordText ? RECIPIENT_ACCOUNT.exec(recordText)?.[1] : undefined);
  return {
    ...(region && REGION_PATTERN.test(region) ? { region } : {}),
    ...(accountId && ACCOUNT_PATTERN.test(accountId) ? { accountId } : {}),
  };
}
