// Which GameLift resources a CloudTrail record is about: fleet, alias, build and script IDs,
// and their ARNs (reduced to the ID), found in requestParameters, responseElements and
// resources. Fleet matching for the history index and the online LookupEvents list both use it.

/** A GameLift resource ID, bare or inside its ARN (`arn:aws:gamelift:<region>:<account>:fleet/fleet-…`). */
const GAMELIFT_ID =
  /^(?:arn:[^:]+:gamelift:[^:]*:[^:]*:[a-z]*(?:fleet|alias|build|script)\/)?((?:[a-z]*fleet|alias|build|script)-[a-zA-Z0-9-]+)$/;

/** Longest string looked at: an ARN with a fleet ID fits easily. */
const MAX_ID_TEXT = 600;
/** How deep and how many strings a record's parameters are searched (GameLift's are small). */
const MAX_DEPTH = 6;
const MAX_STRINGS = 400;

/** The resource ID in a GameLift ID or ARN, or undefined when `text` is neither. */
export function gameliftResourceId(text: string): string | undefined {
  if (text.length < 6 || text.length > MAX_ID_TEXT) return undefined;
  const m = GAMELIFT_ID.exec(text);
  return m ? m[1] : undefined;
}

/** True for a fleet ID (`fleet-…`, `containerfleet-…`). */
export function isFleetId(id: string): boolean {
  return /^[a-z]*fleet-/.test(id);
}

/**
 * The GameLift resource IDs a record names, each once, in the order met: requestParameters,
 * responseElements, then resources[].ARN. ARNs of other services in `resources` are kept whole.
 */
export function resourceIdsOf(record: Record<string, unknown>): string[] {
  const found: string[] = [];
  const budget = { strings: MAX_STRINGS };
  const add = (id: string) => {
    if (!found.includes(id)) found.push(id);
  };
  if (record.eventSource === 'gamelift.amazonaws.com') {
    collect(record.requestParameters, 0, budget, add);
    collect(record.responseElements, 0, budget, add);
  }
  const resources = record.resources;
  if (Array.isArray(resources)) {
    for (const r of resources.slice(0, 50)) {
      const arn = typeof r === 'object' && r !== null ? (r as Record<string, unknown>).ARN : undefined;
      if (typeof arn === 'string' && arn.length > 0 && arn.length <= 2048) add(gameliftResourceId(arn) ?? arn);
    }
  }
  return found;
}

/** The fleet IDs among a record's resources. */
export function fleetIdsOf(record: Record<string, unknown>): string[] {
  return resourceIdsOf(record).filter(isFleetId);
}

function collect(value: unknown, depth: number, budget: { strings: number }, add: (id: string) => void): void {
  if (budget.strings <= 0 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    budget.strings--;
    const id = gameliftResourceId(value);
    if (id) add(id);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, budget, add);
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) collect((value as Record<string, unknown>)[key], depth + 1, budget, add);
  }
}
