// The container log core through the real CloudWatch Logs SDK against the local endpoint:
// finding the group, listing streams newest first, reading a window newest first with
// "Load older", one stream through GetLogEvents, searching with a filter pattern, follow mode
// by polling, windows before 2024, and failures worded with the missing permission.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import * as assert from 'node:assert/strict';
import { ContainerLogReader } from '../../../src/containerLogs/logReader';
import { classifyLogsError, LOGS_PERMISSIONS } from '../../../src/containerLogs/logsErrors';
import { findFleetLogGroup, listLogStreams } from '../../../src/containerLogs/logStreams';
import { OVERVIEW_CRASH_STREAM, OVERVIEW_FLEETS, OVERVIEW_LOG_GROUP, OVERVIEW_REGION } from '../../emulator/fixtures';
import type { RunningEmulator, Scenario } from '../../emulator/server';
import { type EmulatorHarness, startHarness } from '../gamelift/helpers/emulator';

const HOUR = 3_600_000;
const ACCOUNT = '111122223333';
const TOTAL = 16 + 180 + 240 + 40;

describe('container logs (CloudWatch Logs through the real SDK, local endpoint)', () => {
  let h: EmulatorHarness;
  let emulator: RunningEmulator;
  let client: CloudWatchLogsClient;
  const calls = (operation: string) => emulator.requests.filter((r) => r.operation === operation);
  before(async () => {
    h = await startHarness('default');
    emulator = h.emulator;
    client = h.logsClient({ region: OVERVIEW_REGION, maxAttempts: 1 });
  });
  after(() => h.stop());
  beforeEach(() => emulator.resetRequests());

  describe('log group and streams', () => {
    it('takes the log group GameLift names without a call', async () => {
      const group = await findFleetLogGroup(client, OVERVIEW_FLEETS.containerRollback, {
        kind: 'cloudwatch',
        logGroupName: OVERVIEW_LOG_GROUP,
        region: OVERVIEW_REGION,
      });
      assert.deepEqual(group, { logGroup: OVERVIEW_LOG_GROUP, name: OVERVIEW_LOG_GROUP, region: OVERVIEW_REGION });
      assert.equal(emulator.requests.length, 0);
    });

    it('finds the group by the fleet ID when GameLift names none', async () => {
      const group = await findFleetLogGroup(client, OVERVIEW_FLEETS.containerRollback, { kind: 'cloudwatch' });
      assert.equal(group?.name, OVERVIEW_LOG_GROUP);
      assert.equal(calls('DescribeLogGroups')[0]?.input?.logGroupNamePattern, OVERVIEW_FLEETS.containerRollback);
      assert.equal(await findFleetLogGroup(client, OVERVIEW_FLEETS.containerNoLogs, { kind: 'cloudwatch' }), undefined);
    });

    it('lists the streams, the most recently written first', async () => {
      const streams = await listLogStreams(client, OVERVIEW_LOG_GROUP);
      assert.equal(streams.length, 4);
      const last = streams.map((s) => s.lastEventTime ?? 0);
      assert.deepEqual(
        last,
        [...last].sort((a, b) => b - a),
      );
      assert.equal(streams[3].name, OVERVIEW_CRASH_STREAM);
      assert.equal(calls('DescribeLogStreams')[0]?.input?.orderBy, 'LastEventTime');
      const two = await listLogStreams(client, OVERVIEW_LOG_GROUP, { limit: 2 });
      assert.equal(two.length, 2);
    });
  });

  describe('reading a window', () => {
    it('shows the newest lines first, then loads older ones back to the start of the window', async () => {
      const reader = new ContainerLogReader(
        client,
        { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR },
        { firstPageSize: 50, pageSize: 100 },
      );
      const pages: number[] = [];
      const first = await reader.loadNewest({ maxLines: 120, onPage: (n) => pages.push(n) });
      assert.deepEqual(pages, [50, 70]);
      assert.equal(first.added, 120);
      assert.equal(first.requests, 2);
      assert.equal(reader.order, 'newestFirst');
      assert.equal(reader.hasOlder, true);
      const filter = calls('FilterLogEvents');
      assert.equal(filter[0]?.input?.startFromHead, false);
      assert.deepEqual(
        filter.map((c) => c.input?.limit),
        [50, 70],
      );
      const newestTimes = [...reader.lines].map((l) => l.time);
      assert.deepEqual(
        newestTimes,
        [...newestTimes].sort((a, b) => a - b),
        'kept oldest first',
      );
      while (reader.hasOlder) await reader.loadOlder({ maxLines: 200 });
      const all = [...reader.lines];
      assert.equal(all.length, TOTAL);
      const times = all.map((l) => l.time);
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
      );
      assert.equal(new Set(all.map((l) => `${l.stream}|${l.time}|${l.message}`)).size, TOTAL, 'no line twice');
      assert.equal(reader.lines.streams.length, 4);
      assert.deepEqual(await reader.loadOlder(), { added: 0, requests: 0 }, 'nothing older in the window');
    });

    it('shares a load in flight between callers', async () => {
      const reader = new ContainerLogReader(client, { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR });
      const [a, b] = await Promise.all([reader.loadOlder({ maxLines: 10 }), reader.loadOlder({ maxLines: 10 })]);
      assert.equal(a, b);
      assert.equal(reader.lines.size, 10);
    });

    it('moves the window back when asked for lines before it', async () => {
      const now = Date.now();
      const reader = new ContainerLogReader(client, {
        logGroup: OVERVIEW_LOG_GROUP,
        streams: [OVERVIEW_CRASH_STREAM, 'game-server/i-07b2e9d4c1a8f3e51/c2d9e4f1a0b3'],
        start: now - 20 * 60_000,
      });
      await reader.loadNewest({ maxLines: 10_000 });
      const recent = reader.lines.size;
      assert.equal(reader.hasOlder, false);
      const before = reader.lines.oldestTime!;
      const older = await reader.loadOlder({ extendByMs: 40 * 60_000 });
      assert.ok(older.added > 0);
      assert.ok(reader.lines.oldestTime! < before);
      assert.equal(reader.start, now - HOUR);
      assert.equal(reader.lines.size, recent + older.added);
      assert.equal(reader.lines.size, 16 + 240, 'both streams, the whole hour, once');
    });

    it('reads one stream with GetLogEvents, backward from its newest page', async () => {
      const reader = new ContainerLogReader(
        client,
        { logGroup: OVERVIEW_LOG_GROUP, streams: [OVERVIEW_CRASH_STREAM], start: Date.now() - HOUR },
        { firstPageSize: 5, pageSize: 5 },
      );
      await reader.loadNewest({ maxLines: 5 });
      assert.equal(reader.lines.size, 5);
      assert.match([...reader.lines][4].message, /exited with code 139/);
      while (reader.hasOlder) await reader.loadOlder();
      assert.equal(reader.lines.size, 16);
      assert.equal(calls('FilterLogEvents').length, 0);
      assert.ok(calls('GetLogEvents').every((c) => c.input?.startFromHead === false));
    });

    it('searches the group with a filter pattern', async () => {
      const reader = new ContainerLogReader(client, {
        logGroup: OVERVIEW_LOG_GROUP,
        filterPattern: '?FATAL ?"Segmentation fault"',
        start: Date.now() - HOUR,
      });
      await reader.loadNewest();
      assert.deepEqual(
        [...reader.lines].map((l) => l.message.split(' ')[0]),
        ['Segmentation', '[FATAL]', 'Segmentation', '[FATAL]'],
      );
      assert.equal(reader.hasOlder, false);
      assert.ok(calls('FilterLogEvents').every((c) => c.input?.filterPattern === '?FATAL ?"Segmentation fault"'));
      // A one-stream search cannot use GetLogEvents.
      const one = new ContainerLogReader(client, {
        logGroup: OVERVIEW_LOG_GROUP,
        streams: [OVERVIEW_CRASH_STREAM],
        filterPattern: 'PhysicsWorld',
        start: Date.now() - HOUR,
      });
      await one.loadNewest();
      assert.equal(one.lines.size, 2);
    });

    it('accepts the group ARN from GameLift, with or without :*', async () => {
      const arn = `arn:aws:logs:${OVERVIEW_REGION}:${ACCOUNT}:log-group:${OVERVIEW_LOG_GROUP}:*`;
      const reader = new ContainerLogReader(client, {
        logGroup: arn,
        streams: [OVERVIEW_CRASH_STREAM],
        start: Date.now() - HOUR,
      });
      await reader.loadNewest();
      assert.equal(reader.lines.size, 16);
      assert.equal(calls('GetLogEvents')[0]?.input?.logGroupIdentifier, arn.slice(0, -2));
    });
  });

  describe('follow mode (polling)', () => {
    it('polls the group for new lines, each once, even in the same millisecond', async () => {
      const local = await startHarness('default');
      try {
        const c = local.logsClient({ region: OVERVIEW_REGION });
        const reader = new ContainerLogReader(c, { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR });
        await reader.loadNewest();
        assert.deepEqual(await reader.poll(), { added: 0, requests: 1 });
        const newest = reader.lines.newestTime!;
        // A line in the same millisecond as the newest one shown, and two later ones.
        local.emulator.logGroups.append(
          ACCOUNT,
          OVERVIEW_REGION,
          OVERVIEW_LOG_GROUP,
          OVERVIEW_CRASH_STREAM,
          'same ms',
          newest,
        );
        local.emulator.logGroups.append(
          ACCOUNT,
          OVERVIEW_REGION,
          OVERVIEW_LOG_GROUP,
          OVERVIEW_CRASH_STREAM,
          'later 1',
          newest + 5,
        );
        local.emulator.logGroups.append(
          ACCOUNT,
          OVERVIEW_REGION,
          OVERVIEW_LOG_GROUP,
          'game-server/new-stream',
          'later 2',
          newest + 6,
        );
        const polled = await reader.poll();
        assert.equal(polled.added, 3);
        const tail = [...reader.lines].slice(-3).map((l) => l.message);
        assert.deepEqual(tail, ['same ms', 'later 1', 'later 2']);
        assert.equal((await reader.poll()).added, 0, 'nothing twice');
        assert.ok(
          local.emulator.requests
            .filter((r) => r.operation === 'FilterLogEvents')
            .slice(-3)
            .every((r) => r.input?.startFromHead === undefined),
        );
      } finally {
        await local.stop();
      }
    });

    it('follows one stream with nextForwardToken', async () => {
      const local = await startHarness('default');
      try {
        const c = local.logsClient({ region: OVERVIEW_REGION });
        const reader = new ContainerLogReader(c, {
          logGroup: OVERVIEW_LOG_GROUP,
          streams: [OVERVIEW_CRASH_STREAM],
          start: Date.now() - HOUR,
        });
        await reader.loadNewest();
        assert.equal((await reader.poll()).added, 0);
        local.emulator.logGroups.append(
          ACCOUNT,
          OVERVIEW_REGION,
          OVERVIEW_LOG_GROUP,
          OVERVIEW_CRASH_STREAM,
          '[INFO] restarted',
        );
        const polled = await reader.poll();
        assert.equal(polled.added, 1);
        assert.equal([...reader.lines].pop()?.message, '[INFO] restarted');
        const gets = local.emulator.requests.filter((r) => r.operation === 'GetLogEvents');
        assert.match(String(gets[gets.length - 1]?.input?.nextToken), /^f\//);
      } finally {
        await local.stop();
      }
    });

    it('does not poll a window that has an end', async () => {
      const reader = new ContainerLogReader(client, {
        logGroup: OVERVIEW_LOG_GROUP,
        start: Date.now() - HOUR,
        end: Date.now(),
      });
      await reader.loadNewest();
      assert.deepEqual(await reader.poll(), { added: 0, requests: 0 });
    });
  });

  describe('windows before 2024 and failures', () => {
    it('reads a window that starts before 2024 from its start (FilterLogEvents reads those only forward)', async () => {
      const old = Date.UTC(2023, 10, 1);
      const secondsAgo = (t: number) => Math.round((Date.now() - t) / 1000);
      const scenario: Scenario = {
        accounts: [
          {
            profile: 'local-dev',
            regions: {
              'us-west-2': [
                {
                  fleetId: 'containerfleet-dddddddd-0000-4000-8000-000000000001',
                  kind: 'container',
                  containerLogs: {
                    destination: 'CLOUDWATCH',
                    logGroupName: '/old',
                    streams: [
                      {
                        name: 's',
                        lines: Array.from({ length: 30 }, (_, i) => ({
                          secondsAgo: secondsAgo(old + i * 60_000),
                          message: `line ${i}`,
                        })),
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      };
      const local = await startHarness(scenario);
      try {
        const reader = new ContainerLogReader(
          local.logsClient(),
          { logGroup: '/old', start: old - HOUR, end: old + HOUR },
          { pageSize: 10 },
        );
        assert.equal(reader.order, 'oldestFirst');
        await reader.loadNewest({ maxLines: 20 });
        assert.deepEqual(
          [...reader.lines].map((l) => l.message),
          Array.from({ length: 20 }, (_, i) => `line ${i}`),
        );
        await reader.loadOlder();
        assert.equal(reader.lines.size, 30);
        assert.ok(Math.abs(reader.lines.oldestTime! - old) < 1000, 'the first line of the window comes first');
        assert.ok(local.emulator.requests.every((r) => r.input?.startFromHead === undefined));
      } finally {
        await local.stop();
      }
    });

    it('words a missing group and a denied call with the service and the permission', async () => {
      const reader = new ContainerLogReader(client, { logGroup: '/aws/gamelift/gone', start: Date.now() - HOUR });
      const missing = await reader.loadNewest().catch((e: unknown) => e);
      const notFound = classifyLogsError(missing, LOGS_PERMISSIONS.readGroup, { region: OVERVIEW_REGION });
      assert.equal(notFound.kind, 'notFound');
      assert.match(notFound.message, /The specified log group does not exist/);
      // As IAM denies it: AccessDeniedException naming logs:DescribeLogStreams.
      emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['DescribeLogStreams'] }] });
      try {
        const denied = await listLogStreams(client, OVERVIEW_LOG_GROUP).catch((e: unknown) => e);
        assert.equal((denied as Error).name, 'AccessDeniedException');
        const classified = classifyLogsError(denied, LOGS_PERMISSIONS.listStreams);
        assert.equal(classified.kind, 'unauthorized');
        assert.match(classified.message, /is not authorized to perform: logs:DescribeLogStreams/);
        assert.match(classified.message, /needs the permission logs:DescribeLogStreams\.$/);
      } finally {
        emulator.setFaults({});
      }
    });

    it('stops when cancelled', async () => {
      const controller = new AbortController();
      const reader = new ContainerLogReader(
        client,
        { logGroup: OVERVIEW_LOG_GROUP, start: Date.now() - HOUR },
        { firstPageSize: 10, pageSize: 10 },
      );
      const run = reader.loadNewest({ maxLines: 1000, signal: controller.signal, onPage: () => controller.abort() });
      await assert.rejects(run, (e: Error) => e.name === 'AbortError');
      assert.equal(reader.lines.size, 10, 'the page that arrived is kept');
      assert.equal(calls('FilterLogEvents').length, 1);
    });
  });
});
