// Saving container logs: the lines a document holds, and a whole window written page by page
// as it is read (real SDK, local endpoint); a failed or cancelled save leaves no file behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatLogLine, StreamLabels } from '../../../src/containerLogs/formatLogLine';
import { ContainerLogReader } from '../../../src/containerLogs/logReader';
import { exportLogWindow, saveLogLines } from '../../../src/containerLogs/saveLog';
import { OVERVIEW_CRASH_STREAM, OVERVIEW_LOG_GROUP, OVERVIEW_REGION } from '../../emulator/fixtures';
import type { RunningEmulator } from '../../emulator/server';
import { type EmulatorHarness, startHarness } from '../gamelift/helpers/emulator';

const HOUR = 3_600_000;

describe('saving container logs (real SDK, local endpoint)', () => {
  let h: EmulatorHarness;
  let emulator: RunningEmulator;
  let dir: string;
  before(async () => {
    h = await startHarness('default');
    emulator = h.emulator;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-container-logs-'));
  });
  after(async () => {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.resetRequests());

  it('writes what the document holds, as it shows it', async () => {
    const client = h.logsClient({ region: OVERVIEW_REGION });
    const reader = new ContainerLogReader(client, { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR });
    await reader.loadNewest();
    const target = path.join(dir, 'document.log');
    const result = await saveLogLines(target, reader.lines);
    const text = fs.readFileSync(target, 'utf8');
    const labels = new StreamLabels();
    const expected = [...reader.lines].flatMap((l) => formatLogLine(l, labels));
    assert.equal(text, `${expected.join('\n')}\n`);
    assert.equal(result.lines, expected.length);
    assert.equal(result.bytes, Buffer.byteLength(text));
    assert.equal(result.requests, 0);
    assert.deepEqual(fs.readdirSync(dir), ['document.log'], 'no temporary file left');
  });

  it('exports a whole window page by page, the largest pages, oldest first', async () => {
    const client = h.logsClient({ region: OVERVIEW_REGION });
    const target = path.join(dir, 'window.log');
    const progress: number[] = [];
    const result = await exportLogWindow(client, { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR }, target, {
      onProgress: (n) => progress.push(n),
    });
    const lines = fs.readFileSync(target, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 476);
    assert.equal(result.lines, 476);
    const times = lines.map((l) => Date.parse(l.slice(0, 24)));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    const calls = emulator.requests.filter((r) => r.operation === 'FilterLogEvents');
    assert.equal(calls.length, 1, 'one page holds the whole hour');
    assert.equal(calls[0]?.input?.limit, 10_000);
    assert.deepEqual(progress, [476]);
  });

  it('exports one stream with GetLogEvents until the token comes back unchanged', async () => {
    const client = h.logsClient({ region: OVERVIEW_REGION });
    const target = path.join(dir, 'stream.log');
    const result = await exportLogWindow(
      client,
      { logGroup: OVERVIEW_LOG_GROUP, streams: [OVERVIEW_CRASH_STREAM], start: Date.now() - HOUR },
      target,
      { showStream: false },
    );
    assert.equal(result.lines, 16);
    assert.equal(result.requests, 2);
    assert.match(fs.readFileSync(target, 'utf8'), /Z Segmentation fault \(core dumped\)\n/);
  });

  it('leaves nothing behind when cancelled or when the service fails', async () => {
    const client = h.logsClient({ region: OVERVIEW_REGION, maxAttempts: 1 });
    const controller = new AbortController();
    controller.abort();
    const cancelled = path.join(dir, 'cancelled.log');
    await assert.rejects(
      exportLogWindow(client, { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR }, cancelled, {
        signal: controller.signal,
      }),
    );
    const failed = path.join(dir, 'failed.log');
    await assert.rejects(
      exportLogWindow(client, { logGroup: '/aws/gamelift/gone', start: Date.now() - HOUR }, failed),
      {
        name: 'ResourceNotFoundException',
      },
    );
    assert.ok(!fs.existsSync(cancelled) && !fs.existsSync(failed));
    assert.ok(fs.readdirSync(dir).every((f) => !f.endsWith('.part')));
  });
});
