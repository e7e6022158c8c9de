// The worker client against the real compiled worker: same results as inline validation,
// newest request per document wins, stale running work is cancelled, failures are reported.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerValidator, StaleSourceError, chunksOf } from '../../../src/cloudtrail/editor/worker/workerClient';
import { validateAndPosition } from '../../../src/cloudtrail/editor/worker/positionedResult';

// Compiled next to this test by tsc: out/src/cloudtrail/editor/worker/validationWorker.js.
const WORKER = join(__dirname, '..', '..', '..', 'src', 'cloudtrail', 'editor', 'worker', 'validationWorker.js');

function record(i: number, eventName = 'DescribeFleetAttributes'): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      arn: 'arn:aws:iam::403987211056:user/alice',
      accountId: '403987211056',
      userName: 'alice',
    },
    eventTime: '2024-03-11T08:11:42Z',
    eventSource: 'gamelift.amazonaws.com',
    eventName,
    awsRegion: 'us-west-2',
    sourceIPAddress: '198.51.100.23',
    requestParameters: { fleetIds: ['fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777'] },
    responseElements: null,
    requestID: `0d2f6a7e-8c1b-4f3a-9e5d-${String(i).padStart(12, '0')}`,
    eventID: `7c9e6679-7425-40de-944b-${String(i).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '403987211056',
    eventCategory: 'Management',
  };
}

function log(count: number, misspelt = -1): string {
  const records = Array.from({ length: count }, (_, i) =>
    record(i, i === misspelt ? 'DescribeFleetAttribute' : undefined),
  );
  return JSON.stringify({ Records: records }, null, 2);
}

describe('cloudtrail editor: WorkerValidator', function () {
  this.timeout(60_000);
  let validator: WorkerValidator;
  const errors: string[] = [];

  beforeEach(() => {
    errors.length = 0;
    validator = new WorkerValidator(WORKER, (m) => errors.push(m));
  });
  afterEach(() => validator.dispose());

  it('returns what inline validation returns, with the record table intact', async () => {
    const text = log(5, 2);
    const viaWorker = await validator.validate('a', text, {});
    assert.ok(viaWorker);
    const inline = validateAndPosition(text, {});
    assert.deepEqual(viaWorker.diagnostics, inline.diagnostics);
    assert.ok(viaWorker.diagnostics.some((d) => d.ruleId === 'gamelift-operation'));
    assert.equal(viaWorker.recordCount, 5);
    assert.deepEqual(Array.from(viaWorker.recordPositions), Array.from(inline.recordPositions));
    assert.deepEqual(Array.from(viaWorker.folding), Array.from(inline.folding));
    assert.equal(viaWorker.recordLabels, inline.recordLabels);
  });

  it('passes severities and the diagnostic cap to the core', async () => {
    const text = log(4, 1);
    const off = await validator.validate('a', text, { severities: { 'gamelift-operation': 'off' } });
    assert.ok(off && !off.diagnostics.some((d) => d.ruleId === 'gamelift-operation'));
    const raised = await validator.validate('a', text, { severities: { 'gamelift-operation': 'error' } });
    assert.equal(raised?.diagnostics.find((d) => d.ruleId === 'gamelift-operation')?.severity, 'error');
    const broken = text.replace(/"readOnly": true/g, '"readOnly": "yes"');
    const capped = await validator.validate('a', broken, { maxDiagnostics: 2 });
    assert.ok(capped);
    assert.equal(capped.diagnostics.length, 2);
    assert.ok(capped.truncated && capped.totalDiagnostics > 2);
  });

  it('drops a queued request that a newer one for the same document replaces', async () => {
    const big = log(3000);
    const running = validator.validate('other', big, {}); // keeps the worker busy
    const stale = validator.validate('doc', log(3, 0), {});
    const fresh = validator.validate('doc', log(3), {});
    assert.equal(await stale, undefined);
    const result = await fresh;
    assert.ok(result && !result.diagnostics.some((d) => d.ruleId === 'gamelift-operation'));
    assert.equal((await running)?.recordCount, 3000, 'work for another document was not cancelled');
    assert.equal(validator.cancelledRuns, 0);
  });

  it('cancels a running validation that an edit made stale, and answers the new one', async () => {
    const stale = validator.validate('doc', log(20000), {});
    await new Promise((r) => setTimeout(r, 50)); // let the worker start on it
    const fresh = validator.validate('doc', log(2, 1), {});
    assert.equal(await stale, undefined);
    const result = await fresh;
    assert.equal(result?.recordCount, 2);
    assert.ok(result?.diagnostics.some((d) => d.ruleId === 'gamelift-operation'));
    assert.equal(validator.cancelledRuns, 1);
    assert.deepEqual(errors, [], 'a cancelled worker is not a failure');
  });

  it('cancel(key) drops the work of a closed document', async () => {
    const pending = validator.validate('closed', log(20000), {});
    await new Promise((r) => setTimeout(r, 20));
    validator.cancel('closed');
    assert.equal(await pending, undefined);
    assert.equal((await validator.validate('open', log(1), {}))?.recordCount, 1);
  });

  it('dispose() settles everything and refuses new work', async () => {
    const a = validator.validate('a', log(5000), {});
    const b = validator.validate('b', log(5), {});
    validator.dispose();
    assert.equal(await a, undefined);
    assert.equal(await b, undefined);
    assert.equal(await validator.validate('c', log(1), {}), undefined);
  });

  it('reports a worker that dies, and recovers with a new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-worker-'));
    try {
      const crashing = join(dir, 'crash.js');
      writeFileSync(
        crashing,
        "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });",
      );
      const broken = new WorkerValidator(crashing, (m) => errors.push(m));
      await assert.rejects(broken.validate('x', '{}', {}), /boom/);
      assert.ok(errors.some((m) => /boom/.test(m)));
      await assert.rejects(broken.validate('x', '{}', {}), /boom/, 'a second worker is started for the next job');
      broken.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cloudtrail editor: chunksOf', () => {
  it('splits long text without cutting a surrogate pair, and loses nothing', () => {
    const clef = '\ud834\udd1e'; // 𝄞, two UTF-16 units
    const text = 'a'.repeat(256 * 1024 - 1) + clef + 'b'.repeat(300_000) + clef;
    const chunks = [...chunksOf(text)];
    assert.ok(chunks.length >= 2);
    assert.equal(chunks.join(''), text);
    for (const c of chunks) {
      const last = c.charCodeAt(c.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'a chunk ends in the middle of a surrogate pair');
      assert.equal(new TextDecoder().decode(new TextEncoder().encode(c)), c);
    }
    assert.deepEqual([...chunksOf('')], []);
  });

  it('validates text given as lazily read pieces, and drops a run whose source went stale', async () => {
    const validator = new WorkerValidator(WORKER);
    try {
      const text = log(50, 7);
      const lines = text.split('\n');
      const pieces = function* (): Generator<string> {
        for (let i = 0; i < lines.length; i += 100)
          yield lines.slice(i, i + 100).join('\n') + (i + 100 < lines.length ? '\n' : '');
      };
      const result = await validator.validate('doc', pieces(), {});
      assert.deepEqual(result?.diagnostics, validateAndPosition(text, {}).diagnostics);
      const stale = function* (): Generator<string> {
        yield lines[0];
        throw new StaleSourceError();
      };
      assert.equal(await validator.validate('doc', stale(), {}), undefined);
      assert.equal(
        (await validator.validate('doc', text, {}))?.recordCount,
        50,
        'the worker still answers after a stale run',
      );
    } finally {
      validator.dispose();
    }
  });
});
