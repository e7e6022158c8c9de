// Parses what a user types as a fleet: a fleet ID or a fleet ARN, checked against the
// API's FleetIdOrArn pattern. An ARN also names the region and account to use.

/** The API's FleetIdOrArn pattern and length limits (DescribeFleetEvents.FleetId). */
export const FLEET_ID_OR_ARN_PATTERN = /^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/;
export const FLEET_ID_OR_ARN_MAX_LENGTH = 512;

/** An AWS Region name (us-west-2, ap-southeast-2) and an account ID, as a link may carry them. */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
export const ACCOUNT_PATTERN = /^\d{12}$/;

export interface ParsedFleetId {
  readonly fleetId: string;
  readonly region?: string;
  readonly accountId?: string;
  readonly arn?: string;
}

export type FleetIdParseResult = ParsedFleetId | { readonly error: string };

// arn:partition:service:region:account-id:resource-type/resource-id
const ARN_PARTS = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):([a-z]*fleet)\/([a-z]*fleet-[a-zA-Z0-9-]+)$/;

export function parseFleetIdOrArn(text: string): FleetIdParseResult {
  const value = text.trim();
  if (value.length === 0) return { error: 'Enter a fleet ID (fleet-…) or a fleet ARN (arn:aws:gamelift:…).' };
  if (value.length > FLEET_ID_OR_ARN_MAX_LENGTH) {
    return {
      error: `A fleet ID or ARN is at most ${FLEET_ID_OR_ARN_MAX_LENGTH} characters; this one has ${value.length}.`,
    };
  }
  if (!FLEET_ID_OR_ARN_PATTERN.test(value)) {
    if (value.startsWith('arn:')) {
      return {
        error: `"${shorten(value)}" is not a fleet ARN; one looks like arn:aws:gamelift:us-west-2:111122223333:fleet/fleet-1234abcd-….`,
      };
    }
    return {
      error: `"${shorten(value)}" is not a fleet ID; one looks like fleet-1234abcd-… (letters, digits and dashes after "fleet-").`,
    };
  }
  if (!value.startsWith('arn:')) return { fleetId: value };
  const parts = ARN_PARTS.exec(value);
  if (!parts) {
    // Matches the API pattern (which is loose about the middle) but not the usual ARN layout:
    // keep the fleet ID and let the service judge the rest.
    const fleetId = value.slice(value.lastIndexOf('/') + 1);
    return { fleetId, arn: value };
  }
  const [, , service, region, accountId, , fleetId] = parts;
  if (service !== 'gamelift') {
    return { error: `"${shorten(value)}" is an ARN for ${service}, not for GameLift.` };
  }
  return {
    fleetId,
    arn: value,
    ...(region ? { region } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

export function isParseError(result: FleetIdParseResult): result is { readonly error: string } {
  return 'error' in result;
}

function shorten(text: string): string {
  // The value is echoed in messages: control and bidi characters (a pasted U+202E would
  // reverse the rest of the sentence) are shown as visible escapes instead.
  const visible = text.replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}
