// The bundled CLI (dist/cloudtrail-history.js, built by `npm run build`) as a child process: on a
// generated folder its output equals a plain JSON.parse scan filtered by hand, for several
// filters, in worker threads and without; other formats; bad input gets exit code 2 and a reason.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainScan, writeMixedFolder, type MixedFolder, type Rec } from './trailFolder';

const root = join(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cloudtrail-history.js');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 512 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const time = (r: Rec) => Date.parse(r.eventTime as string);
const identity = (r: Rec) => (r.userIdentity ?? {}) as Rec;

/** Newest first; records with the same time in reverse file order (the index keeps file order for ties). */
function newestFirst(records: Rec[]): Rec[] {
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => time(a.r) - time(b.r) || a.i - b.i)
    .map((x) => x.r)
    .reverse();
}

describe('cloudtrail-history CLI', function () {
  this.timeout(120_000);
  let dir = '';
  let folder: MixedFolder;
  let all: Rec[];

  before(() => {
    assert.ok(existsSync(cli), 'run npm run build first');
    dir = mkdtempSync(join(tmpdir(), 'history-cli-'));
    folder = writeMixedFolder(dir, 6000);
    all = plainScan(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const since = Date.UTC(2026, 10, 1, 4);
  const until = Date.UTC(2026, 10, 2, 1);
  const cases: Array<{
    name: string;
    args: () => string[];
    keep: (r: Rec) => boolean;
    limit?: number;
    oldest?: boolean;
  }> = [
    { name: 'no filter', args: () => [], keep: () => true },
    {
      name: '--source gamelift --writes',
      args: () => ['--source', 'gamelift', '--writes'],
      keep: (r) => r.eventSource === 'gamelift.amazonaws.com' && r.readOnly === false,
    },
    {
      name: '--name A,B --since --until',
      args: () => [
        '--name',
        'UpdateFleetCapacity,DeleteFleet',
        '--since',
        new Date(since).toISOString(),
        `--until=${new Date(until).toISOString()}`,
      ],
      keep: (r) =>
        ['UpdateFleetCapacity', 'DeleteFleet'].includes(r.eventName as string) && time(r) >= since && time(r) < until,
    },
    {
      name: '--fleet',
      args: () => ['--fleet', folder.fleetId],
      keep: (r) =>
        r.eventSource === 'gamelift.amazonaws.com' &&
        JSON.stringify([r.requestParameters, r.responseElements, r.resources]).includes(`"${folder.fleetId}"`),
    },
    {
      name: '--principal --errors',
      args: () => ['--principal', 'ALICE', '--errors'],
      keep: (r) =>
        String(identity(r).arn ?? '')
          .toLowerCase()
          .includes('alice') && !!r.errorCode,
    },
    {
      name: '--resource (part of a fleet ARN) --source ec2 (none)',
      args: () => ['--resource', folder.fleetId.slice(0, 14), '--source', 'ec2.amazonaws.com'],
      keep: () => false,
    },
    {
      name: '--resource, oldest first, limit',
      args: () => ['--resource', folder.fleetId.slice(0, 14), '--oldest', '--limit', '7'],
      keep: (r) =>
        r.eventSource === 'gamelift.amazonaws.com' &&
        JSON.stringify([r.requestParameters, r.responseElements]).includes(folder.fleetId.slice(0, 14)),
      limit: 7,
      oldest: true,
    },
  ];

  for (const c of cases) {
    for (const threads of ['2', '0']) {
      it(`prints what a plain scan finds: ${c.name} (threads ${threads})`, () => {
        let expected = newestFirst(all.filter(c.keep));
        const total = expected.length;
        if (c.oldest) expected.reverse();
        if (c.limit) expected = expected.slice(0, c.limit);
        const r = run([dir, ...c.args(), '--threads', threads]);
        assert.equal(r.code, expected.length > 0 ? 0 : 1, r.stderr);
        const lines = r.stdout.split('\n').filter((l) => l.length > 0);
        assert.deepEqual(
          lines.map((l) => JSON.parse(l) as Rec),
          expected,
        );
        assert.ok(!r.stdout.includes('\r'), 'one record per line');
        assert.match(
          r.stderr,
          new RegExp(
            `\\d+ files, ${all.length.toLocaleString('en-US')} records, ${total.toLocaleString('en-US')} matches`,
          ),
        );
        if (c.name === 'no filter') assert.ok(expected.length > 6000);
      });
    }
  }

  it('prints tables and CSV, and index statistics with --stats', () => {
    const table = run([dir, '--fleet', folder.fleetId, '--format', 'table', '--stats']);
    assert.equal(table.code, 0);
    const rows = table.stdout.trimEnd().split('\n');
    assert.match(rows[0], /^TIME\s+SOURCE\s+EVENT\s+WHO/);
    assert.ok(rows.slice(1).every((l) => l.includes(folder.fleetId)));
    assert.match(table.stderr, /bytes\/record/);
    const csv = run([dir, '--fleet', folder.fleetId, '--format=csv', '--errors']);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    assert.equal(
      lines[0],
      'time,eventSource,eventName,user,principal,sourceIPAddress,awsRegion,account,errorCode,readOnly,resources',
    );
    assert.ok(
      lines.length > 1 &&
        lines.slice(1).every((l) => l.includes('LimitExceededException') || l.includes('InvalidRequestException')),
    );
  });

  it('exits 2 with a reason for bad arguments and for nothing to read', () => {
    for (const [args, reason] of [
      [[dir, '--since', 'last tuesday'], /--since: cannot read "last tuesday" as a time/],
      [[dir, '--format', 'xml'], /--format must be jsonl, table or csv/],
      [[dir, '--bogus'], /unknown option --bogus/],
      [[dir, '--name'], /--name needs a value/],
      [[dir, '--name', 'A', '--name', 'B'], /--name is given twice/],
      [[dir, '--fleet', 'alias-1'], /not a fleet ID/],
      [[dir, '--since', '2026-11-03', '--until', '2026-11-02'], /--since must be before --until/],
      [[], /name at least one folder or file/],
      [[join(dir, 'missing')], /missing: no such file or folder/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, reason);
      assert.equal(r.stdout, '');
    }
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: cloudtrail-history/);
  });

  it('lists broken files on stderr and still prints the rest', () => {
    const broken = mkdtempSync(join(tmpdir(), 'history-cli-broken-'));
    try {
      const f = writeMixedFolder(broken, 200, { broken: true });
      const r = run([broken, '--name', 'DeleteFleet']);
      assert.equal(r.code, 0);
      for (const file of f.broken) assert.ok(r.stderr.includes(`${file}: `), file);
      assert.match(r.stderr, /files \(4 with problems\)/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const child = spawn(process.execPath, [cli, dir], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.match(stderr, /matches \(\d[\d,]* printed\)/);
  });
});
