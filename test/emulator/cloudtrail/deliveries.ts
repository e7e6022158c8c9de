// Writes a folder of CloudTrail deliveries as a trail bucket synced with `aws s3 sync` looks:
// AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz,
// one gzip'd `{"Records":[…]}` line per file, one file per account, Region and 5-minute window.
// Deterministic for a seed; any size (records or bytes). For tests and benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { seededRandom } from '../../support/seededRandom';
import { fleetArn } from '../state';
import {
  ACTORS,
  cloudTrailRecord,
  FLEET_CALLS,
  otherServiceCall,
  uuidFrom,
  type Actor,
  type FleetFacts,
} from './records';

export interface DeliveryOptions {
  /** The folder to write into (the `AWSLogs/` tree is created inside it). */
  readonly dir: string;
  /** Stop once this many records were written … */
  readonly records?: number;
  /** … or once about this many bytes of decompressed JSON were written (whichever comes first). */
  readonly bytes?: number;
  readonly seed?: number;
  readonly accounts?: readonly string[];
  readonly regions?: readonly string[];
  /** Live fleets per account and Region at any time (default 6). */
  readonly fleetsPerRegion?: number;
  /** Mean records per delivery file (default 60; real files hold 1 to a few thousand). */
  readonly recordsPerFile?: number;
  /** Share of GameLift records (default 0.5); the rest are EC2, S3, STS, CloudWatch and IAM calls. */
  readonly gameliftShare?: number;
  /** Epoch ms of the first delivery window (default 2026-11-01T00:00:00Z). */
  readonly start?: number;
  /** `compact` (what CloudTrail writes, default) or `pretty` (2-space indented, an unkind profile). */
  readonly format?: 'compact' | 'pretty';
  /** gzip level (default 6, zlib's and CloudTrail's usual). */
  readonly gzipLevel?: number;
}

export interface GeneratedTrail {
  readonly files: readonly string[];
  readonly records: number;
  /** Decompressed JSON bytes written. */
  readonly bytes: number;
  readonly compressedBytes: number;
  /** Every fleet that existed at some point, with its account and Region. */
  readonly fleets: ReadonlyArray<FleetFacts & { readonly accountId: string; readonly region: string }>;
}

const WINDOW_MS = 5 * 60 * 1000;
const DEFAULT_START = Date.UTC(2026, 10, 1);
const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface LiveFleet extends FleetFacts {
  readonly accountId: string;
  readonly region: string;
  desired: number;
}

