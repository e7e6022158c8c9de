// What the fleet's resource rows say (Locations, each location, Computes, each compute, and a
// fleet whose description failed), as short descriptions and plain-text tooltips. Pure, so the
// wording is unit-tested and every node says things the same way.
import { computeStatusSeverity, type ComputeSummary } from '../../gamelift/computes';
import type { InstanceCounts } from '../../gamelift/fleetCapacity';
import {
  activeDesiredText,
  type ComputesSummary,
  type LocationRow,
  type LocationsSummary,
} from '../../gamelift/fleetResourceSummary';
import { formatRelative, formatUtc } from '../../common/timeFormat';
import { fleetStatusLabel } from './fleetStatus';

/** 39143 → "39,143" without Intl (its first use loads locale data, which costs milliseconds). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function lower(status: string): string {
  return fleetStatusLabel(status).toLowerCase();
}

/** "5 · 1 error · 1 updating": how many locations, then those not ACTIVE by status. */
export function locationsDescription(summary: LocationsSummary): string {
  const counts = new Map<string, number>();
  for (const l of summary.locations) {
    if (l.status && l.status !== 'ACTIVE') counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
  }
  return [String(summary.locations.length), ...[...counts].map(([status, n]) => `${n} ${lower(status)}`)].join(' · ');
}

/** "Active · 2/2 · scaling stopped". */
export function locationDescription(row: LocationRow): string {
  return [
    fleetStatusLabel(row.status),
    row.instances ? activeDesiredText(row.instances) : '',
    row.stoppedActions?.includes('AUTO_SCALING') ? 'scaling stopped' : '',
    row.updateStatus === 'PENDING_UPDATE' ? 'update pending' : '',
    row.capacityError ? 'capacity unknown' : '',
  ]
    .filter((p) => p)
    .join(' · ');
}

export function instanceCountsText(n: InstanceCounts): string {
  return `${n.active} active of ${n.desired} desired (min ${n.minimum}, max ${n.maximum}) · ${n.pending} pending · ${n.idle} idle · ${n.terminating} terminating`;
}

export function locationTooltip(row: LocationRow, home: string): string {
  const g = row.containerGroups;
  return [
    row.location === home ? `${row.location} (home Region)` : row.location,
    row.status ? `Status: ${row.status}` : '',
    row.instances ? `Instances: ${instanceCountsText(row.instances)}` : '',
    g
      ? `Game server container groups: ${g.active} active · ${g.pending} pending · ${g.idle} idle · ${g.terminating} terminating`
      : '',
    row.stoppedActions?.length ? `Stopped actions: ${row.stoppedActions.join(', ')}` : '',
    row.updateStatus ? `Update status: ${row.updateStatus}` : '',
    row.capacityError ? `Capacity: ${row.capacityError.message}` : '',
  ]
    .filter((l) => l)
    .join('\n');
}

/** "2,000 · 3 impaired · 1 terminating": the count, then the statuses that are not ACTIVE, worst first. */
export function computesDescription(summary: ComputesSummary): string {
  const others = Object.entries(summary.byStatus)
    .filter(([status, n]) => status !== 'ACTIVE' && n > 0)
    .sort((a, b) => computeStatusSeverity(b[0]) - computeStatusSeverity(a[0]));
  return [thousands(summary.count), ...others.map(([status, n]) => `${thousands(n)} ${lower(status)}`)].join(' · ');
}

/** "Impaired · ap-south-1 · 10.0.4.17": the location only when it is not the home Region. */
export function computeDescription(compute: ComputeSummary, home: string): string {
  return [
    fleetStatusLabel(compute.status),
    compute.location && compute.location !== home ? compute.location : '',
    compute.ipAddress ?? compute.dnsName ?? '',
  ]
    .filter((p) => p)
    .join(' · ');
}

export function computeTooltip(compute: ComputeSummary): string {
  const instance = [compute.instanceType, compute.operatingSystem].filter((p) => p).join(', ');
  return [
    compute.name,
    `Status: ${compute.status}`,
    compute.location ? `Location: ${compute.location}` : '',
    compute.ipAddress ? `IP address: ${compute.ipAddress}` : '',
    compute.dnsName ? `DNS name: ${compute.dnsName}` : '',
    compute.instanceId ? `Instance: ${compute.instanceId}${instance ? ` (${instance})` : ''}` : instance,
    compute.creationTime !== undefined ? `Created: ${formatUtc(compute.creationTime)}` : '',
    compute.containers?.length ? `Containers: ${compute.containers.map((c) => c.name).join(', ')}` : '',
    compute.arn ? `ARN: ${compute.arn}` : '',
  ]
    .filter((l) => l)
    .join('\n');
}

/** A fleet row's counts, "3/4"; nothing when none are wanted or running (a fleet at zero, or deleted). */
export function fleetCountsText(instances: InstanceCounts | undefined): string {
  if (!instances || (instances.desired === 0 && instances.active === 0)) return '';
  return activeDesiredText(instances);
}

/** A fleet whose description failed: "not described · retry in 4 minutes" (or "retry now" once due). */
export function describeFailedDescription(retryAt: number | undefined, now: number): string {
  if (retryAt === undefined || retryAt <= now) return 'not described · retry';
  return `not described · retry ${formatRelative(retryAt, now)}`;
}

export function describeFailedTooltip(message: string, retryAt: number | undefined, now: number): string {
  const when =
    retryAt !== undefined && retryAt > now
      ? `The next listing tries again ${formatRelative(retryAt, now)} (${formatUtc(retryAt)}); Retry tries now.`
      : 'Retry tries again now.';
  return `${message}\n\nOnly the fleet ID is known. ${when}`;
}
