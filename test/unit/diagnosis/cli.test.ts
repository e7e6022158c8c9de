// The bundled command line (dist/gamelift-diagnose.js, built by `npm run build`) as a child
// process against the local endpoint, with the default credential chain reading the test
// account's keys from the environment: the JSON of every scenario fleet, the exit codes, the
// text and Markdown forms, an expired link renewed, and clear messages for what cannot be done.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEST_ACCOUNT } from '../../emulator/credentials';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { EXPECTED_STORIES } from './expectedStories';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'gamelift-diagnose.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        // Only the keys: no profile files, no endpoint or Region from the machine.
        AWS_CONFIG_FILE: join(ROOT, 'no-such-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(ROOT, 'no-such-aws-credentials'),
        AWS_ACCESS_KEY_ID: DEFAULT_TEST_ACCOUNT.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DEFAULT_TEST_ACCOUNT.secretAccessKey,
        AWS_EC2_METADATA_DISABLED: 'true',
        // The SDK's own notice about Node versions before 22 (this machine's Node) is not ours.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('gamelift-diagnose (the bundled command line, against the local endpoint)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let base: string[];

  before(async () => {
    assert.ok(existsSync(CLI), 'run npm run build first');
    emulator = await startEmulator({ port: 0, scenario: 'default' });
    base = ['--region', DIAGNOSIS_REGION, '--endpoint', emulator.url];
  });
  after(() => emulator.stop());

  for (const [key, expected] of Object.entries(EXPECTED_STORIES)) {
    it(`${key}: --format json prints the diagnosis object, exit ${expected.verdict === 'healthy' ? 0 : 1}`, async () => {
      const fleetId = DIAGNOSIS_FLEETS[key as keyof typeof DIAGNOSIS_FLEETS];
      const r = await run([fleetId, ...base, '--format', 'json']);
      assert.equal(r.code, expected.verdict === 'healthy' ? 0 : 1, r.stderr);
      assert.equal(r.stderr, '');
      const json = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(json), [
        'fleetId',
        'verdict',
        'phase',
        'headline',
        'cause',
        'evidence',
        'nextSteps',
      ]);
      assert.equal(json.fleetId, fleetId);
      assert.equal(json.verdict, expected.verdict);
      if (expected.stoppedAt) assert.equal(json.phase, expected.stoppedAt);
      assert.equal(typeof json.headline, 'string');
      assert.ok(json.cause === null || typeof json.cause === 'string');
      const evidence = json.evidence as Array<Record<string, unknown>>;
      for (const kind of expected.evidence)
        assert.ok(
          evidence.some((e) => e.kind === kind),
          `${kind} evidence`,
        );
      for (const e of evidence) {
        assert.ok(['event', 'log', 'config'].includes(e.kind as string));
        assert.deepEqual(
          Object.keys(e).filter((k) => !['kind', 'eventId', 'line', 'text'].includes(k)),
          [],
          'only kind, eventId, line, text',
        );
        if (e.kind === 'log') assert.ok(Number.isInteger(e.line) && typeof e.eventId === 'string');
      }
      assert.ok(Array.isArray(json.nextSteps));
      assert.doesNotMatch(r.stdout, /X-Amz-|Signature=/);
    });
  }

  it('names the log line of a CRLF installer failure, and takes the fleet ARN with its Region', async () => {
    const arn = `arn:aws:gamelift:${DIAGNOSIS_REGION}:${DEFAULT_TEST_ACCOUNT.accountId}:fleet/${DIAGNOSIS_FLEETS.installerCrlf}`;
    const r = await run([arn, '--endpoint', emulator.url, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { evidence: { kind: string; line?: number; text: string }[] };
    const line = json.evidence.find((e) => e.kind === 'log' && e.text.includes('bad interpreter'));
    assert.equal(line?.line, 2);
  });

  it('prints text by default and Markdown on request', async () => {
    const text = await run([DIAGNOSIS_FLEETS.launchPathWindows, ...base]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^diag-launch-path \(fleet-[^)]+\) in us-east-2: FAILED\n/);
    assert.match(text.stdout, /\nPhase: NEW ✓ → DOWNLOADING ✓ → \[VALIDATING ✗\]/);
    assert.match(text.stdout, /\nRuntime configuration:\n {2}- C:\\game\\ArenaServer\.exe/);
    assert.match(text.stdout, /\nNext steps:\n {2}1\. /);
    const md = await run([DIAGNOSIS_FLEETS.launchPathWindows, ...base, '--format', 'markdown']);
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^## GameLift fleet diagnosis: `fleet-[^`]+` \(diag-launch-path\) in us-east-2\n/);
    const healthy = await run([DIAGNOSIS_FLEETS.healthy, ...base]);
    assert.equal(healthy.code, 0, healthy.stderr);
    assert.match(healthy.stdout, /: HEALTHY\n/);
  });

  it('reads events from --since on (the history is then said to be incomplete)', async () => {
    const r = await run([DIAGNOSIS_FLEETS.validationTimeout, ...base, '--since', '1m', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { evidence: { text: string }[] };
    assert.ok(
      json.evidence.some((e) => /were read|Only the newest/.test(e.text)),
      JSON.stringify(json.evidence),
    );
  });

  it('renews an expired log link once while it reads (one more DescribeFleetEvents per log)', async () => {
    // An endpoint whose clock jumps 16 minutes once the fleet, its events, runtime configuration
    // and locations were read: the links of those events have expired by the first download.
    let jumped = false;
    // The clock reads the endpoint's own request log, so it needs the endpoint once it exists.
    const self: { emulator?: RunningEmulator } = {};
    self.emulator = await startEmulator({
      port: 0,
      scenario: 'default',
      now: () => {
        if (!jumped) {
          const done = new Set(self.emulator?.requests.filter((r) => r.status === 200).map((r) => r.operation));
          jumped = ['DescribeFleetEvents', 'DescribeRuntimeConfiguration', 'DescribeFleetLocationAttributes'].every(
            (op) => done.has(op),
          );
        }
        return Date.now() + (jumped ? 16 * 60_000 : 0);
      },
    });
    const endpoint = self.emulator;
    try {
      const r = await run([
        DIAGNOSIS_FLEETS.executableFailure,
        '--region',
        DIAGNOSIS_REGION,
        '--endpoint',
        endpoint.url,
        '--format',
        'json',
      ]);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, '', 'every log was read');
      const json = JSON.parse(r.stdout) as { evidence: { kind: string }[] };
      assert.ok(
        json.evidence.some((e) => e.kind === 'log'),
        'the log line is evidence',
      );
      const downloads = endpoint.requests.filter((q) => q.operation === 'GetObject');
      const refused = downloads.filter((q) => q.status === 403 && q.errorCode === 'AccessDenied').length;
      const served = downloads.filter((q) => q.status === 200).length;
      assert.ok(
        refused > 0 && refused === served,
        `each expired link refused once, then downloaded: ${refused}/${served}`,
      );
      const pages = endpoint.requests.filter((q) => q.operation === 'DescribeFleetEvents' && q.status === 200).length;
      assert.equal(pages, 1 + refused, 'the event page, and one renewal per log');
    } finally {
      await endpoint.stop();
    }
  });

  it('exits 2 with a clear message when it cannot diagnose', async () => {
    const cases: Array<{ args: string[]; env?: Record<string, string>; message: RegExp }> = [
      { args: [], message: /Name the fleet/ },
      { args: ['not-a-fleet', ...base], message: /is not a fleet ID/ },
      { args: [DIAGNOSIS_FLEETS.healthy, '--endpoint', emulator.url], message: /No Region/ },
      { args: [DIAGNOSIS_FLEETS.healthy, ...base, '--format', 'yaml'], message: /--format is text, json or markdown/ },
      { args: [DIAGNOSIS_FLEETS.healthy, ...base, '--since', 'yesterday'], message: /--since takes a date/ },
      {
        args: [DIAGNOSIS_FLEETS.healthy, '--region', 'us-east-2', '--endpoint', 'javascript:alert(1)'],
        message: /--endpoint/,
      },
      { args: ['fleet-00000000-0000-4000-8000-000000000000', ...base], message: /No fleet fleet-00000000/ },
      {
        args: [DIAGNOSIS_FLEETS.healthy, ...base],
        env: { AWS_SECRET_ACCESS_KEY: 'wrong' },
        message: /signature|credentials|sign/i,
      },
      { args: [DIAGNOSIS_FLEETS.healthy, ...base, '--bogus'], message: /Unknown option --bogus/ },
    ];
    for (const c of cases) {
      const r = await run(c.args, c.env);
      assert.equal(r.code, 2, `${c.args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /^gamelift-diagnose: /);
      assert.match(r.stderr, c.message, c.args.join(' '));
      assert.equal(r.stdout, '');
      assert.doesNotMatch(r.stderr, /wrong|at .*\.js:\d+/, 'no secret, no stack trace');
    }
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: gamelift-diagnose <fleet ID or ARN>/);
  });
});
