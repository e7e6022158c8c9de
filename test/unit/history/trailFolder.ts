// Test folders of CloudTrail logs in every shape the history reads, and the reference reading
// of such a folder with nothing but JSON.parse (whole files, then lines): what the index, the
// reader and the CLI are held to.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { seededRandom } from '../../support/seededRandom';
import { writeDeliveries, type GeneratedTrail } from '../../emulator/cloudtrail/deliveries';
import { ACTORS, cloudTrailRecord, FLEET_CALLS } from '../../emulator/cloudtrail/records';

export type Rec = Record<string, unknown>;

/** One record per shape the reader accepts besides deliveries, all about `fleet`. */
function extraRecords(fleet: GeneratedTrail['fleets'][number], count: number, seed: number): Rec[] {
  const random = seededRandom(seed);
  const out: Rec[] = [];
  for (let i = 0; i < count; i++) {
    const call =
      i % 3 === 0
        ? FLEET_CALLS.scale(fleet, i % 5)
        : i % 3 === 1
          ? FLEET_CALLS.describeEvents(fleet)
          : FLEET_CALLS.delete(fleet);
    out.push(
      cloudTrailRecord(
        {
          time: Date.UTC(2026, 10, 2) + i * 61_000,
          accountId: fleet.accountId,
          region: fleet.region,
          actor: ACTORS[i % ACTORS.length],
          eventSource: 'gamelift.amazonaws.com',
          ...call,
          ...(i % 4 === 0
            ? { errorCode: 'LimitExceededException', errorMessage: 'Too many instances. ünïcödé ✓' }
            : {}),
        },
        random,
      ),
    );
  }
  return out;
}

export interface MixedFolder {
  readonly dir: string;
  readonly trail: GeneratedTrail;
  /** A fleet with records in every extra shape. */
  readonly fleetId: string;
  /** Files that must be listed as failed. */
  readonly broken: readonly string[];
}

/**
 * Deliveries (`records` of them in all) plus one file of each other shape, an ignored digest and,
 * with `broken`, four files the reader must list as failed (one of them keeps 2 records).
 */
export function writeMixedFolder(
  dir: string,
  records: number,
  options: { seed?: number; broken?: boolean } = {},
): MixedFolder {
  const seed = options.seed ?? 7;
  const trail = writeDeliveries({ dir, records, seed, recordsPerFile: 40 });
  const fleet = trail.fleets[0];
  const extra = extraRecords(fleet, 24, seed);
  const other = join(dir, 'exports');
  mkdirSync(other, { recursive: true });
  // JSON Lines of records, and of deliveries (what `zcat *.json.gz > all.jsonl` gives).
  writeFileSync(
    join(other, 'records.jsonl'),
    `${extra
      .slice(0, 4)
      .map((r) => JSON.stringify(r))
      .join('\n')}\n`,
  );
  writeFileSync(
    join(other, 'deliveries.ndjson.gz'),
    gzipSync(
      `${JSON.stringify({ Records: extra.slice(4, 6) })}\r\n${JSON.stringify({ Records: extra.slice(6, 7) })}\n`,
    ),
  );
  // EventBridge envelopes, one per line.
  writeFileSync(
    join(other, 'eventbridge.jsonl'),
    extra
      .slice(7, 10)
      .map((r, i) =>
        JSON.stringify({
          version: '0',
          id: `00000000-0000-4000-8000-00000000000${i}`,
          'detail-type': 'AWS API Call via CloudTrail',
          source: 'aws.gamelift',
          account: fleet.accountId,
          time: r.eventTime,
          region: fleet.region,
          resources: [],
          detail: r,
        }),
      )
      .join('\n'),
  );
  // `aws cloudtrail lookup-events` output (pretty, as the CLI prints it).
  writeFileSync(
    join(other, 'lookup-events.json'),
    JSON.stringify(
      {
        Events: extra.slice(10, 14).map((r) => ({
          EventId: r.eventID,
          EventName: r.eventName,
          ReadOnly: String(r.readOnly),
          EventTime: r.eventTime,
          EventSource: r.eventSource,
          Username: 'x',
          Resources: [],
          CloudTrailEvent: JSON.stringify(r),
        })),
      },
      null,
      4,
    ),
  );
  // A plain array, a single record, a pretty delivery with a byte order mark.
  writeFileSync(join(other, 'array.json'), JSON.stringify(extra.slice(14, 17)));
  writeFileSync(join(other, 'single.json'), JSON.stringify(extra[17], null, 2));
  writeFileSync(join(other, 'pretty.json'), `\ufeff${JSON.stringify({ Records: extra.slice(18, 21) }, null, 2)}`);
  // Broken: cut short (2 records survive), not gzip despite the name, damaged gzip, not JSON.
  const brokenFiles = ['cut.json', 'fake.json.gz', 'damaged.json.gz', 'notes.json'].map((f) => join(other, f));
  if (options.broken) {
    const cut = JSON.stringify({ Records: extra.slice(21, 24) });
    writeFileSync(brokenFiles[0], cut.slice(0, cut.length - 40));
    writeFileSync(brokenFiles[1], '{"Records":[]}');
    writeFileSync(brokenFiles[2], gzipSync(cut).subarray(0, 30));
    writeFileSync(brokenFiles[3], 'these are my notes, not JSON');
  }
  // Ignored: a digest file and other extensions.
  const digest = join(dir, 'AWSLogs', fleet.accountId, 'CloudTrail-Digest', fleet.region);
  mkdirSync(digest, { recursive: true });
  writeFileSync(
    join(digest, `${fleet.accountId}_CloudTrail-Digest_${fleet.region}_trail_${fleet.region}_20261101T000000Z.json.gz`),
    gzipSync('{"awsAccountId":"1","logFiles":[]}'),
  );
  writeFileSync(join(other, 'README.txt'), 'not a log');
  return {
    dir,
    trail,
    fleetId: fleet.fleetId,
    broken: options.broken ? brokenFiles : [],
  };
}

/** Every readable file under `dir`, sorted (the same selection rule as the history reader). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'CloudTrail-Digest') walk(p);
      } else if (/\.(json|jsonl|ndjson)(\.gz)?$/.test(name) && !name.includes('_CloudTrail-Digest_')) out.push(p);
    }
  };
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function recordsIn(value: unknown, out: Rec[]): void {
  if (Array.isArray(value)) {
    for (const v of value) recordsIn(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const v = value as Rec;
  if (Array.isArray(v.Records)) v.Records.forEach((r) => out.push(r as Rec));
  else if (Array.isArray(v.Events))
    v.Events.forEach((e) => out.push(JSON.parse((e as Rec).CloudTrailEvent as string) as Rec));
  else if (v['detail-type'] && typeof v.detail === 'object') out.push(v.detail as Rec);
  else if (typeof v.eventTime === 'string' || typeof v.eventName === 'string') out.push(v);
}

/** The records of the readable files under `dir` in file order, read with JSON.parse only; unreadable files are skipped. */
export function plainScan(dir: string): Rec[] {
  const out: Rec[] = [];
  for (const file of listFiles(dir)) {
    let bytes = readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = gunzipSync(bytes);
      } catch {
        continue;
      }
    }
    const text = bytes.toString('utf8').replace(/^\ufeff/, '');
    try {
      recordsIn(JSON.parse(text), out);
    } catch {
      for (const line of text.split(/\r?\n/)) {
        try {
          recordsIn(JSON.parse(line), out);
        } catch {
          // a damaged line: the history reader keeps what parses, and so does this scan
        }
      }
    }
  }
  return out;
}
