// Reads a fleet's computes (ListCompute): EC2 instances, registered Anywhere computes or a
// container fleet's instances with their containers. `listComputes` reads them all with the SDK
// paginator; `ComputePager` reads one page per "Load more" for the tree and the overview.
import { type Compute, type GameLiftClient, ListComputeCommand, paginateListCompute } from '@aws-sdk/client-gamelift';
import { requireList, throwIfAborted } from './errors';
import { epochMs } from './mapping';

/** ListCompute's ComputeStatus, upper-cased (fleets other than container fleets may answer `Active`). */
export type ComputeStatus = 'PENDING' | 'ACTIVE' | 'TERMINATING' | 'IMPAIRED' | (string & {});

/** One compute, as plain JSON. */
export interface ComputeSummary {
  readonly name: string;
  readonly status: ComputeStatus;
  readonly location?: string;
  readonly arn?: string;
  readonly ipAddress?: string;
  readonly dnsName?: string;
  readonly instanceId?: string;
  /** Epoch milliseconds. */
  readonly creationTime?: number;
  readonly operatingSystem?: string;
  readonly instanceType?: string;
  /** Container fleets: the containers on this compute. */
  readonly containers?: ReadonlyArray<{ readonly name: string; readonly runtimeId?: string }>;
}

export interface ComputeFilter {
  /** Only computes in this location. */
  readonly location?: string;
  /** Container fleets only: ACTIVE or IMPAIRED. */
  readonly status?: 'ACTIVE' | 'IMPAIRED';
}

/** Computes per ListCompute call. The API documents no maximum; 100 keeps answers small. */
export const COMPUTE_PAGE_SIZE = 100;

/** Worst first: the status a summary shows when a fleet's computes differ. Unknown values rank above ACTIVE. */
const SEVERITY: Readonly<Record<string, number>> = { IMPAIRED: 4, TERMINATING: 3, PENDING: 2, ACTIVE: 0 };

export function computeStatusSeverity(status: string): number {
  return SEVERITY[status] ?? 1;
}

/** The worst of some statuses (IMPAIRED, TERMINATING, PENDING, an unknown one, ACTIVE); undefined for none. */
export function worstComputeStatus(statuses: Iterable<string>): ComputeStatus | undefined {
  let worst: string | undefined;
  for (const status of statuses) {
    if (worst === undefined || computeStatusSeverity(status) > computeStatusSeverity(worst)) worst = status;
  }
  return worst;
}

/** Every compute of the fleet (optionally of one location or status), page after page. */
export async function listComputes(
  client: GameLiftClient,
  fleetId: string,
  options: ComputeFilter & {
    readonly signal?: AbortSignal;
    readonly pageSize?: number;
    /** Called with each page as it arrives (first rows early). */
    readonly onPage?: (computes: readonly ComputeSummary[]) => void;
  } = {},
): Promise<ComputeSummary[]> {
  const computes: ComputeSummary[] = [];
  const pager = paginateListCompute(
    { client, pageSize: options.pageSize ?? COMPUTE_PAGE_SIZE, stopOnSameToken: true },
    listInput(fleetId, options),
    { abortSignal: options.signal },
  );
  for await (const page of pager) {
    const added = requireList(page.ComputeList, 'ListCompute', 'ComputeList').flatMap(toComputeSummary);
    computes.push(...added);
    options.onPage?.(added);
    throwIfAborted(options.signal);
  }
  return computes;
}

/**
 * One ListCompute page per `loadNextPage`; concurrent calls share the request, so a double
 * click never loads a page twice. The pager owns the request: `cancel()` aborts it.
 */
export class ComputePager {
  private loaded: ComputeSummary[] = [];
  private nextToken: string | undefined;
  private finished = false;
  private inFlight: Promise<readonly ComputeSummary[]> | undefined;
  private requests = new AbortController();

  constructor(
    private readonly client: GameLiftClient,
    readonly fleetId: string,
    readonly filter: ComputeFilter = {},
    readonly pageSize: number = COMPUTE_PAGE_SIZE,
  ) {}

  get computes(): readonly ComputeSummary[] {
    return this.loaded;
  }

  get hasMore(): boolean {
    return !this.finished;
  }

  /** Loads the next page and returns the computes it added (none when all are loaded). */
  loadNextPage(): Promise<readonly ComputeSummary[]> {
    if (this.finished) return Promise.resolve([]);
    this.inFlight ??= this.fetchPage(this.requests.signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Aborts the request in flight (its callers get an AbortError); the next load starts afresh from there. */
  cancel(): void {
    this.requests.abort();
    this.requests = new AbortController();
  }

  private async fetchPage(signal: AbortSignal): Promise<readonly ComputeSummary[]> {
    const out = await this.client.send(
      new ListComputeCommand({
        ...listInput(this.fleetId, this.filter),
        Limit: this.pageSize,
        NextToken: this.nextToken,
      }),
      { abortSignal: signal },
    );
    const added = requireList(out.ComputeList, 'ListCompute', 'ComputeList').flatMap(toComputeSummary);
    this.loaded = [...this.loaded, ...added];
    // A token that comes back unchanged would page forever: treat it as the end.
    this.finished = !out.NextToken || out.NextToken === this.nextToken;
    this.nextToken = out.NextToken;
    return added;
  }
}

function listInput(fleetId: string, filter: ComputeFilter) {
  return {
    FleetId: fleetId,
    ...(filter.location ? { Location: filter.location } : {}),
    ...(filter.status ? { ComputeStatus: filter.status } : {}),
  };
}

/** SDK Compute → ComputeSummary (none without a name: it could not be shown or found again). */
export function toComputeSummary(c: Compute): ComputeSummary[] {
  if (!c.ComputeName) return [];
  const containers = c.ContainerAttributes?.flatMap((a) =>
    a.ContainerName
      ? [{ name: a.ContainerName, ...(a.ContainerRuntimeId ? { runtimeId: a.ContainerRuntimeId } : {}) }]
      : [],
  );
  const creationTime = epochMs(c.CreationTime);
  return [
    {
      name: c.ComputeName,
      status: (c.ComputeStatus ?? 'UNKNOWN').toUpperCase(),
      ...(c.Location ? { location: c.Location } : {}),
      ...(c.ComputeArn ? { arn: c.ComputeArn } : {}),
      ...(c.IpAddress ? { ipAddress: c.IpAddress } : {}),
      ...(c.DnsName ? { dnsName: c.DnsName } : {}),
      ...(c.InstanceId ? { instanceId: c.InstanceId } : {}),
      ...(creationTime !== undefined ? { creationTime } : {}),
      ...(c.OperatingSystem ? { operatingSystem: c.OperatingSystem } : {}),
      ...(c.Type ? { instanceType: c.Type } : {}),
      ...(containers?.length ? { containers } : {}),
    },
  ];
}
