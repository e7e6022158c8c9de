// CloudWatch Logs on the local endpoint, through the real @aws-sdk/client-cloudwatch-logs:
// target Logs_20140328.*, SigV4 service `logs`, integer millisecond times, the container
// fleets' log groups and streams, GetLogEvents tokens, FilterLogEvents paging both ways with
// filter patterns, and the documented limits and errors.
import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import * as assert from 'node:assert/strict';
import { FILTER_SCAN_BUDGET } from '../../emulator/cloudwatchLogs/operations';
import { OVERVIEW_CRASH_STREAM, OVERVIEW_FLEETS, OVERVIEW_LOG_GROUP, OVERVIEW_REGION } from '../../emulator/fixtures';
import { type RunningEmulator, type Scenario, startEmulator } from '../../emulator/server';
import { logsClientFor, rawCall, rejection } from './helpers';

const HOUR = 3_600_000;

describe('emulator CloudWatch Logs (container fleet logs)', () => {
  let emulator: RunningEmulator;
  let client: CloudWatchLogsClient;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = logsClientFor(emulator, { region: OVERVIEW_REGION });
  });
  after(() => emulator.stop());

  it('speaks awsJson1_1 with target Logs_20140328.* and checks the `logs` signing name', async () => {
    const ok = await rawCall(emulator, {
      target: 'Logs_20140328.DescribeLogGroups',
      service: 'logs',
      region: OVERVIEW_REGION,
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('content-type'), 'application/x-amz-json-1.1');
    assert.ok(Array.isArray(ok.json().logGroups));
    const wrongService = await rawCall(emulator, {
      target: 'Logs_20140328.DescribeLogGroups',
      service: 'gamelift',
      region: OVERVIEW_REGION,
    });
    assert.equal(wrongService.status, 403);
    assert.equal(wrongService.json().__type, 'InvalidSignatureException');
    const unknown = await rawCall(emulator, { target: 'Logs_20140328.PutLogEvents', service: 'logs' });
    assert.equal(unknown.json().__type, 'UnknownOperationException');
  });

  it('finds a container fleet log group by its fleet ID (logGroupNamePattern)', async () => {
    const out = await client.send(
      new DescribeLogGroupsCommand({ logGroupNamePattern: OVERVIEW_FLEETS.containerRollback }),
    );
    assert.deepEqual(
      out.logGroups?.map((g) => g.logGroupName),
      [OVERVIEW_LOG_GROUP],
    );
    const group = out.logGroups[0];
    assert.equal(group.logGroupArn, `arn:aws:logs:${OVERVIEW_REGION}:111122223333:log-group:${OVERVIEW_LOG_GROUP}`);
    assert.equal(group.arn, `${group.logGroupArn}:*`);
    assert.equal(typeof group.creationTime, 'number');
    const none = await logsClientFor(emulator).send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/gamelift/' }),
    );
    assert.deepEqual(none.logGroups, [], 'groups belong to their Region');
  });

  it('lists streams by last event time, newest first', async () => {
    const out = await client.send(
      new DescribeLogStreamsCommand({ logGroupName: OVERVIEW_LOG_GROUP, orderBy: 'LastEventTime', descending: true }),
    );
    const streams = out.logStreams ?? [];
    assert.equal(streams.length, 4);
    const last = streams.map((s) => s.lastEventTimestamp ?? 0);
    assert.deepEqual(
      last,
      [...last].sort((a, b) => b - a),
    );
    assert.equal(
      streams[streams.length - 1].logStreamName,
      OVERVIEW_CRASH_STREAM,
      'the crashed stream went quiet first',
    );
    assert.ok(
      streams.every(
        (s) => s.arn?.includes(':log-stream:') && (s.firstEventTimestamp ?? 0) <= (s.lastEventTimestamp ?? 0),
      ),
    );
    const refused = await rejection(
      client.send(
        new DescribeLogStreamsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          orderBy: 'LastEventTime',
          logStreamNamePrefix: 'game',
        }),
      ),
    );
    assert.equal(refused.name, 'InvalidParameterException');
  });

  it('reads a stream newest page first with GetLogEvents, then backward to its start', async () => {
    const first = await client.send(
      new GetLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, logStreamName: OVERVIEW_CRASH_STREAM, limit: 5 }),
    );
    const messages = first.events?.map((e) => e.message) ?? [];
    assert.equal(messages.length, 5);
    assert.match(
      messages[messages.length - 1] ?? '',
      /exited with code 139/,
      'the latest events, oldest first within the page',
    );
    const seen = [...(first.events ?? [])];
    let token = first.nextBackwardToken;
    for (;;) {
      const page = await client.send(
        new GetLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          logStreamName: OVERVIEW_CRASH_STREAM,
          limit: 5,
          nextToken: token,
        }),
      );
      if (page.nextBackwardToken === token) {
        assert.deepEqual(page.events, [], 'at the start the same token comes back');
        break;
      }
      seen.unshift(...(page.events ?? []));
      token = page.nextBackwardToken;
    }
    assert.equal(seen.length, 16);
    const times = seen.map((e) => e.timestamp!);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.ok(seen.every((e) => Number.isInteger(e.timestamp) && Number.isInteger(e.ingestionTime)));
  });

  it('follows a stream with nextForwardToken: nothing new, then the appended line', async () => {
    const local = await startEmulator({ scenario: 'default' });
    try {
      const c = logsClientFor(local, { region: OVERVIEW_REGION });
      const head = await c.send(
        new GetLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          logStreamName: OVERVIEW_CRASH_STREAM,
          startFromHead: true,
        }),
      );
      assert.equal(head.events?.length, 16);
      const quiet = await c.send(
        new GetLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          logStreamName: OVERVIEW_CRASH_STREAM,
          nextToken: head.nextForwardToken,
        }),
      );
      assert.deepEqual(quiet.events, []);
      assert.equal(quiet.nextForwardToken, head.nextForwardToken);
      local.logGroups.append(
        '111122223333',
        OVERVIEW_REGION,
        OVERVIEW_LOG_GROUP,
        OVERVIEW_CRASH_STREAM,
        '[INFO] back up',
      );
      const fresh = await c.send(
        new GetLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          logStreamName: OVERVIEW_CRASH_STREAM,
          nextToken: quiet.nextForwardToken,
        }),
      );
      assert.deepEqual(
        fresh.events?.map((e) => e.message),
        ['[INFO] back up'],
      );
    } finally {
      await local.stop();
    }
  });

  it('interleaves the streams of a group by time with FilterLogEvents, pages forward', async () => {
    const start = Date.now() - HOUR;
    const all = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, startTime: start, limit: 100, nextToken }),
      );
      pages++;
      all.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    assert.equal(all.length, 16 + 180 + 240 + 40);
    assert.equal(pages, 5);
    const times = all.map((e) => e.timestamp!);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
    assert.equal(new Set(all.map((e) => e.logStreamName)).size, 4);
    assert.equal(new Set(all.map((e) => e.eventId)).size, all.length);
    assert.ok(all.every((e) => /^\d{56}$/.test(e.eventId ?? '')));
  });

  it('returns the newest events first with startFromHead=false, and refuses it before 2024', async () => {
    const startTime = Date.now() - HOUR;
    const page = await client.send(
      new FilterLogEventsCommand({
        logGroupName: OVERVIEW_LOG_GROUP,
        startTime,
        startFromHead: false,
        limit: 50,
      }),
    );
    const times = page.events?.map((e) => e.timestamp!) ?? [];
    assert.equal(times.length, 50);
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const older = await client.send(
      new FilterLogEventsCommand({
        logGroupName: OVERVIEW_LOG_GROUP,
        startTime,
        limit: 50,
        nextToken: page.nextToken,
      }),
    );
    assert.ok((older.events?.[0]?.timestamp ?? 0) <= times[times.length - 1], 'the token keeps the direction');
    const refused = await rejection(
      client.send(
        new FilterLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          startTime: Date.UTC(2023, 5, 1),
          startFromHead: false,
        }),
      ),
    );
    assert.equal(refused.name, 'InvalidParameterException');
  });

  it('matches filter patterns: terms, phrases, OR, exclusion, regular expressions', async () => {
    const match = async (filterPattern: string) =>
      (
        await client.send(
          new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, startTime: Date.now() - HOUR, filterPattern }),
        )
      ).events?.map((e) => e.message) ?? [];
    assert.deepEqual(await match('"Segmentation fault"'), [
      'Segmentation fault (core dumped)',
      'Segmentation fault (core dumped)',
    ]);
    assert.equal((await match('FATAL SIGSEGV')).length, 2);
    assert.ok((await match('?FATAL ?Segmentation')).length === 4);
    const errors = await match('ERROR -PhysicsWorld');
    assert.ok(errors.length > 0 && errors.every((m) => m?.includes('ERROR') && !m.includes('PhysicsWorld')));
    assert.equal((await match('%exited with code [0-9]+%')).length, 2);
    assert.deepEqual(await match('segmentation'), [], 'case sensitive');
    const refused = await rejection(
      client.send(
        new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, filterPattern: '{ $.level = "ERROR" }' }),
      ),
    );
    assert.equal(refused.name, 'InvalidParameterException');
  });

  it('reads some streams only, by name or prefix (not both)', async () => {
    const one = await client.send(
      new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, logStreamNames: [OVERVIEW_CRASH_STREAM] }),
    );
    assert.equal(one.events?.length, 16);
    const sidecar = await client.send(
      new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, logStreamNamePrefix: 'game-server-sidecar/' }),
    );
    assert.equal(sidecar.events?.length, 40);
    const both = await rejection(
      client.send(
        new FilterLogEventsCommand({
          logGroupName: OVERVIEW_LOG_GROUP,
          logStreamNames: [OVERVIEW_CRASH_STREAM],
          logStreamNamePrefix: 'game',
        }),
      ),
    );
    assert.equal(both.name, 'InvalidParameterException');
  });

  it('accepts the group ARN as logGroupIdentifier, not with :*, and not with a name', async () => {
    const arn = `arn:aws:logs:${OVERVIEW_REGION}:111122223333:log-group:${OVERVIEW_LOG_GROUP}`;
    const byArn = await client.send(
      new FilterLogEventsCommand({ logGroupIdentifier: arn, logStreamNames: [OVERVIEW_CRASH_STREAM] }),
    );
    assert.equal(byArn.events?.length, 16);
    for (const input of [
      { logGroupIdentifier: `${arn}:*` },
      { logGroupIdentifier: arn, logGroupName: OVERVIEW_LOG_GROUP },
      {},
    ]) {
      const error = await rejection(client.send(new FilterLogEventsCommand(input)));
      assert.equal(error.name, 'InvalidParameterException', JSON.stringify(input));
    }
    const missing = await rejection(client.send(new FilterLogEventsCommand({ logGroupName: '/aws/gamelift/nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, 'The specified log group does not exist.');
    const stream = await rejection(
      client.send(new GetLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, logStreamName: 'nope' })),
    );
    assert.equal(stream.name, 'ResourceNotFoundException');
    const forged = await rejection(
      client.send(new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, nextToken: 'not-a-token' })),
    );
    assert.equal(forged.name, 'InvalidParameterException');
    const limit = await rejection(
      client.send(new FilterLogEventsCommand({ logGroupName: OVERVIEW_LOG_GROUP, limit: 10_001 })),
    );
    assert.equal(limit.name, 'InvalidParameterException');
  });
});