/** `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<16 chars>.json.gz` and its folder, for a delivery minute. */
export function deliveryPath(accountId: string, region: string, deliveredAt: number, unique: string): string {
  const iso = new Date(deliveredAt).toISOString();
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const stamp = `${y}${m}${d}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  return join(
    'AWSLogs',
    accountId,
    'CloudTrail',
    region,
    y,
    m,
    d,
    `${accountId}_CloudTrail_${region}_${stamp}_${unique}.json.gz`,
  );
}

export function writeDeliveries(options: DeliveryOptions): GeneratedTrail {
  const random = seededRandom(options.seed ?? 1);
  const accounts = options.accounts ?? ['111122223333', '444455556666'];
  const regions = options.regions ?? ['us-west-2', 'eu-west-1', 'ap-northeast-1'];
  const maxRecords = options.records ?? Number.POSITIVE_INFINITY;
  const maxBytes = options.bytes ?? Number.POSITIVE_INFINITY;
  if (!Number.isFinite(maxRecords) && !Number.isFinite(maxBytes)) throw new Error('give records or bytes');
  const meanPerFile = options.recordsPerFile ?? 60;
  const gameliftShare = options.gameliftShare ?? 0.5;
  const indent = options.format === 'pretty' ? 2 : undefined;
  const level = options.gzipLevel ?? 6;
  const perRegion = options.fleetsPerRegion ?? 6;

  const everyFleet: Array<FleetFacts & { accountId: string; region: string }> = [];
  const live = new Map<string, LiveFleet[]>();
  let fleetCounter = 0;
  const newFleet = (accountId: string, region: string): LiveFleet => {
    fleetCounter += 1;
    const fleetId = `fleet-${uuidFrom(random)}`;
    const fleet: LiveFleet = {
      fleetId,
      fleetArn: fleetArn(region, accountId, fleetId),
      name: `arena-${region}-${fleetCounter}`,
      accountId,
      region,
      desired: 2,
    };
    everyFleet.push(fleet);
    return fleet;
  };

  const files: string[] = [];
  let records = 0;
  let bytes = 0;
  let compressedBytes = 0;
  let windowStart = options.start ?? DEFAULT_START;
  const pickActor = (): Actor => ACTORS[Math.floor(random() * (ACTORS.length - 1))]; // Root is rare: below

  while (records < maxRecords && bytes < maxBytes) {
    for (const accountId of accounts) {
      for (const region of regions) {
        if (records >= maxRecords || bytes >= maxBytes) break;
        const key = `${accountId}/${region}`;
        let fleets = live.get(key);
        if (!fleets) {
          fleets = [];
          live.set(key, fleets);
        }
        const count = Math.min(maxRecords - records, 1 + Math.floor(random() * meanPerFile * 2));
        const texts: string[] = [];
        for (let i = 0; i < count; i++) {
          const time = windowStart + Math.floor(random() * WINDOW_MS);
          const actor = random() < 0.002 ? ACTORS[ACTORS.length - 1] : pickActor();
          let call;
          if (random() < gameliftShare) {
            if (fleets.length < perRegion || random() < 0.002) {
              const fleet = newFleet(accountId, region);
              fleets.push(fleet);
              call = FLEET_CALLS.create(fleet, time);
            } else {
              const fleet = fleets[Math.floor(random() * fleets.length)];
              const r = random();
              if (r < 0.3)
                call = FLEET_CALLS.describeAttributes(
                  fleets.slice(0, 1 + Math.floor(random() * 3)).map((f) => f.fleetId),
                );
              else if (r < 0.55) call = FLEET_CALLS.describeEvents(fleet);
              else if (r < 0.7) call = FLEET_CALLS.describeCapacity([fleet.fleetId]);
              else if (r < 0.8) call = FLEET_CALLS.listFleets();
              else if (r < 0.88) {
                fleet.desired = Math.floor(random() * 8);
                call = FLEET_CALLS.scale(fleet, fleet.desired);
              } else if (r < 0.92)
                call = FLEET_CALLS.updateAttributes(fleet, random() < 0.5 ? 'FullProtection' : 'NoProtection');
              else if (r < 0.95) call = FLEET_CALLS.updateRuntime(fleet, 1 + Math.floor(random() * 4));
              else if (r < 0.98) call = FLEET_CALLS.putScalingPolicy(fleet, 10 + Math.floor(random() * 20));
              else {
                call = FLEET_CALLS.delete(fleet);
                fleets.splice(fleets.indexOf(fleet), 1);
              }
            }
            const failed = random() < 0.03;
            texts.push(
              JSON.stringify(
                cloudTrailRecord(
                  {
                    time,
                    accountId,
                    region,
                    actor,
                    eventSource: 'gamelift.amazonaws.com',
                    ...call,
                    ...(failed
                      ? { errorCode: 'InvalidRequestException', errorMessage: 'Fleet is not in the required state.' }
                      : {}),
                  },
                  random,
                ),
                null,
                indent,
              ),
            );
          } else {
            texts.push(
              JSON.stringify(
                cloudTrailRecord({ time, accountId, region, actor, ...otherServiceCall(random, accountId) }, random),
                null,
                indent,
              ),
            );
          }
        }
        const text =
          indent === undefined
            ? `{"Records":[${texts.join(',')}]}`
            : `{\n  "Records": [\n${texts.map((t) => t.replace(/^/gm, '    ')).join(',\n')}\n  ]\n}`;
        let unique = '';
        for (let i = 0; i < 16; i++) unique += NAME_CHARS[Math.floor(random() * NAME_CHARS.length)];
        const deliveredAt = windowStart + WINDOW_MS + Math.floor(random() * 3) * 60_000;
        const relative = deliveryPath(accountId, region, deliveredAt, unique);
        const file = join(options.dir, relative);
        mkdirSync(join(file, '..'), { recursive: true });
        const gz = gzipSync(Buffer.from(`${text}\n`), { level });
        writeFileSync(file, gz);
        files.push(file);
        records += count;
        bytes += Buffer.byteLength(text) + 1;
        compressedBytes += gz.length;
      }
    }
    windowStart += WINDOW_MS;
  }
  return { files, records, bytes, compressedBytes, fleets: everyFleet };
}

/** `1GB`, `500MB`, `2.5GiB`, `100000` (bytes) → bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { k: 1e3, m: 1e6, g: 1e9 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = value('--out');
  const records = value('--records');
  const size = value('--size');
  if (!out || (!records && !size)) {
    process.stderr.write(
      'Usage: node out/test/emulator/cloudtrail/deliveries.js --out DIR (--records N | --size 1GB) [--seed N] [--pretty]\n',
    );
    process.exitCode = 2;
  } else {
    const bytes = size ? parseSize(size) : undefined;
    if (size && bytes === undefined) {
      process.stderr.write(`cannot read --size ${size} (use e.g. 500MB or 1GB)\n`);
      process.exitCode = 2;
    } else {
      const started = Date.now();
      const trail = writeDeliveries({
        dir: out,
        ...(records ? { records: Number(records) } : {}),
        ...(bytes !== undefined ? { bytes } : {}),
        seed: Number(value('--seed') ?? 1),
        ...(args.includes('--pretty') ? { format: 'pretty' as const } : {}),
      });
      process.stdout.write(
        `${trail.files.length} files, ${trail.records} records, ${(trail.bytes / 1e6).toFixed(1)} MB of JSON ` +
          `(${(trail.compressedBytes / 1e6).toFixed(1)} MB gzip) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
  }
}
