// The message protocol between the extension host and the fleet overview page, imported by both
// sides. Each section travels on its own (`section` messages), so one that is slow or fails
// never holds up another. The page is untrusted: everything it sends is checked with
// `isPageMessage` before use. Pure: no vscode, no DOM.
import type { ContainerGroupCounts, InstanceCounts } from '../gamelift/fleetCapacity';
import { OVERVIEW_SECTIONS, type OverviewSectionId } from '../gamelift/fleetOverview';
import { isFleetRef, type FleetRef } from '../gamelift/types';
import type { FleetInfoView } from '../panel/fleetInfo';
import { isReadyMessage, type ReadyMessage } from '../panel/protocol';
import { isObject } from '../common/guards';

export type SectionId = OverviewSectionId;

// ---------- view models (plain JSON; times already formatted by the host) ----------

/** How a status looks: its colour and codicon on the page. */
export type Tone = 'ok' | 'progress' | 'warning' | 'error' | 'ended' | 'unknown';

export interface FieldView {
  readonly label: string;
  readonly value: string;
  /** IDs, ARNs, paths: in the editor font, wrapping anywhere. */
  readonly mono?: boolean;
}

export interface StatusView {
  readonly status: string;
  /** The status in words ("Rollback in progress"). */
  readonly label: string;
  readonly tone: Tone;
}

export interface AttributesView {
  readonly kind: 'attributes';
  readonly fields: readonly FieldView[];
}

export interface RuntimeView {
  readonly kind: 'runtime';
  readonly processes: ReadonlyArray<{
    readonly launchPath: string;
    readonly parameters?: string;
    readonly concurrentExecutions: number;
  }>;
  readonly fields: readonly FieldView[];
}

export interface LocationView {
  readonly location: string;
  readonly home: boolean;
  readonly status?: StatusView;
  readonly stoppedActions: readonly string[];
  readonly updateStatus?: string;
  readonly instances?: InstanceCounts;
  readonly containerGroups?: ContainerGroupCounts;
  /** Reading this location's capacity failed (its status still shows). */
  readonly capacityError?: string;
}

export interface LocationsView {
  readonly kind: 'locations';
  /** False in a Region without multi-location fleets (only the home Region is known). */
  readonly multiLocation: boolean;
  /** Anywhere fleets have computes, not instances: no counts. */
  readonly hasCounts: boolean;
  readonly locations: readonly LocationView[];
}

export interface ComputeView {
  readonly name: string;
  readonly status: StatusView;
  /** IMPAIRED or TERMINATING: the row stands out. */
  readonly attention: boolean;
  readonly location?: string;
  /** IP address or DNS name. */
  readonly address?: string;
  /** Instance ID with type and OS, when known. */
  readonly instance?: string;
  readonly created?: string;
  readonly containers?: readonly string[];
}

export interface ComputeFilterView {
  readonly location?: string;
  readonly status?: 'ACTIVE' | 'IMPAIRED';
}

export interface ComputesView {
  readonly kind: 'computes';
  readonly computes: readonly ComputeView[];
  readonly hasMore: boolean;
  readonly filter: ComputeFilterView;
  /** ListCompute filters by status only for container fleets. */
  readonly statusFilter: boolean;
  /** "Load more" is running. */
  readonly loadingMore: boolean;
  /** The last "Load more" failed (the loaded rows stay). */
  readonly moreError?: string;
}

export interface DeploymentView {
  readonly deploymentId: string;
  readonly status: StatusView;
  readonly created?: string;
  readonly rollback: boolean;
}

export interface DeploymentsView {
  readonly kind: 'deployments';
  readonly deployments: readonly DeploymentView[];
  /** The newest deployment with its status per location. */
  readonly latest?: {
    readonly deploymentId: string;
    readonly status: StatusView;
    readonly locations: ReadonlyArray<{ readonly location: string; readonly status: StatusView }>;
    readonly fields: readonly FieldView[];
  };
}

export interface LogsView {
  readonly kind: 'logs';
  readonly destination: 'cloudwatch' | 's3' | 'none';
  readonly fields: readonly FieldView[];
  /** For S3 (where the logs are) and NONE (how to turn them on). */
  readonly advice?: string;
}

export type SectionView = AttributesView | RuntimeView | LocationsView | ComputesView | DeploymentsView | LogsView;

export type SectionState =
  | { readonly id: SectionId; readonly state: 'loading' }
  | { readonly id: SectionId; readonly state: 'ready'; readonly view: SectionView; readonly loadedAt: string }
  | { readonly id: SectionId; readonly state: 'error'; readonly message: string; readonly retryable: boolean };

// ---------- persisted panel state (saved by the page, read back on reload) ----------

export interface PersistedState {
  readonly kind: 'overview';
  readonly ref: FleetRef;
}

export function isPersistedState(value: unknown): value is PersistedState {
  return isObject(value) && value.kind === 'overview' && isFleetRef(value.ref);
}

// ---------- host → page ----------

export type HostMessage =
  /** The fleet and which sections it has, in order (sent when the page is ready). */
  | {
      readonly type: 'overview';
      readonly fleet: FleetInfoView;
      readonly sections: readonly SectionId[];
      readonly persist: PersistedState;
    }
  /** One section's state; the page replaces only that section. */
  | { readonly type: 'section'; readonly section: SectionState };

export function isHostMessage(value: unknown): value is HostMessage {
  return isObject(value) && (value.type === 'overview' || value.type === 'section');
}

// ---------- page → host ----------

export type PageMessage =
  /** Load one section again (Retry, its Refresh button), or every section. */
  | { readonly type: 'refresh'; readonly section?: SectionId }
  | { readonly type: 'loadMoreComputes' }
  /** List the computes again with this filter (undefined members: no filter). */
  | { readonly type: 'filterComputes'; readonly filter: ComputeFilterView }
  /** Open or search the fleet's container logs (the host runs the command for this panel's fleet). */
  | { readonly type: 'containerLogs'; readonly action: 'open' | 'search' };

/** GameLift location names (`us-west-2`, `custom-home-lab`): the API's pattern and length. */
const LOCATION = /^[A-Za-z0-9-]{1,64}$/;

export function isSectionId(value: unknown): value is SectionId {
  return typeof value === 'string' && (OVERVIEW_SECTIONS as readonly string[]).includes(value);
}

function isComputeFilter(value: unknown): value is ComputeFilterView {
  if (!isObject(value)) return false;
  const { location, status } = value;
  if (Object.keys(value).some((k) => k !== 'location' && k !== 'status')) return false;
  if (location !== undefined && !(typeof location === 'string' && LOCATION.test(location))) return false;
  return status === undefined || status === 'ACTIVE' || status === 'IMPAIRED';
}

/** Type guard for messages from the (untrusted) page. Anything else is to be ignored. */
export function isPageMessage(value: unknown): value is PageMessage | ReadyMessage {
  if (isReadyMessage(value)) return true;
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'refresh':
      return value.section === undefined || isSectionId(value.section);
    case 'loadMoreComputes':
      return true;
    case 'filterComputes':
      return isComputeFilter(value.filter);
    case 'containerLogs':
      return value.action === 'open' || value.action === 'search';
    default:
      return false;
  }
}
