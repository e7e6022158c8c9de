// Reads the explorer's `gamelift.*` settings into plain values, with the defaults the
// manifest declares, and turns profile × region into the tree's connection targets.
import * as vscode from 'vscode';
import type { ConnectionTarget } from '../gamelift/types';
import type { TimeRangePreset } from '../gamelift/timeRange';
import { validateEndpoint } from '../gamelift/endpointPolicy';

export interface ExplorerSettings {
  /** Profiles to browse; `[undefined]` means the default credential chain. */
  readonly profiles: readonly (string | undefined)[];
  readonly regions: readonly string[];
  /** `gamelift.endpoint` when it passed validateEndpoint (normalised). */
  readonly endpoint?: string;
  /** Why `gamelift.endpoint` was refused; while set, no client is built and the tree says so. */
  readonly endpointError?: string;
  /** A caution about an accepted endpoint (plain http to a remote host). */
  readonly endpointWarning?: string;
  readonly pageSize: number;
  readonly defaultTimeRange: TimeRangePreset;
  readonly timeZone: 'local' | 'utc';
  readonly relativeTime: boolean;
  readonly watchIntervalSeconds: number;
}

const PRESETS: readonly TimeRangePreset[] = ['lastHour', 'last24Hours', 'last7Days', 'last30Days', 'all'];

export function readSettings(): ExplorerSettings {
  const c = vscode.workspace.getConfiguration('gamelift');
  const rawProfile = c.get<string | string[]>('profile', '');
  const profileList = (Array.isArray(rawProfile) ? rawProfile : [rawProfile])
    .map((p) => (typeof p === 'string' ? p.trim() : ''))
    .filter((p, i, all) => p.length > 0 && all.indexOf(p) === i);
  const regions = c
    .get<string[]>('regions', ['us-west-2'])
    .map((r) => (typeof r === 'string' ? r.trim() : ''))
    .filter((r, i, all) => r.length > 0 && all.indexOf(r) === i);
  // Judged before any client sees it: the SDK would accept `javascript:…` or `file:` URLs.
  const verdict = validateEndpoint(c.get<unknown>('endpoint', ''));
  const preset = c.get<string>('events.defaultTimeRange', 'last7Days') as TimeRangePreset;
  return {
    profiles: profileList.length > 0 ? profileList : [undefined],
    regions: regions.length > 0 ? regions : ['us-west-2'],
    ...(verdict.ok && verdict.endpoint ? { endpoint: verdict.endpoint } : {}),
    ...(verdict.ok && verdict.warning ? { endpointWarning: verdict.warning } : {}),
    ...(!verdict.ok ? { endpointError: verdict.reason } : {}),
    pageSize: clampInt(c.get<number>('events.pageSize', 100), 1, 1000, 100),
    defaultTimeRange: PRESETS.includes(preset) ? preset : 'last7Days',
    timeZone: c.get<string>('events.timeZone', 'local') === 'utc' ? 'utc' : 'local',
    relativeTime: c.get<boolean>('events.relativeTime', false) === true,
    watchIntervalSeconds: clampInt(c.get<number>('watch.intervalSeconds', 30), 0, 86_400, 30),
  };
}

/** Every (profile, region) pair, in settings order; none while the endpoint setting is refused. */
export function targetsOf(settings: ExplorerSettings): ConnectionTarget[] {
  // Without this, a refused endpoint would silently fall back to AWS's real endpoints.
  if (settings.endpointError) return [];
  return settings.profiles.flatMap((profile) =>
    settings.regions.map((region) => ({
      ...(profile ? { profile } : {}),
      region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    })),
  );
}

/** Settings whose change rebuilds the tree's roots. */
export const CONNECTION_SETTINGS = ['gamelift.profile', 'gamelift.regions', 'gamelift.endpoint'];

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** The message for a refused `gamelift.endpoint`: names the setting and says why. */
export function endpointErrorMessage(reason: string): string {
  return `Setting "gamelift.endpoint" is not usable: ${reason}`;
}

export const OPEN_ENDPOINT_SETTING = 'Open Setting';

/** Opens the Settings editor at `gamelift.endpoint`. */
export function openEndpointSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', 'gamelift.endpoint');
}
