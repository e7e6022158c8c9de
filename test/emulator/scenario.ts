// Scenario files: which fleets each (account, region) has and their events, written as JSON in
// test/emulator/scenarios/. Times are relative to the moment the scenario is loaded
// ("minutesAgo"), so time-range presets find events; big event histories are generated from
// a seed at load time instead of being committed. See test/emulator/README.md for the format.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TestAccount } from './credentials';
import { CODES_WITH_LOGS, hashSeed, hexDigits, messageFor, seededRandom, type TextContext } from './eventText';
import type { FaultConfig } from './faults';
import { addFleetResources, type ScenarioFleetResources } from './scenarioResources';
import {
  type BuildContents,
  type CapacityRecord,
  deterministicUuid,
  type EmulatorState,
  type EventRecord,
  fleetArn,
  type FleetKind,
  type FleetRecord,
  type LogFormat,
  type LocationRecord,
} from './state';

export interface ScenarioEvent {
  readonly code: string;
  readonly minutesAgo: number;
  readonly message?: string;
  /** Serve a log behind a fresh PreSignedLogUrl (default: typical for the code). */
  readonly log?: boolean;
  readonly count?: number;
  readonly resourceId?: string;
  readonly eventId?: string;
  /** Served log text instead of the generated one. */
  readonly logText?: string;
  /** PreSignedLogUrl sent as-is instead of a minted one (for hostile-payload tests). */
  readonly logUrl?: string;
  /** Serve the log gzip-compressed or in a zip (default plain text). */
  readonly logFormat?: LogFormat;
}

export interface GenerateEvents {
  readonly count: number;
  readonly seed?: number;
  /** Events spread evenly at random over the last spanMinutes (default 14 days). */
  readonly spanMinutes?: number;
  /** Codes to draw from (default: a realistic mix for a busy fleet). */
  readonly codes?: readonly string[];
}

/** Canned histories anchored at the fleet's creation time. */
export type Story =
  'activated' | 'activationFailed' | 'downloading' | 'activating' | 'containerActivated' | 'anywhere' | 'deleting';

export interface ScenarioFleet extends ScenarioFleetResources {
  readonly fleetId?: string;
  readonly kind?: FleetKind;
  readonly name?: string;
  readonly description?: string;
  readonly status?: string;
  readonly fleetType?: string;
  readonly instanceType?: string;
  readonly operatingSystem?: string;
  readonly buildId?: string;
  readonly scriptId?: string;
  readonly createdMinutesAgo?: number;
  readonly terminatedMinutesAgo?: number;
  /** Remote locations (the home region is added first automatically), optionally with their own capacity. */
  readonly locations?: ReadonlyArray<{
    location: string;
    status: string;
    stoppedActions?: string[];
    updateStatus?: string;
    capacity?: Partial<CapacityRecord>;
  }>;
  readonly capacity?: Partial<CapacityRecord>;
  /** Extra PascalCase members copied into the describe output. */
  readonly extra?: Record<string, unknown>;
  readonly story?: Story;
  /** DescribeRuntimeConfiguration's answer (PascalCase, as the API writes it). */
  readonly runtimeConfiguration?: Record<string, unknown>;
  /** The build's files and outputs, from which the creation logs are written. */
  readonly build?: BuildContents;
  readonly events?: readonly ScenarioEvent[];
  readonly generate?: GenerateEvents;
}

export interface GenerateFleets {
  readonly count: number;
  readonly regions: readonly string[];
  readonly seed?: number;
  readonly eventsPerFleet?: number;
  /** Every Nth generated fleet is a managed container fleet (default: none). */
  readonly containerEvery?: number;
}

export interface ScenarioAccount {
  /** Profile name from credentials.ts (or give accountId). */
  readonly profile?: string;
  readonly accountId?: string;
  readonly regions?: Readonly<Record<string, readonly ScenarioFleet[]>>;
  readonly generateFleets?: GenerateFleets;
}

