// Every `gamelift.*` setting the code reads: its manifest default and how a stored value is
// read (a value of the wrong type falls back to the default, numbers are clamped to the
// manifest's range). The one place defaults live in code; test/unit/settings.test.ts holds this
// table to package.json. Pure (no vscode).
import { isObject } from '../common/guards';

interface Setting<T> {
  /** The default as package.json declares it. */
  readonly default: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly values?: readonly string[];
  /** The stored value as the code uses it. */
  read(value: unknown): T;
}

const bool = (fallback: boolean): Setting<boolean> => ({
  default: fallback,
  read: (v) => (typeof v === 'boolean' ? v : fallback),
});

const int = (fallback: number, minimum: number, maximum?: number): Setting<number> => ({
  default: fallback,
  minimum,
  maximum,
  read: (v) =>
    typeof v === 'number' && Number.isFinite(v)
      ? Math.min(maximum ?? Infinity, Math.max(minimum, Math.floor(v)))
      : fallback,
});

const oneOf = <T extends string>(fallback: T, values: readonly T[]): Setting<T> => ({
  default: fallback,
  values,
  read: (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : fallback),
});

/** One name or a list of names: trimmed, each once, empties dropped; none left = the default's. */
const names = (fallback: string | readonly string[]): Setting<string[]> => {
  const clean = (v: unknown): string[] =>
    (Array.isArray(v) ? v : [v])
      .map((n: unknown) => (typeof n === 'string' ? n.trim() : ''))
      .filter((n, i, all) => n.length > 0 && all.indexOf(n) === i);
  return {
    default: fallback,
    read: (v) => {
      const list = clean(v);
      return list.length > 0 ? list : clean(fallback);
    },
  };
};

export const TIME_RANGE_PRESET_IDS = ['lastHour', 'last24Hours', 'last7Days', 'last30Days', 'all'] as const;

export const SETTINGS = {
  // Connection: which profiles and regions the Fleets view browses, and a custom endpoint.
  profile: names(''),
  regions: names(['us-west-2']),
  /** Judged by validateEndpoint where it is used: a refusal must say why. */
  endpoint: { default: '', read: (v: unknown): unknown => v } satisfies Setting<unknown>,
  // Fleet events in the tree.
  'events.pageSize': int(100, 1, 1000),
  'events.defaultTimeRange': oneOf('last7Days', TIME_RANGE_PRESET_IDS),
  'events.timeZone': oneOf('local', ['local', 'utc'] as const),
  'events.relativeTime': bool(false),
  'watch.intervalSeconds': int(30, 0, 3600),
  'watch.activeFleets': bool(false),
  // Event logs opened in the editor.
  'logs.maxSizeMB': int(20, 1, 1024),
  // Event details panel.
  'details.reusePreview': bool(true),
  'details.viewColumn': oneOf('active', ['active', 'beside'] as const),
  // CloudTrail logs in the editor.
  'cloudtrail.autoDetect': oneOf('switch', ['switch', 'ask', 'off'] as const),
  'cloudtrail.validate': bool(true),
  'cloudtrail.maxDiagnostics': int(1000, 0),
  'cloudtrail.rules': {
    default: {},
    read: (v: unknown): Record<string, unknown> => (isObject(v) ? v : {}),
  } satisfies Setting<Record<string, unknown>>,
  'cloudtrail.workerThreshold': int(262_144, 0),
  'cloudtrail.fleetLinks': bool(true),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = ReturnType<(typeof SETTINGS)[K]['read']>;

/** The parts of the key before its last dot (`events`, `cloudtrail`): a change to any key under one fires for it. */
export type SettingSection = 'events' | 'watch' | 'details' | 'logs' | 'cloudtrail';

/** Settings whose change rebuilds the Fleets view's roots (and shows the status bar item). */
export const CONNECTION_SETTINGS = ['profile', 'regions', 'endpoint'] as const satisfies readonly SettingKey[];

/** The full configuration key, e.g. `gamelift.events.pageSize`. */
export function settingId(key: SettingKey | SettingSection): string {
  return `gamelift.${key}`;
}
