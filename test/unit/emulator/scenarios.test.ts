// The scenario files: the default one covers all 57 event codes plus an unknown future code,
// tells a believable failed-activation story, is the same on every load, and its well-known
// fleet IDs exist; hostile payloads reach the SDK untouched; `extends`, `empty` and the
// control endpoints for state work.
import {
  DescribeFleetAttributesCommand,
  DescribeFleetEventsCommand,
  ListFleetsCommand,
} from '@aws-sdk/client-gamelift';
import * as assert from 'node:assert/strict';
import eventCodes from '../../../src/gamelift/data/eventCodes.json';
import { TEST_ACCOUNTS } from '../../emulator/credentials';
import { DEFAULT_FLEETS, HOSTILE_FLEET, UNKNOWN_EVENT_CODE } from '../../emulator/fixtures';
import { readScenario } from '../../emulator/scenario';
import { type RunningEmulator, startEmulator } from '../../emulator/server';
import type { EmulatorState } from '../../emulator/state';
import { clientFor } from './helpers';

const KNOWN_CODES = eventCodes.eventCodes.map((c) => c.code);

describe('emulator scenarios', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ scenario: 'default' });
  });
  after(() => emulator.stop());

  const allCodes = (state: EmulatorState) =>
    new Set(state.allFleets().flatMap((f) => f.events.map((e) => e.eventCode)));

  it('default: events cover all 57 catalog codes, plus one unknown future code', () => {
    assert.equal(KNOWN_CODES.length, 57);
    const codes = allCodes(emulator.state);
    const missing = KNOWN_CODES.filter((c) => !codes.has(c));
    assert.deepEqual(missing, []);
    const unknown = [...codes].filter((c) => !KNOWN_CODES.includes(c));
    assert.deepEqual(unknown, [UNKNOWN_EVENT_CODE]);
  });

  it('default: codes outside the generated busy fleet still cover every code (the demo shows them without paging)', () => {
    const codes = new Set(
      emulator.state
        .allFleets()
        .filter((f) => f.fleetId !== DEFAULT_FLEETS.busy)
        .flatMap((f) => f.events.map((e) => e.eventCode)),
    );
    assert.deepEqual(
      KNOWN_CODES.filter((c) => !codes.has(c)),
      [],
    );
  });

  it('default: every well-known fleet exists with the state its name promises', () => {
    const expectations: Array<[keyof typeof DEFAULT_FLEETS, string, string, string]> = [
      ['busy', '111122223333', 'us-west-2', 'ACTIVE'],
      ['failedActivation', '111122223333', 'us-west-2', 'ERROR'],
      ['activating', '111122223333', 'us-west-2', 'ACTIVATING'],
      ['downloading', '111122223333', 'us-west-2', 'DOWNLOADING'],
      ['deleting', '111122223333', 'us-west-2', 'DELETING'],
      ['container', '111122223333', 'us-west-2', 'ACTIVE'],
      ['spot', '111122223333', 'us-west-2', 'ACTIVE'],
      ['anywhere', '111122223333', 'us-west-2', 'ACTIVE'],
      ['euActive', '111122223333', 'eu-west-1', 'ACTIVE'],
      ['euValidationFailed', '111122223333', 'eu-west-1', 'ERROR'],
      ['euNoInstances', '111122223333', 'eu-west-1', 'ERROR'],
      ['qaSmoke', '444455556666', 'us-west-2', 'ACTIVE'],
      ['qaSoak', '444455556666', 'us-west-2', 'ERROR'],
    ];
    for (const [key, account, region, status] of expectations) {
      const fleet = emulator.state.getFleet(DEFAULT_FLEETS[key], account, region);
      assert.ok(fleet, `${key} exists in ${account}/${region}`);
      assert.equal(fleet.status, status, key);
    }
    assert.equal(emulator.state.getFleet(DEFAULT_FLEETS.container)?.kind, 'container');
    assert.equal(emulator.state.getFleet(DEFAULT_FLEETS.anywhere)?.kind, 'anywhere');
    assert.equal(emulator.state.getFleet(DEFAULT_FLEETS.spot)?.fleetType, 'SPOT');
    assert.ok(emulator.state.events(DEFAULT_FLEETS.busy).length >= 4000);
    assert.ok(emulator.state.events(DEFAULT_FLEETS.anywhere).some((e) => e.eventCode === UNKNOWN_EVENT_CODE));
  });

  it('default: some events have logs and some have counts; messages read like the service', () => {
    const events = emulator.state.allFleets().flatMap((f) => f.events);
    assert.ok(events.filter((e) => e.hasLog).length >= 5);
    assert.ok(events.filter((e) => (e.count ?? 0) > 1).length >= 5);
    assert.ok(events.every((e) => e.message.length > 0 && (e.count === undefined || (e.count >= 1 && e.count <= 101))));
    const windows = emulator.state
      .events(DEFAULT_FLEETS.euValidationFailed)
      .find((e) => e.eventCode === 'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND');
    assert.match(windows?.message ?? '', /C:\\game/, 'a Windows fleet gets a Windows launch path');
  });

  it('default: time-range presets find events (last hour, last day, last week, older)', () => {
    const now = Date.now();
    const times = emulator.state.events(DEFAULT_FLEETS.busy).map((e) => now - e.eventTime);
    const hour = 3_600_000;
    assert.ok(times.some((t) => t < hour));
    assert.ok(times.some((t) => t > hour && t < 24 * hour));
    assert.ok(times.some((t) => t > 24 * hour && t < 7 * 24 * hour));
    assert.ok(times.some((t) => t > 7 * 24 * hour));
    assert.ok(
      times.every((t) => t >= 0),
      'no event in the future',
    );
  });

  it('loads the same fleets and event IDs every time', async () => {
    const again = await startEmulator({ scenario: 'default' });
    try {
      const ids = (s: EmulatorState) => s.allFleets().map((f) => [f.fleetId, f.events.map((e) => e.eventId).join(',')]);
      assert.deepEqual(ids(again.state), ids(emulator.state));
      const sample = (s: EmulatorState) =>
        s
          .events(DEFAULT_FLEETS.busy)
          .slice(0, 50)
          .map((e) => e.message);
      assert.deepEqual(sample(again.state), sample(emulator.state));
    } finally {
      await again.stop();
    }
  });

  it('hostile: payloads reach the SDK byte for byte', async () => {
    const hostile = await startEmulator({ scenario: 'hostile' });
    try {
      const client = clientFor(hostile);
      const attrs = await client.send(new DescribeFleetAttributesCommand({ FleetIds: [HOSTILE_FLEET] }));
      assert.match(attrs.FleetAttributes?.[0].Name ?? '', /<img src=x onerror=/);
      const out = await client.send(new DescribeFleetEventsCommand({ FleetId: HOSTILE_FLEET }));
      const events = out.Events ?? [];
      const held = hostile.state.events(HOSTILE_FLEET);
      assert.deepEqual(
        events.map((e) => [e.EventId, e.EventCode, e.ResourceId, e.Message]),
        held.map((e) => [e.eventId, e.eventCode, e.resourceId, e.message]),
      );
      const joined = JSON.stringify(events);
      for (const needle of [
        '</script><script>',
        'onerror=',
        'javascript:',
        "' onmouseover='",
        '" onfocus="',
        '\u202e',
      ]) {
        assert.ok(joined.includes(needle.replace(/"/g, '\\"')), `payload ${needle} present`);
      }
      assert.ok(
        events.some((e) => !KNOWN_CODES.includes(e.EventCode ?? '')),
        'a hostile EventCode that no catalog knows',
      );
      assert.ok(events.some((e) => e.PreSignedLogUrl?.startsWith('javascript:')));
      assert.ok(events.some((e) => e.PreSignedLogUrl?.startsWith('data:')));
      assert.ok(
        events.some((e) => e.PreSignedLogUrl?.startsWith(hostile.url)),
        'and one real log URL',
      );
    } finally {
      await hostile.stop();
    }
  });

  it('empty: both accounts answer with no fleets', async () => {
    const empty = await startEmulator({ scenario: 'empty' });
    try {
      for (const account of TEST_ACCOUNTS) {
        assert.deepEqual((await clientFor(empty, { account }).send(new ListFleetsCommand({}))).FleetIds, []);
      }
    } finally {
      await empty.stop();
    }
  });

  it('extends: flaky adds faults to the default fleets', () => {
    const flaky = readScenario('flaky');
    const base = readScenario('default');
    assert.deepEqual(flaky.accounts, base.accounts);
    assert.equal(flaky.faults?.latencyMs, 80);
  });

  it('takes a scenario object and refuses an unknown scenario name', async () => {
    const custom = await startEmulator({
      scenario: {
        accounts: [
          {
            profile: 'local-qa',
            regions: { 'ap-northeast-1': [{ fleetId: 'fleet-custom-1', name: 'tokyo', story: 'activated' }] },
          },
        ],
      },
    });
    try {
      const out = await clientFor(custom, { account: TEST_ACCOUNTS[1], region: 'ap-northeast-1' }).send(
        new ListFleetsCommand({}),
      );
      assert.deepEqual(out.FleetIds, ['fleet-custom-1']);
    } finally {
      await custom.stop();
    }
    await assert.rejects(startEmulator({ scenario: 'no-such-scenario' }), /not found/);
  });

  it('control endpoints show state and events, add events and delete fleets', async () => {
    const local = await startEmulator({ scenario: 'default' });
    try {
      const state = (await (await fetch(`${local.url}/__emulator/state`)).json()) as {
        fleets: Array<{ fleetId: string; eventCount: number }>;
      };
      assert.equal(state.fleets.length, local.state.allFleets().length);
      assert.equal(
        state.fleets.find((f) => f.fleetId === DEFAULT_FLEETS.busy)?.eventCount,
        local.state.events(DEFAULT_FLEETS.busy).length,
      );
      const events = (await (await fetch(`${local.url}/__emulator/events?fleetId=${DEFAULT_FLEETS.spot}`)).json()) as {
        events: Array<{ eventId: string; message: string }>;
      };
      assert.deepEqual(
        events.events.map((e) => e.eventId),
        local.state.events(DEFAULT_FLEETS.spot).map((e) => e.eventId),
      );
      const added = await fetch(`${local.url}/__emulator/events`, {
        method: 'POST',
        body: JSON.stringify({
          fleetId: DEFAULT_FLEETS.spot,
          event: { eventCode: 'INSTANCE_INTERRUPTED', message: 'Spot instance interrupted.' },
        }),
      });
      assert.equal(added.status, 200);
      const first = await clientFor(local).send(
        new DescribeFleetEventsCommand({ FleetId: DEFAULT_FLEETS.spot, Limit: 1 }),
      );
      assert.equal(first.Events?.[0].Message, 'Spot instance interrupted.');
      await fetch(`${local.url}/__emulator/fleets/delete`, {
        method: 'POST',
        body: JSON.stringify({ fleetId: DEFAULT_FLEETS.spot }),
      });
      assert.equal(local.state.getFleet(DEFAULT_FLEETS.spot), undefined);
      // the control path is not an AWS operation: a signed POST / never reaches it
      assert.equal((await fetch(`${local.url}/__emulator/nothing`)).status, 404);
    } finally {
      await local.stop();
    }
  });
});