export interface Scenario {
  readonly description?: string;
  /** Name or path of a scenario whose accounts/fleets this one adds to (faults here win). */
  readonly extends?: string;
  readonly faults?: FaultConfig;
  readonly accounts: readonly ScenarioAccount[];
}

const SCENARIO_DIRS = [
  path.join(__dirname, 'scenarios'),
  // compiled to out/test/emulator: the JSON files stay in the source tree
  path.join(__dirname, '..', '..', '..', 'test', 'emulator', 'scenarios'),
];

/** Reads a scenario by name (`default`, `large`, `hostile`, …) or by file path. */
export function readScenario(nameOrPath: string): Scenario {
  const candidates =
    nameOrPath.endsWith('.json') || nameOrPath.includes('/') || nameOrPath.includes('\\')
      ? [path.resolve(nameOrPath)]
      : SCENARIO_DIRS.map((dir) => path.join(dir, `${nameOrPath}.json`));
  const file = candidates.find((c) => existsSync(c));
  if (!file) throw new Error(`Scenario "${nameOrPath}" not found (looked in ${candidates.join(', ')})`);
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  return resolveExtends(scenario, [file]);
}

/** Merges a scenario over the one it extends: accounts are matched by profile/accountId, fleets appended per region. */
export function resolveExtends(scenario: Scenario, seen: string[] = []): Scenario {
  if (!scenario.extends) return scenario;
  if (seen.includes(scenario.extends) || seen.length > 8)
    throw new Error(`Scenario extends itself: ${[...seen, scenario.extends].join(' -> ')}`);
  const base = readScenario(scenario.extends);
  const accounts = base.accounts.map((a) => ({ ...a, regions: { ...(a.regions ?? {}) } }));
  for (const account of scenario.accounts ?? []) {
    const same = accounts.find((a) => (a.profile ?? a.accountId) === (account.profile ?? account.accountId));
    if (!same) {
      accounts.push({ ...account, regions: { ...(account.regions ?? {}) } });
      continue;
    }
    for (const [region, fleets] of Object.entries(account.regions ?? {}))
      same.regions[region] = [...(same.regions[region] ?? []), ...fleets];
    if (account.generateFleets) Object.assign(same, { generateFleets: account.generateFleets });
  }
  return {
    description: scenario.description ?? base.description,
    ...((scenario.faults ?? base.faults) ? { faults: scenario.faults ?? base.faults } : {}),
    accounts,
  };
}

const MINUTE = 60_000;

const BUSY_FLEET_MIX: ReadonlyArray<readonly [string, number]> = [
  ['FLEET_SCALING_EVENT', 30],
  ['SERVER_PROCESS_CRASHED', 12],
  ['GAME_SESSION_ACTIVATION_TIMEOUT', 10],
  ['SERVER_PROCESS_TERMINATED_UNHEALTHY', 8],
  ['SERVER_PROCESS_PROCESS_READY_TIMEOUT', 4],
  ['SERVER_PROCESS_FORCE_TERMINATED', 5],
  ['SERVER_PROCESS_PROCESS_EXIT_TIMEOUT', 5],
  ['INSTANCE_REPLACED_UNHEALTHY', 4],
  ['INSTANCE_RECYCLED', 3],
  ['INSTANCE_INTERRUPTED', 3],
  ['GENERIC_EVENT', 6],
  ['COMPUTE_LOG_UPLOAD_FAILED', 2],
];

/** Builds the endpoint state for a scenario, with times relative to `now` (epoch ms). */
export function loadScenario(
  scenario: Scenario,
  accounts: readonly TestAccount[],
  state: EmulatorState,
  now: number,
): void {
  for (const account of scenario.accounts) {
    const accountId = account.accountId ?? accounts.find((a) => a.profile === account.profile)?.accountId;
    if (!accountId) throw new Error(`Scenario account ${account.profile ?? '?'} is not one of the accepted accounts`);
    for (const [region, fleets] of Object.entries(account.regions ?? {})) {
      fleets.forEach((spec, index) => state.addFleet(buildFleet(spec, accountId, region, index, now)));
    }
    if (account.generateFleets) {
      for (const fleet of generateFleets(account.generateFleets, accountId, now)) state.addFleet(fleet);
    }
  }
}