describe('emulator CloudWatch Logs limits', () => {
  const scenario = (
    streams: Array<{
      name: string;
      lines?: Array<{ secondsAgo: number; message: string }>;
      generate?: { count: number; minutes: number };
    }>,
  ): Scenario => ({
    accounts: [
      {
        profile: 'local-dev',
        regions: {
          'us-west-2': [
            {
              fleetId: 'containerfleet-cccccccc-0000-4000-8000-000000000001',
              kind: 'container',
              containerLogs: { destination: 'CLOUDWATCH', logGroupName: '/limits', streams },
            },
          ],
        },
      },
    ],
  });

  it('stops an answer at about 1 MB', async () => {
    const long = 'x'.repeat(2000);
    const local = await startEmulator({
      scenario: scenario([
        {
          name: 's',
          lines: Array.from({ length: 1500 }, (_, i) => ({ secondsAgo: 1500 - i, message: `${i} ${long}` })),
        },
      ]),
    });
    try {
      const c = logsClientFor(local);
      const page = await c.send(new FilterLogEventsCommand({ logGroupName: '/limits' }));
      const bytes = (page.events ?? []).reduce((n, e) => n + Buffer.byteLength(e.message ?? '') + 26, 0);
      assert.ok(bytes <= 1_048_576 && bytes > 1_000_000, String(bytes));
      assert.ok(page.nextToken);
      const stream = await c.send(new GetLogEventsCommand({ logGroupName: '/limits', logStreamName: 's' }));
      assert.equal(stream.events?.length, page.events?.length);
    } finally {
      await local.stop();
    }
  });

  it('answers with an empty page and a token when a search scanned its budget without a match', async () => {
    const local = await startEmulator({
      scenario: scenario([{ name: 'busy', generate: { count: FILTER_SCAN_BUDGET + 5000, minutes: 30 } }]),
    });
    try {
      const c = logsClientFor(local);
      const first = await c.send(
        new FilterLogEventsCommand({ logGroupName: '/limits', filterPattern: '"no such line"' }),
      );
      assert.deepEqual(first.events, []);
      assert.ok(first.nextToken, 'more to search');
      const second = await c.send(
        new FilterLogEventsCommand({
          logGroupName: '/limits',
          filterPattern: '"no such line"',
          nextToken: first.nextToken,
        }),
      );
      assert.deepEqual(second.events, []);
      assert.equal(second.nextToken, undefined);
    } finally {
      await local.stop();
    }
  });
});
