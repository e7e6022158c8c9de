// The bundled CLI (dist/cloudtrail-lint.js, built by `npm run build`) run as a child process:
// text and JSON output, exit codes 0/1/2, .json.gz, stdin, --max and --help.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(__dirname, '..', '..', '..', '..');
const cli = join(root, 'dist', 'cloudtrail-lint.js');
const fixtures = join(root, 'test', 'fixtures', 'cloudtrail');

function run(args: string[], input?: string | Buffer): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cloudtrail-lint CLI', function () {
  this.timeout(30_000);
  let tmp = '';
  before(() => {
    assert.ok(existsSync(cli), 'run npm run build first');
    tmp = mkdtempSync(join(tmpdir(), 'ct-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('exits 0 with no output on a clean file', () => {
    const r = run([join(fixtures, 'clean.json')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  it('exits 0 on warnings only and prints file:line:column severity rule message', () => {
    const file = join(fixtures, 'warnings.json');
    const r = run([file]);
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:15:20 warning gamelift-operation "DescribeFleetAtributes" is not an Amazon GameLift operation — did you mean DescribeFleetAttributes\\?\\n$`,
      ),
    );
  });

  it('exits 1 on an error and reports it at the right place', () => {
    const r = run([join(fixtures, 'broken.json')]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.ok(
      lines.some((l) => /broken\.json:16:31 error syntax Expected a comma between members$/.test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => / warning gamelift-operation /.test(l)),
      'the second record is still checked',
    );
  });

  it('prints a JSON array with --format json', () => {
    const r = run(['--format', 'json', join(fixtures, 'broken.json'), join(fixtures, 'clean.json')]);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as Array<{
      file: string;
      line: number;
      column: number;
      severity: string;
      ruleId: string;
    }>;
    assert.ok(Array.isArray(out));
    const syntax = out.find((d) => d.ruleId === 'syntax');
    assert.deepEqual([syntax?.line, syntax?.column, syntax?.severity], [16, 31, 'error']);
    assert.ok(out.every((d) => d.file.endsWith('broken.json')));
  });

  it('reads .json.gz and rejects a .gz that is not gzip or not UTF-8', () => {
    const gz = join(tmp, 'AWSLogs_CloudTrail.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(fixtures, 'broken.json'))));
    const r = run([gz]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /AWSLogs_CloudTrail\.json\.gz:16:31 error syntax/);

    const fake = join(tmp, 'fake.json.gz');
    writeFileSync(fake, '{"Records":[]}');
    const f = run([fake]);
    assert.equal(f.code, 2);
    assert.match(f.stderr, /fake\.json\.gz: the file name ends in \.gz but the content is not gzip data/);

    const latin = join(tmp, 'latin1.json.gz');
    writeFileSync(latin, gzipSync(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])));
    const l = run([latin]);
    assert.equal(l.code, 2);
    assert.match(l.stderr, /not UTF-8 text/);
  });

  it('reads stdin with -', () => {
    const r = run(['-'], readFileSync(join(fixtures, 'broken.json')));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:16:31 error syntax/m);
    assert.equal(run(['-'], readFileSync(join(fixtures, 'clean.json'))).code, 0);
  });

  it('exits 2 on a missing file and on bad options, and prints help', () => {
    const m = run([join(tmp, 'nope.json')]);
    assert.equal(m.code, 2);
    assert.match(m.stderr, /cannot read .*nope\.json: no such file/);
    assert.equal(run(['--format', 'xml', 'a.json']).code, 2);
    assert.equal(run([]).code, 2);
    const h = run(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^Usage: cloudtrail-lint/);
  });

  it('--max caps the output but errors beyond it still set exit 1', () => {
    const r = run(['--max', '1', join(fixtures, 'broken.json')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /1 more diagnostics not shown/);
    const w = run(['--max', '0', join(fixtures, 'broken.json')]);
    assert.equal(w.code, 1);
  });
});
