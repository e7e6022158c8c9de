// The connection for a fleet named in a CloudTrail record ("Fetch events for fleet-…"): the
// record's Region, with the configured profile whose account the record names. A profile's
// account is read from the ARNs of the fleets it lists; when the configured profiles' accounts
// are known and none is the record's, says so and offers to pick a profile.
import { parseFleetIdOrArn, isParseError } from '../../gamelift/fleetIds';
import { listProfiles } from '../../gamelift/profiles';
import type { ConnectionTarget, FleetSummary } from '../../gamelift/types';
import type { ExplorerView } from '../explorerView';
import type { Prompts } from '../prompts';
import { targetsOf } from '../settings';

export const PICK_PROFILE_ACTION = 'Pick profile';

/** Where the record says the fleet is (both optional: a hand-typed ID says neither). */
export interface RecordPlace {
  readonly region?: string;
  readonly accountId?: string;
}

/** The account of a connection's fleets (from the first fleet ARN), if it lists any. */
function accountOf(fleets: readonly FleetSummary[] | undefined): string | undefined {
  for (const f of fleets ?? []) {
    const parsed = f.fleetArn ? parseFleetIdOrArn(f.fleetArn) : undefined;
    if (parsed && !isParseError(parsed) && parsed.accountId) return parsed.accountId;
  }
  return undefined;
}

/** The account each configured profile lists fleets in (profiles listing none are left out). */
async function profileAccounts(explorer: ExplorerView): Promise<Map<string | undefined, string>> {
  const accounts = new Map<string | undefined, string>();
  for (const target of targetsOf(explorer.settings)) {
    if (accounts.has(target.profile)) continue;
    const connection = explorer.model.connection(target);
    await connection.ensureLoaded();
    const account = accountOf(connection.fleets);
    if (account) accounts.set(target.profile, account);
  }
  return accounts;
}

/**
 * The connection to fetch a record's fleet with, or undefined when the user cancelled (or there
 * is no configured connection at all).
 */
export async function connectionForRecord(
  explorer: ExplorerView,
  prompts: Prompts,
  place: RecordPlace,
): Promise<ConnectionTarget | undefined> {
  const targets = targetsOf(explorer.settings);
  if (targets.length === 0) return undefined;
  let profile = targets[0].profile;
  if (place.accountId) {
    const accounts = await profileAccounts(explorer);
    const match = [...accounts].find(([, account]) => account === place.accountId);
    if (match) profile = match[0];
    else if (accounts.size > 0) {
      const known = [...accounts].map(([p, a]) => `${p ?? 'default credentials'} is ${a}`).join(', ');
      const choice = await prompts.message(
        'warning',
        `GameLift: this record is from account ${place.accountId}, and no configured profile is for it (${known}). Pick the profile to fetch the fleet with.`,
        PICK_PROFILE_ACTION,
      );
      if (choice !== PICK_PROFILE_ACTION) return undefined;
      const picked = await prompts.pickOne(
        (await listProfiles().catch(() => [])).map((label) => ({ label })),
        {
          id: 'recordProfile',
          title: `GameLift: the profile for account ${place.accountId}`,
          placeHolder: 'A profile from ~/.aws/config or ~/.aws/credentials',
        },
      );
      if (!picked) return undefined;
      profile = picked.label;
    }
  }
  const endpoint = targets[0].endpoint;
  return {
    ...(profile ? { profile } : {}),
    region: place.region ?? targets[0].region,
    ...(endpoint ? { endpoint } : {}),
  };
}
