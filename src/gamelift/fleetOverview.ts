// The sections of the fleet overview and how each one loads, on its own: a section's failure is
// its own outcome (shown with Retry), never another section's. Which sections a fleet has
// depends on its kind; computes load page by page through a ComputePager the panel keeps.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { ComputePager, type ComputeFilter } from './computes';
import {
  type ContainerFleetDetails,
  type ContainerLogDestination,
  describeContainerFleetDetails,
} from './containerFleetDetails';
import {
  describeFleetDeployment,
  type FleetDeploymentDetails,
  type FleetDeploymentSummary,
  listFleetDeployments,
} from './deployments';
import type { ErrorContext } from './errors';
import { summarizeLocations, type LocationsSummary } from './fleetResourceSummary';
import { describeFleet } from './fleetService';
import { type Outcome, outcomeOf } from './outcome';
import { describeRuntimeConfiguration, type RuntimeConfiguration } from './runtimeConfiguration';
import type { FleetSummary } from './types';

/** Display order. `runtime` only for EC2 and Anywhere fleets; `deployments` and `logs` only for container fleets. */
export const OVERVIEW_SECTIONS = ['attributes', 'runtime', 'locations', 'computes', 'deployments', 'logs'] as const;
export type OverviewSectionId = (typeof OVERVIEW_SECTIONS)[number];

export interface OverviewSectionData {
  /** EC2 and Anywhere fleets: DescribeFleetAttributes; container fleets: DescribeContainerFleet. */
  readonly attributes: { readonly summary: FleetSummary; readonly container?: ContainerFleetDetails };
  /** Launch paths, parameters and concurrency (undefined: the service returned none). */
  readonly runtime: RuntimeConfiguration | undefined;
  /** Status, stopped actions, update status and capacity per location, home Region first. */
  readonly locations: LocationsSummary;
  /** The first page; the pager loads the rest ("Load more"). */
  readonly computes: { readonly pager: ComputePager };
  /** Newest first, the latest with its status per location. */
  readonly deployments: {
    readonly deployments: readonly FleetDeploymentSummary[];
    readonly latest?: FleetDeploymentDetails;
  };
  readonly logs: ContainerLogDestination;
}

export interface OverviewContext {
  readonly client: GameLiftClient;
  readonly fleet: FleetSummary;
  /** The fleet's home Region (the connection target's region). */
  readonly region: string;
  readonly signal?: AbortSignal;
  /** Profile and Region for error messages. */
  readonly errorContext?: Pick<ErrorContext, 'profile' | 'region'>;
  /** The computes section's filter. */
  readonly computeFilter?: ComputeFilter;
}

/** The sections this fleet has, in display order. */
export function overviewSectionsFor(fleet: FleetSummary): OverviewSectionId[] {
  const containerOnly: readonly OverviewSectionId[] = ['deployments', 'logs'];
  return OVERVIEW_SECTIONS.filter((id) => (fleet.isContainerFleet ? id !== 'runtime' : !containerOnly.includes(id)));
}

/** Loads one section; failures come back as `{ ok: false, error }`, cancellation rejects. */
export function loadOverviewSection<K extends OverviewSectionId>(
  id: K,
  ctx: OverviewContext,
): Promise<Outcome<OverviewSectionData[K]>> {
  const { fleetId } = ctx.fleet;
  return outcomeOf(() => LOADERS[id](ctx), {
    ...ctx.errorContext,
    fleetId,
    action: `${SECTION_ACTIONS[id]} of ${fleetId}`,
  });
}

const SECTION_ACTIONS: Readonly<Record<OverviewSectionId, string>> = {
  attributes: 'Reading the attributes',
  runtime: 'Reading the runtime configuration',
  locations: 'Reading the locations and capacity',
  computes: 'Listing the computes',
  deployments: 'Reading the deployments',
  logs: 'Reading the log configuration',
};

const LOADERS: { readonly [K in OverviewSectionId]: (ctx: OverviewContext) => Promise<OverviewSectionData[K]> } = {
  attributes: async ({ client, fleet, signal }) => {
    if (fleet.isContainerFleet) {
      const container = await describeContainerFleetDetails(client, fleet.fleetId, signal);
      return { summary: container.summary, container };
    }
    const summary = await describeFleet(client, fleet.fleetId, signal);
    if (!summary) throw Object.assign(new Error(`Fleet ${fleet.fleetId} was not found`), { name: 'NotFoundException' });
    return { summary };
  },
  runtime: ({ client, fleet, signal }) => describeRuntimeConfiguration(client, fleet.fleetId, signal),
  locations: ({ client, fleet, region, signal, errorContext }) =>
    summarizeLocations(
      client,
      fleet,
      { region },
      { signal, errorContext: { ...errorContext, fleetId: fleet.fleetId } },
    ),
  computes: async ({ client, fleet, computeFilter, signal }) => {
    const pager = new ComputePager(client, fleet.fleetId, computeFilter);
    const cancel = () => pager.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      await pager.loadNextPage();
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    return { pager };
  },
  deployments: async ({ client, fleet, signal }) => {
    const deployments = await listFleetDeployments(client, fleet.fleetId, { signal });
    if (deployments.length === 0) return { deployments };
    const latest = await describeFleetDeployment(client, fleet.fleetId, deployments[0].deploymentId, signal);
    return { deployments, latest };
  },
  logs: async ({ client, fleet, signal }) => (await describeContainerFleetDetails(client, fleet.fleetId, signal)).logs,
};
