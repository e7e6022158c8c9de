// DescribeFleetEvents through the real SDK: paging over thousands of events returns each once,
// newest first; time windows; fleet ARNs; tokens bound to their query; validation errors;
// NotFound for unknown fleets and for a fleet deleted between pages; events added mid-paging.
import {
  DescribeFleetEventsCommand,
  type Event,
  type GameLiftClient,
  paginateDescribeFleetEvents,
} from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import { DEFAULT_FLEETS } from '../../emulator/fixtures';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import { clientFor, rejection } from './helpers';

async function allEvents(
  client: GameLiftClient,
  input: { FleetId: string; StartTime?: Date; EndTime?: Date },
  pageSize: number,
): Promise<{ events: Event[]; pages: number }> {
  const events: Event[] = [];
  let pages = 0;
  for await (const page of paginateDescribeFleetEvents({ client, pageSize }, input)) {
    pages++;
    events.push(...(page.Events ?? []));
  }
  return { events, pages };
}

describe('emulator DescribeFleetEvents', () => {
  let emulator: RunningEmulator;
  let client: GameLiftClient;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
    client = clientFor(emulator);
  });
  after(() => emulator.stop());

  it('pages over thousands of events: every event exactly once, newest first', async () => {
    const held = emulator.state.events(DEFAULT_FLEETS.busy);
    assert.ok(held.length > 4000, `busy fleet holds ${held.length} events`);
    emulator.resetRequests();
    const { events, pages } = await allEvents(client, { FleetId: DEFAULT_FLEETS.busy }, 250);
    assert.equal(pages, Math.ceil(held.length / 250));
    assert.equal(emulator.requests.length, pages);
    assert.deepEqual(
      events.map((e) => e.EventId),
      held.map((e) => e.eventId),
    );
    assert.equal(new Set(events.map((e) => e.EventId)).size, held.length);
    for (let i = 1; i < events.length; i++) {
      assert.ok(
        events[i - 1].EventTime!.getTime() >= events[i].EventTime!.getTime(),
        `event ${i} is newer than the one before it`,
      );
    }
  });

  it('returns the modelled Event members', async () => {
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.failedActivation }));
    const events = out.Events ?? [];
    const held = emulator.state.events(DEFAULT_FLEETS.failedActivation);
    assert.equal(events.length, held.length);
    for (const [i, e] of events.entries()) {
      assert.equal(e.EventId, held[i].eventId);
      assert.equal(e.ResourceId, DEFAULT_FLEETS.failedActivation);
      assert.equal(e.EventCode, held[i].eventCode);
      assert.equal(e.Message, held[i].message);
      assert.equal(e.EventTime?.getTime(), held[i].eventTime);
      assert.equal(e.Count, held[i].count);
      assert.equal(e.PreSignedLogUrl !== undefined, held[i].hasLog);
    }
    const story = [...events].reverse().map((e) => e.EventCode);
    assert.equal(story[0], 'FLEET_CREATED');
    assert.equal(story[story.length - 1], 'FLEET_STATE_ERROR');
    assert.ok(story.indexOf('FLEET_STATE_DOWNLOADING') < story.indexOf('FLEET_STATE_VALIDATING'));
    assert.ok(story.indexOf('SERVER_PROCESS_CRASHED') < story.indexOf('FLEET_ACTIVATION_FAILED'));
    assert.ok(events.some((e) => (e.Count ?? 0) > 1));
  });

  it('filters by StartTime and EndTime (inclusive) across pages', async () => {
    const held = emulator.state.events(DEFAULT_FLEETS.busy);
    const end = held[100].eventTime;
    const start = held[1100].eventTime;
    const expected = held.filter((e) => e.eventTime >= start && e.eventTime <= end).map((e) => e.eventId);
    const { events } = await allEvents(
      client,
      { FleetId: DEFAULT_FLEETS.busy, StartTime: new Date(start), EndTime: new Date(end) },
      97,
    );
    assert.deepEqual(
      events.map((e) => e.EventId),
      expected,
    );
    assert.ok(expected.length >= 1001);
    const lastHour = await allEvents(
      client,
      { FleetId: DEFAULT_FLEETS.busy, StartTime: new Date(Date.now() - 3_600_000) },
      100,
    );
    assert.ok(lastHour.events.length > 0, 'the busy fleet has events in the last hour');
    assert.ok(lastHour.events.every((e) => e.EventTime!.getTime() >= Date.now() - 3_600_000 - 60_000));
  });

  it('returns an empty list for a window without events', async () => {
    const out = await client.send(
      new DescribeFleetEventsCommand({
        FleetId: DEFAULT_FLEETS.failedActivation,
        StartTime: new Date(Date.now() + 60_000),
        EndTime: new Date(Date.now() + 120_000),
      }),
    );
    assert.deepEqual(out.Events, []);
    assert.equal(out.NextToken, undefined);
  });

  it('accepts a fleet ARN, but not an ARN of another account or region', async () => {
    const arn = `arn:aws:gamelift:us-west-2:111122223333:fleet/${DEFAULT_FLEETS.failedActivation}`;
    const out = await client.send(new DescribeFleetEventsCommand({ FleetId: arn, Limit: 3 }));
    assert.equal(out.Events?.length, 3);
    const containerArn = `arn:aws:gamelift:us-west-2:111122223333:containerfleet/${DEFAULT_FLEETS.container}`;
    assert.ok(((await client.send(new DescribeFleetEventsCommand({ FleetId: containerArn }))).Events ?? []).length > 0);
    const wrongAccount = await rejection(
      client.send(
        new DescribeFleetEventsCommand({
          FleetId: `arn:aws:gamelift:us-west-2:444455556666:fleet/${DEFAULT_FLEETS.failedActivation}`,
        }),
      ),
    );
    assert.equal(wrongAccount.name, 'NotFoundException');
    const otherRegion = await rejection(
      client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.euActive })),
    );
    assert.equal(otherRegion.name, 'NotFoundException');
  });

  it('answers NotFoundException (400) for an unknown fleet', async () => {
    const failure = await rejection(
      client.send(new DescribeFleetEventsCommand({ FleetId: 'fleet-00000000-0000-4000-8000-000000000000' })),
    );
    assert.equal(failure.name, 'NotFoundException');
    assert.equal(failure.status, 400);
  });

  it('validates FleetId, Limit, NextToken and the time window with InvalidRequestException', async () => {
    const cases: Array<[string, ConstructorParameters<typeof DescribeFleetEventsCommand>[0]]> = [
      ['bad fleet id', { FleetId: 'alias-1234' }],
      ['upper-case prefix', { FleetId: 'Fleet-1234' }],
      ['too long', { FleetId: `fleet-${'a'.repeat(520)}` }],
      ['limit 0', { FleetId: DEFAULT_FLEETS.busy, Limit: 0 }],
      ['negative limit', { FleetId: DEFAULT_FLEETS.busy, Limit: -5 }],
      ['long token', { FleetId: DEFAULT_FLEETS.busy, NextToken: 'x'.repeat(1025) }],
      ['forged token', { FleetId: DEFAULT_FLEETS.busy, NextToken: 'not-a-real-token' }],
      [
        'start after end',
        { FleetId: DEFAULT_FLEETS.busy, StartTime: new Date(Date.now()), EndTime: new Date(Date.now() - 60_000) },
      ],
    ];
    for (const [label, input] of cases) {
      const failure = await rejection(client.send(new DescribeFleetEventsCommand(input)));
      assert.equal(failure.name, 'InvalidRequestException', label);
      assert.equal(failure.status, 400, label);
    }
  });

  it('binds NextToken to its query: reuse with another fleet or window is refused', async () => {
    const first = await client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.busy, Limit: 10 }));
    assert.ok(first.NextToken && first.NextToken.length <= 1024);
    const otherFleet = await rejection(
      client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, NextToken: first.NextToken })),
    );
    assert.equal(otherFleet.name, 'InvalidRequestException');
    const otherWindow = await rejection(
      client.send(
        new DescribeFleetEventsCommand({
          FleetId: DEFAULT_FLEETS.busy,
          StartTime: new Date(0),
          NextToken: first.NextToken,
        }),
      ),
    );
    assert.equal(otherWindow.name, 'InvalidRequestException');
    // A different Limit on the next page is fine.
    const next = await client.send(
      new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.busy, Limit: 5, NextToken: first.NextToken }),
    );
    assert.deepEqual(
      next.Events?.map((e) => e.EventId),
      emulator.state
        .events(DEFAULT_FLEETS.busy)
        .slice(10, 15)
        .map((e) => e.eventId),
    );
    const tampered = first.NextToken.slice(0, -2) + (first.NextToken.endsWith('AA') ? 'BB' : 'AA');
    assert.equal(
      (
        await rejection(
          client.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.busy, NextToken: tampered })),
        )
      ).name,
      'InvalidRequestException',
    );
  });

  it('keeps paging stable when newer events arrive between pages', async () => {
    const local = await startEmulator({ scenario: 'default' });
    try {
      const c = clientFor(local);
      const before = local.state.events(DEFAULT_FLEETS.spot).map((e) => e.eventId);
      const first = await c.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 4 }));
      const added = local.state.addEvent(DEFAULT_FLEETS.spot, {
        eventCode: 'FLEET_SCALING_EVENT',
        message: 'Desired instances changed from 4 to 5.',
      });
      assert.equal(local.state.events(DEFAULT_FLEETS.spot)[0].eventId, added.eventId, 'the new event is the newest');
      const ids = [...(first.Events ?? []).map((e) => e.EventId)];
      let token = first.NextToken;
      while (token) {
        const page = await c.send(
          new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 4, NextToken: token }),
        );
        ids.push(...(page.Events ?? []).map((e) => e.EventId));
        token = page.NextToken;
      }
      assert.deepEqual(ids, before, 'no event repeated or skipped; the new one shows on the next first page');
      const again = await c.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 1 }));
      assert.equal(again.Events?.[0].EventId, added.eventId);
      assert.equal(again.Events?.[0].EventCode, 'FLEET_SCALING_EVENT');
    } finally {
      await local.stop();
    }
  });

  it('answers NotFoundException for a fleet deleted between pages', async () => {
    const local = await startEmulator({ scenario: 'default' });
    try {
      const c = clientFor(local);
      const first = await c.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 2 }));
      local.state.deleteFleet(DEFAULT_FLEETS.spot);
      const failure = await rejection(
        c.send(new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 2, NextToken: first.NextToken })),
      );
      assert.equal(failure.name, 'NotFoundException');
    } finally {
      await local.stop();
    }
  });
});
