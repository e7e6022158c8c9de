// The endpoint's CloudWatch Logs data: one log group per container fleet whose logs go to
// CloudWatch (its scenario `containerLogs`), each stream's events kept in time order. Generated
// lines are written when a stream is first read, so a 100,000-line group costs nothing until
// it is used. Tests append lines (follow mode) through `append`.
import { hashSeed, seededRandom } from '../eventText';
import type { ContainerLogStreamSpec, EmulatorState } from '../state';

export interface LogEventRecord {
  /** Epoch milliseconds. */
  readonly t: number;
  /** Unique across the endpoint and increasing in insertion order: ties in `t` keep their order. */
  readonly seq: number;
  readonly message: string;
  readonly ingestionTime: number;
}

export class LogStreamRecord {
  private materialized: LogEventRecord[] | undefined;

  constructor(
    readonly name: string,
    readonly creationTime: number,
    private readonly spec: ContainerLogStreamSpec,
    private readonly anchor: number,
    private readonly nextSeq: () => number,
  ) {}

  /** The stream's events, oldest first (ties: insertion order). */
  get events(): readonly LogEventRecord[] {
    this.materialized ??= materialize(this.spec, this.anchor, this.nextSeq);
    return this.materialized;
  }

  append(message: string, t: number): LogEventRecord {
    const events = this.events as LogEventRecord[];
    const record: LogEventRecord = { t, seq: this.nextSeq(), message, ingestionTime: t + 200 };
    // Lines arrive in time order in practice; keep the order even if not.
    let i = events.length;
    while (i > 0 && events[i - 1].t > t) i--;
    events.splice(i, 0, record);
    return record;
  }
}

export class LogGroupRecord {
  readonly streams: LogStreamRecord[] = [];
  private mergedCache: { events: LogEventRecord[]; streams: Uint32Array } | undefined;

  constructor(
    readonly accountId: string,
    readonly region: string,
    readonly name: string,
    readonly creationTime: number,
  ) {}

  /** The ARN without the trailing `:*` (DescribeLogGroups' `logGroupArn`). */
  get arn(): string {
    return `arn:aws:logs:${this.region}:${this.accountId}:log-group:${this.name}`;
  }

  stream(name: string): LogStreamRecord | undefined {
    return this.streams.find((s) => s.name === name);
  }

  /** Every event of the group in (time, seq) order, with the index of its stream. */
  merged(): { events: readonly LogEventRecord[]; streams: Uint32Array } {
    if (!this.mergedCache) {
      const pairs: Array<[LogEventRecord, number]> = [];
      this.streams.forEach((s, i) => {
        for (const e of s.events) pairs.push([e, i]);
      });
      pairs.sort(([a], [b]) => a.t - b.t || a.seq - b.seq);
      this.mergedCache = {
        events: pairs.map(([e]) => e),
        streams: Uint32Array.from(pairs, ([, i]) => i),
      };
    }
    return this.mergedCache;
  }

  invalidate(): void {
    this.mergedCache = undefined;
  }
}

export class LogGroupsState {
  private readonly groups: LogGroupRecord[] = [];
  private seq = 0;

  constructor(private readonly clock: () => number) {}

