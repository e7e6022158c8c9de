// The text of an open container log through the real CloudWatch Logs SDK against the local
// endpoint: a header that says what it is, the lines oldest first with their stream labels, a
// failed load that keeps the lines and names the missing permission, and follow mode's new line.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import * as assert from 'node:assert/strict';
import { LogDocument, type LogDocumentSpec } from '../../../src/containerLogView/logDocument';
import { OVERVIEW_CRASH_STREAM, OVERVIEW_LOG_GROUP, OVERVIEW_REGION } from '../../emulator/fixtures';
import { type EmulatorHarness, startHarness } from '../gamelift/helpers/emulator';

const HOUR = 3_600_000;
const ACCOUNT = '111122223333';

describe('containerLogView: a log document', () => {
  let h: EmulatorHarness;
  let client: CloudWatchLogsClient;
  let changes = 0;
  const spec = (over: Partial<LogDocumentSpec['query']> = {}): LogDocumentSpec => ({
    title: `all streams of ${OVERVIEW_LOG_GROUP}`,
    query: { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR, ...over },
    timeZone: 'utc',
    errorContext: { profile: 'local-dev', region: OVERVIEW_REGION },
  });
  const open = (s = spec()) => new LogDocument(client, s, () => changes++);

  before(async () => {
    h = await startHarness('default');
    client = h.logsClient({ region: OVERVIEW_REGION, maxAttempts: 1 });
  });
  after(() => h.stop());
  afterEach(() => h.emulator.setFaults({}));

  it('starts with a header, then the lines oldest first, each with its stream', async () => {
    const doc = open();
    changes = 0;
    await doc.loadNewest();
    const [header, ...lines] = doc.content.split('\n');
    assert.match(header, new RegExp(`^# all streams of ${OVERVIEW_LOG_GROUP} · \\d+ lines, 20`));
    assert.equal(changes, 1);
    assert.equal(doc.error, undefined);
    const entries = lines.filter((l) => /^\d{4}-/.test(l));
    assert.equal(entries.length, doc.reader.lines.size);
    const times = entries.map((l) => l.slice(0, 24));
    assert.deepEqual(times, [...times].sort());
    assert.ok(entries.every((l) => / \[[^\]]+\] /.test(l)));
    assert.ok(doc.followable);
  });

  it('writes no stream label for one stream, and cannot follow a window with an end', async () => {
    const doc = open(spec({ streams: [OVERVIEW_CRASH_STREAM], end: Date.now() }));
    await doc.loadNewest();
    const entries = doc.content.split('\n').filter((l) => /^\d{4}-/.test(l));
    assert.ok(entries.length > 0);
    assert.ok(
      entries.every((l) => /^\S+ \S/.test(l) && !l.includes('[3f9a0c7e1b2d]')),
      entries[0],
    );
    assert.equal(doc.followable, false);
  });

  it('keeps the lines when a load fails and says which logs: action is missing', async () => {
    const doc = open();
    await doc.loadNewest();
    const before = doc.content.split('\n').slice(1);
    h.emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['FilterLogEvents'] }] });
    assert.equal(await doc.loadOlder(), undefined);
    assert.match(doc.error?.message ?? '', /^Reading older lines of all streams of .*logs:FilterLogEvents/s);
    const [, second, ...rest] = doc.content.split('\n');
    assert.match(second, /^# Reading older lines of/);
    assert.deepEqual(rest, before);
    // The next load that works clears the error.
    h.emulator.setFaults({});
    await doc.loadOlder();
    assert.equal(doc.error, undefined);
    assert.doesNotMatch(doc.content.split('\n')[1], /^#/);
  });

  it('adds a line that arrives while following', async () => {
    const doc = open(spec({ streams: [OVERVIEW_CRASH_STREAM] }));
    await doc.loadNewest();
    const size = doc.reader.lines.size;
    changes = 0;
    await doc.poll();
    assert.equal(changes, 0, 'nothing new: the document is left alone');
    h.emulator.logGroups.append(ACCOUNT, OVERVIEW_REGION, OVERVIEW_LOG_GROUP, OVERVIEW_CRASH_STREAM, '[INFO] back up');
    await doc.poll();
    assert.equal(doc.reader.lines.size, size + 1);
    assert.match(doc.content.split('\n').pop() ?? '', /\[INFO\] back up$/);
    assert.equal(changes, 1);
  });
});
