// The explorer's settings as plain values (through the one settings reader), and profile ×
// region turned into the tree's connection targets.
import * as vscode from 'vscode';
import type { ConnectionTarget } from '../gamelift/types';
import type { TimeRangePreset } from '../gamelift/timeRange';
import { validateEndpoint } from '../gamelift/endpointPolicy';
import type { SettingsReader } from '../settings/reader';
import { settingId } from '../settings/table';

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
}

/** The explorer's settings now, read through the one settings reader. */
export function readExplorerSettings(settings: SettingsReader): ExplorerSettings {
  const profiles = settings.get('profile');
  const regions = settings.get('regions');
  // Judged before any client sees it: the SDK would accept `javascript:…` or `file:` URLs.
  const verdict = validateEndpoint(settings.get('endpoint'));
  return {
    profiles: profiles.length > 0 ? profiles : [undefined],
    regions,
    ...(verdict.ok && verdict.endpoint ? { endpoint: verdict.endpoint } : {}),
    ...(verdict.ok && verdict.warning ? { endpointWarning: verdict.warning } : {}),
    ...(!verdict.ok ? { endpointError: verdict.reason } : {}),
    pageSize: settings.get('events.pageSize'),
    defaultTimeRange: settings.get('events.defaultTimeRange'),
    timeZone: settings.get('events.timeZone'),
    relativeTime: settings.get('events.relativeTime'),
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

/** The message for a refused `gamelift.endpoint`: names the setting and says why. */
export function endpointErrorMessage(reason: string): string {
  return `Setting "gamelift.endpoint" is not usable: ${reason}`;
}

export const OPEN_ENDPOINT_SETTING = 'Open Setting';

/** Opens the Settings editor at `gamelift.endpoint`. */
export function openEndpointSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', settingId('endpoint'));
}
