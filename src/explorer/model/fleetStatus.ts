// What a fleet's status looks like in the tree: which codicon + theme colour show the state
// at a glance, and the short word a row shows. Which states are transitional is
// src/gamelift/fleetStatus.ts's to say.
import { isTransitional } from '../../gamelift/fleetStatus';
import type { Verdict } from '../../diagnosis/types';
import type { FleetStatus } from '../../gamelift/types';

/**
 * The status as a fleet row shows it: one capital, as the GameLift console writes it
 * ("Deleting", "Not found"). Narrower than the API's capitals, so it survives a narrow side
 * bar; the tooltip keeps the API value.
 */
export function fleetStatusLabel(status: FleetStatus | undefined): string {
  if (!status) return '';
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface IconSpec {
  /** Codicon id, e.g. `pass` or `sync~spin`. */
  readonly icon: string;
  /** Theme colour id, e.g. `testing.iconPassed`. */
  readonly color?: string;
}

export function fleetStatusIcon(status: FleetStatus | undefined): IconSpec {
  switch (status) {
    case 'ACTIVE':
    case 'CREATED':
      return { icon: 'pass', color: 'testing.iconPassed' };
    case 'ERROR':
      return { icon: 'error', color: 'problemsErrorIcon.foreground' };
    case 'TERMINATED':
    case 'EXPIRED':
    case 'NOT_FOUND':
      return { icon: 'circle-slash', color: 'disabledForeground' };
    case undefined:
      return { icon: 'server' };
    default:
      return isTransitional(status)
        ? { icon: 'sync~spin', color: 'problemsWarningIcon.foreground' }
        : { icon: 'server' };
  }
}

export function severityIcon(severity: 'error' | 'warning' | 'info'): IconSpec {
  switch (severity) {
    case 'error':
      return { icon: 'error', color: 'problemsErrorIcon.foreground' };
    case 'warning':
      return { icon: 'warning', color: 'problemsWarningIcon.foreground' };
    default:
      return { icon: 'info', color: 'problemsInfoIcon.foreground' };
  }
}

/** A diagnosis verdict at a glance: failed as an error, stuck as a watch, degraded as a warning. */
export function verdictIcon(verdict: Verdict): IconSpec {
  switch (verdict) {
    case 'failed':
      return { icon: 'error', color: 'problemsErrorIcon.foreground' };
    case 'stuck':
      return { icon: 'watch', color: 'problemsWarningIcon.foreground' };
    case 'degraded':
      return { icon: 'warning', color: 'problemsWarningIcon.foreground' };
    default:
      return { icon: 'pass', color: 'testing.iconPassed' };
  }
}

/** A compute's status: IMPAIRED and TERMINATING stand out (error and warning colours), ACTIVE passes. */
export function computeStatusIcon(status: string | undefined): IconSpec {
  switch (status) {
    case 'IMPAIRED':
      return { icon: 'error', color: 'problemsErrorIcon.foreground' };
    case 'TERMINATING':
      return { icon: 'circle-slash', color: 'problemsWarningIcon.foreground' };
    case 'PENDING':
      return { icon: 'clock' };
    case 'ACTIVE':
      return { icon: 'vm-running', color: 'testing.iconPassed' };
    default:
      return { icon: 'vm' };
  }
}