function defaultFleetId(kind: FleetKind, seed: string): string {
  return `${kind === 'container' ? 'containerfleet' : 'fleet'}-${deterministicUuid(seed)}`;
}

export function buildFleet(
  spec: ScenarioFleet,
  accountId: string,
  region: string,
  index: number,
  now: number,
): FleetRecord {
  const kind = spec.kind ?? 'ec2';
  const fleetId = spec.fleetId ?? defaultFleetId(kind, `${accountId}/${region}/${spec.name ?? index}`);
  const createdAt = now - (spec.createdMinutesAgo ?? 7 * 24 * 60) * MINUTE;
  const random = seededRandom(hashSeed(fleetId));
  const buildId =
    spec.buildId ??
    (kind === 'container' || spec.scriptId ? undefined : `build-${deterministicUuid(`${fleetId}/build`)}`);
  const status = spec.status ?? (kind === 'container' ? 'ACTIVE' : 'ACTIVE');
  const active = status === 'ACTIVE' ? 2 : 0;
  const fleet: FleetRecord = {
    accountId,
    region,
    fleetId,
    fleetArn: fleetArn(region, accountId, fleetId),
    kind,
    name: spec.name,
    description: spec.description,
    status,
    fleetType: spec.fleetType ?? (kind === 'anywhere' ? undefined : 'ON_DEMAND'),
    instanceType: spec.instanceType ?? (kind === 'anywhere' ? undefined : 'c5.large'),
    operatingSystem: spec.operatingSystem ?? (kind === 'container' ? undefined : 'AMAZON_LINUX_2023'),
    buildId,
    scriptId: spec.scriptId,
    creationTime: createdAt,
    ...(spec.terminatedMinutesAgo !== undefined ? { terminationTime: now - spec.terminatedMinutesAgo * MINUTE } : {}),
    extra: { ...(spec.extra ?? {}) },
    locations: [
      { location: region, status: kind === 'container' && status === 'ACTIVE' ? 'ACTIVE' : status },
      ...(spec.locations ?? []).map(({ capacity, ...l }): LocationRecord => ({
        ...l,
        ...(capacity ? { capacity: fullCapacity(capacity) } : {}),
      })),
    ],
    capacity: {
      DESIRED: active,
      MINIMUM: 0,
      MAXIMUM: 10,
      PENDING: 0,
      ACTIVE: active,
      IDLE: active > 0 ? 1 : 0,
      TERMINATING: 0,
      ...(spec.capacity ?? {}),
    },
    events: [],
    ...(spec.runtimeConfiguration ? { runtimeConfiguration: spec.runtimeConfiguration } : {}),
    ...(spec.build ? { build: spec.build } : {}),
  };
  const text = {
    fleetId,
    region,
    buildId,
    instanceType: fleet.instanceType,
    operatingSystem: fleet.operatingSystem,
    launchPaths: launchPathsOf(spec.runtimeConfiguration),
    random,
  };
  const toRecord = (e: ScenarioEvent, i: number, tag: string): EventRecord => {
    const message = e.message ?? messageFor(e.code, text);
    return {
      eventId: e.eventId ?? deterministicUuid(`${fleetId}/${tag}/${i}/${e.code}`),
      resourceId: e.resourceId ?? fleetId,
      eventCode: e.code,
      message,
      eventTime: now - e.minutesAgo * MINUTE - i, // -i keeps same-minute events distinct and ordered
      hasLog: e.log ?? CODES_WITH_LOGS.has(e.code),
      ...(e.count !== undefined ? { count: e.count } : {}),
      ...(e.logText !== undefined ? { logText: e.logText } : {}),
      ...(e.logUrl !== undefined ? { logUrl: e.logUrl } : {}),
      ...(e.logFormat !== undefined ? { logFormat: e.logFormat } : {}),
    };
  };
  const createdMinutesAgo = (now - createdAt) / MINUTE;
  if (spec.story) {
    storyEvents(spec.story, createdMinutesAgo).forEach((e, i) => fleet.events.push(toRecord(e, i, 'story')));
  }
  (spec.events ?? []).forEach((e, i) => fleet.events.push(toRecord(e, i, 'event')));
  if (spec.generate) fleet.events.push(...generateEvents(spec.generate, fleet, now));
  addFleetResources(spec, fleet, now);
  return fleet;
}