  /** Groups of one account and Region, ordered by name (DescribeLogGroups' order). */
  groupsOf(accountId: string, region: string): LogGroupRecord[] {
    return this.groups
      .filter((g) => g.accountId === accountId && g.region === region)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  group(accountId: string, region: string, name: string): LogGroupRecord | undefined {
    return this.groups.find((g) => g.accountId === accountId && g.region === region && g.name === name);
  }

  addGroup(accountId: string, region: string, name: string, creationTime: number): LogGroupRecord {
    const group = new LogGroupRecord(accountId, region, name, creationTime);
    this.groups.push(group);
    return group;
  }

  addStream(
    group: LogGroupRecord,
    spec: ContainerLogStreamSpec,
    anchor: number,
    creationTime: number,
  ): LogStreamRecord {
    const stream = new LogStreamRecord(spec.name, creationTime, spec, anchor, () => ++this.seq);
    group.streams.push(stream);
    group.invalidate();
    return stream;
  }

  /** Adds a line to a stream (created if new) at `t` (default: the endpoint clock). */
  append(accountId: string, region: string, groupName: string, streamName: string, message: string, t?: number) {
    const group = this.group(accountId, region, groupName);
    if (!group) throw new Error(`Unknown log group ${groupName}`);
    const at = t ?? this.clock();
    const stream = group.stream(streamName) ?? this.addStream(group, { name: streamName }, at, at);
    const record = stream.append(message, at);
    group.invalidate();
    return record;
  }
}

/** The log groups of the scenario's container fleets that send their logs to CloudWatch. */
export function buildLogGroups(state: EmulatorState, now: number, clock: () => number): LogGroupsState {
  const logs = new LogGroupsState(clock);
  for (const fleet of state.allFleets()) {
    const spec = fleet.containerLogs;
    if (spec?.destination !== 'CLOUDWATCH' || !spec.logGroupName) continue;
    const group = logs.addGroup(fleet.accountId, fleet.region, spec.logGroupName, fleet.creationTime);
    for (const stream of spec.streams ?? []) logs.addStream(group, stream, now, streamCreation(stream, now));
  }
  return logs;
}

const MINUTE = 60_000;

function streamCreation(spec: ContainerLogStreamSpec, now: number): number {
  const oldestFixed = Math.max(0, ...(spec.lines ?? []).map((l) => l.secondsAgo)) * 1000;
  const oldestGenerated = (spec.generate?.minutes ?? 0) * MINUTE;
  return now - Math.max(oldestFixed, oldestGenerated) - 1000;
}

function materialize(spec: ContainerLogStreamSpec, anchor: number, nextSeq: () => number): LogEventRecord[] {
  const lines: Array<{ t: number; message: string }> = (spec.lines ?? []).map((l) => ({
    t: anchor - l.secondsAgo * 1000,
    message: l.message,
  }));
  if (spec.generate) lines.push(...generateLines(spec.name, spec.generate, anchor));
  // A stable sort: lines with the same time keep the scenario's order.
  lines.sort((a, b) => a.t - b.t);
  return lines.map((l) => ({ t: l.t, seq: nextSeq(), message: l.message, ingestionTime: l.t + 200 }));
}

const PLAYERS = ['p-7f3a', 'p-91c2', 'p-0b4e', 'p-5d18', 'p-c6a9', 'p-2e70'];
const MAPS = ['arena_dunes', 'arena_harbor', 'arena_citadel'];

/** `count` plausible game-server lines over the last `minutes`, the same for the same seed. */
function generateLines(
  stream: string,
  options: NonNullable<ContainerLogStreamSpec['generate']>,
  anchor: number,
): Array<{ t: number; message: string }> {
  const random = seededRandom(options.seed ?? hashSeed(stream));
  const span = options.minutes * MINUTE;
  const start = anchor - span;
  const lines: Array<{ t: number; message: string }> = [];
  for (let i = 0; i < options.count; i++) {
    // Evenly spread with a little jitter, never in the future.
    const t = Math.min(anchor - 1, Math.floor(start + ((i + random()) * span) / options.count));
    const player = PLAYERS[Math.floor(random() * PLAYERS.length)];
    const roll = random();
    const message =
      roll < 0.55
        ? `[INFO] Tick ${10_000 + i}: ${1 + Math.floor(random() * 10)} players, frame ${(20 + random() * 14).toFixed(1)} ms`
        : roll < 0.75
          ? `[INFO] Player ${player} ${random() < 0.5 ? 'joined' : 'left'} the game on ${MAPS[i % MAPS.length]}`
          : roll < 0.88
            ? `[DEBUG] Heartbeat to the GameLift Agent: ${1 + Math.floor(random() * 4)} game sessions, healthy`
            : roll < 0.97
              ? `[WARN] Packet loss ${(random() * 6).toFixed(1)}% to player ${player}`
              : `[ERROR] Matchmaking backfill for ${player} timed out after 30 s`;
    lines.push({ t, message });
  }
  return lines;
}
