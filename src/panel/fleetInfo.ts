// The fleet header both pages show (details, timeline): which fleet, on which connection, as
// plain JSON for the page. Pure. A custom endpoint is shown by its origin only.
import type { FleetRef, FleetSummary } from '../gamelift/types';

export interface FleetInfoView {
  readonly fleetId: string;
  readonly name?: string;
  readonly status?: string;
  readonly region: string;
  /** Undefined: the default credential chain. */
  readonly profile?: string;
  /** Origin of a custom endpoint, if one is used. */
  readonly endpoint?: string;
}

export function toFleetInfo(ref: FleetRef, fleet: FleetSummary | undefined): FleetInfoView {
  let endpoint: string | undefined;
  if (ref.target.endpoint) {
    try {
      endpoint = new URL(ref.target.endpoint).origin;
    } catch {
      endpoint = undefined;
    }
  }
  return {
    fleetId: ref.fleetId,
    name: fleet?.name,
    status: fleet?.status,
    region: ref.target.region,
    profile: ref.target.profile,
    endpoint,
  };
}