/** The launch paths of a scenario's runtime configuration (PascalCase), for consistent messages. */
function launchPathsOf(config: Record<string, unknown> | undefined): string[] | undefined {
  const processes = config?.ServerProcesses;
  if (!Array.isArray(processes)) return undefined;
  return processes.map((p) => String((p as { LaunchPath?: unknown }).LaunchPath ?? '')).filter(Boolean);
}

function fullCapacity(counts: Partial<CapacityRecord>): CapacityRecord {
  return { DESIRED: 0, MINIMUM: 0, MAXIMUM: 10, PENDING: 0, ACTIVE: 0, IDLE: 0, TERMINATING: 0, ...counts };
}

/** Ordered (oldest first) event sequences for typical fleet lifecycles. */
function storyEvents(story: Story, createdMinutesAgo: number): ScenarioEvent[] {
  const at = (offset: number) => Math.max(0, createdMinutesAgo - offset);
  const seq = (codes: ReadonlyArray<string | [string, Partial<ScenarioEvent>]>): ScenarioEvent[] =>
    codes.map((c, i) =>
      typeof c === 'string' ? { code: c, minutesAgo: at(i * 3) } : { code: c[0], minutesAgo: at(i * 3), ...c[1] },
    );
  const creation = [
    'FLEET_CREATED',
    'FLEET_STATE_DOWNLOADING',
    'FLEET_CREATION_EXTRACTING_BUILD',
    'FLEET_CREATION_RUNNING_INSTALLER',
    'FLEET_CREATION_COMPLETED_INSTALLER',
    'FLEET_STATE_VALIDATING',
    'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG',
    'FLEET_STATE_BUILDING',
    'FLEET_STATE_ACTIVATING',
  ];
  switch (story) {
    case 'activated':
      return seq([...creation, 'FLEET_STATE_ACTIVE']);
    case 'activating':
      return seq(creation);
    case 'downloading':
      return seq(['FLEET_CREATED', 'FLEET_STATE_DOWNLOADING']);
    case 'deleting':
      return seq([...creation, 'FLEET_STATE_ACTIVE', 'FLEET_DELETED']);
    case 'activationFailed':
      return seq([
        ...creation,
        ['SERVER_PROCESS_CRASHED', { count: 12, log: true }],
        ['SERVER_PROCESS_PROCESS_READY_TIMEOUT', { count: 4 }],
        'FLEET_ACTIVATION_FAILED',
        'FLEET_STATE_ERROR',
      ]);
    case 'containerActivated':
      return seq([
        'FLEET_CREATED',
        'FLEET_STATE_PENDING',
        'FLEET_STATE_CREATING',
        'FLEET_STATE_CREATED',
        'FLEET_STATE_ACTIVATING',
        'LOCATION_STATE_PENDING',
        'LOCATION_STATE_CREATING',
        'LOCATION_STATE_CREATED',
        'LOCATION_STATE_ACTIVATING',
        'LOCATION_STATE_ACTIVE',
        'FLEET_STATE_ACTIVE',
      ]);
    case 'anywhere':
      return seq(['FLEET_CREATED', 'FLEET_STATE_ACTIVE']);
  }
}

/**
 * A generated event whose Message is written only when first read: the `large` scenario
 * holds 100,000 of them, and building every message up front costs seconds of start-up.
 */
class GeneratedEvent implements EventRecord {
  private text?: string;
  constructor(
    readonly eventId: string,
    readonly resourceId: string,
    readonly eventCode: string,
    readonly eventTime: number,
    readonly hasLog: boolean,
    readonly count: number | undefined,
    private readonly context: Omit<TextContext, 'random'>,
    private readonly seed: number,
  ) {}

  get message(): string {
    this.text ??= messageFor(this.eventCode, { ...this.context, random: seededRandom(this.seed) });
    return this.text;
  }

  toJSON(): EventRecord {
    const { eventId, resourceId, eventCode, message, eventTime, hasLog, count } = this;
    return { eventId, resourceId, eventCode, message, eventTime, hasLog, ...(count !== undefined ? { count } : {}) };
  }
}

function uuidFrom(random: () => number): string {
  const h = hexDigits(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function generateEvents(options: GenerateEvents, fleet: FleetRecord, now: number): EventRecord[] {
  const random = seededRandom(options.seed ?? hashSeed(fleet.fleetId));
  const span = (options.spanMinutes ?? 14 * 24 * 60) * MINUTE;
  const mix: ReadonlyArray<readonly [string, number]> = options.codes
    ? options.codes.map((c) => [c, 1] as const)
    : BUSY_FLEET_MIX;
  const total = mix.reduce((s, [, w]) => s + w, 0);
  const context = {
    fleetId: fleet.fleetId,
    region: fleet.region,
    buildId: fleet.buildId,
    instanceType: fleet.instanceType,
    operatingSystem: fleet.operatingSystem,
  };
  const events: EventRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    let roll = random() * total;
    let code = mix[0][0];
    for (const [c, w] of mix) {
      roll -= w;
      if (roll < 0) {
        code = c;
        break;
      }
    }
    const crash = code === 'SERVER_PROCESS_CRASHED';
    const eventId = uuidFrom(random);
    // at least one second old, so "now"-anchored queries are stable
    const eventTime = now - 1000 - Math.floor(random() * span);
    const hasLog = crash && random() < 0.3;
    const count = crash && random() < 0.4 ? 2 + Math.floor(random() * 100) : undefined;
    events.push(
      new GeneratedEvent(
        eventId,
        fleet.fleetId,
        code,
        eventTime,
        hasLog,
        count,
        context,
        Math.floor(random() * 0x7fffffff),
      ),
    );
  }
  return events;
}

const INSTANCE_TYPES = ['c5.large', 'c5.xlarge', 'c6i.large', 'm5.large', 'c7g.large', 'r5.large'];
const GAME_NAMES = ['arena', 'battle-royale', 'racing', 'lobby', 'ranked', 'coop-raid', 'sandbox', 'tournament'];
const STAGES = ['dev', 'qa', 'staging', 'prod'];

function generateFleets(options: GenerateFleets, accountId: string, now: number): FleetRecord[] {
  const random = seededRandom(options.seed ?? 1);
  const fleets: FleetRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const region = options.regions[i % options.regions.length];
    const name = `${GAME_NAMES[i % GAME_NAMES.length]}-${STAGES[Math.floor(i / GAME_NAMES.length) % STAGES.length]}-${i}`;
    const container =
      options.containerEvery !== undefined && options.containerEvery > 0 && (i + 1) % options.containerEvery === 0;
    const spec: ScenarioFleet = {
      ...(container
        ? { kind: 'container' as const, story: 'containerActivated' as const }
        : { story: 'activated' as const }),
      name,
      description: `Generated fleet ${i} for benchmarks`,
      instanceType: INSTANCE_TYPES[Math.floor(random() * INSTANCE_TYPES.length)],
      fleetType: random() < 0.3 ? 'SPOT' : 'ON_DEMAND',
      createdMinutesAgo: 60 * 24 * (1 + Math.floor(random() * 60)),
      ...(options.eventsPerFleet ? { generate: { count: options.eventsPerFleet, seed: i + 1 } } : {}),
    };
    fleets.push(buildFleet(spec, accountId, region, i, now));
  }
  return fleets;
}
