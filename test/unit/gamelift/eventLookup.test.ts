// "Get a fresh link": refetchEvent finds the same event again around its time (paging as
// needed) with a new presigned log URL, and says undefined when the event is gone.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { LOOKUP_MARGIN_MS, refetchEvent } from '../../../src/gamelift/eventLookup';
import { FleetEventPager } from '../../../src/gamelift/eventPager';
import { classifyError } from '../../../src/gamelift/errors';
import { isLogUrlExpired } from '../../../src/gamelift/logUrl';
import { DEFAULT_TEST_ACCOUNT } from '../../emulator/credentials';
import type { Scenario } from '../../emulator/server';
import { REGION, startHarness, type EmulatorHarness } from './helpers/emulator';

const FLEET = 'fleet-1ee7c0de-0000-4000-8000-00000000beef';
const CROWD_TIME_MINUTES_AGO = 90;

const SCENARIO: Scenario = {
  accounts: [
    {
      profile: DEFAULT_TEST_ACCOUNT.profile,
      regions: {
        [REGION]: [
          {
            fleetId: FLEET,
            name: 'lookup',
            events: [
              { code: 'SERVER_PROCESS_CRASHED', minutesAgo: 30, log: true, eventId: 'evt-with-log' },
              { code: 'FLEET_STATE_ACTIVE', minutesAgo: 60, eventId: 'evt-plain' },
            ],
          },
        ],
      },
    },
  ],
};

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('refetchEvent (local endpoint, real SDK)', () => {
  let h: EmulatorHarness;
  // The endpoint's clock follows real time (SigV4 rejects skewed requests) plus what the test adds.
  let offset = 0;
  const clock = () => Date.now() + offset;
  before(async () => {
    h = await startHarness(SCENARIO, { now: clock });
  });
  after(async () => h.stop());
  beforeEach(() => h.emulator.resetRequests());

  it('finds the event again with a new, working log URL once the old one expired', async () => {
    const fetchedAt = clock();
    const pager = new FleetEventPager(h.client(), FLEET, {}, 10, { now: () => fetchedAt });
    await pager.loadNextPage();
    const original = pager.events.find((e) => e.eventId === 'evt-with-log')!;
    assert.ok(original.preSignedLogUrl, 'the event has a log');
    assert.equal(await httpStatus(original.preSignedLogUrl), 200);

    // Sixteen minutes later (the SDK corrects its clock skew against the endpoint by itself).
    offset += 16 * 60_000;
    const later = clock();
    assert.equal(isLogUrlExpired(original, later), true);
    assert.equal(await httpStatus(original.preSignedLogUrl), 403, 'the endpoint agrees the old link expired');

    h.emulator.resetRequests();
    const fresh = await refetchEvent(h.client(), FLEET, original, { now: () => later });
    assert.ok(fresh);
    assert.equal(fresh.eventId, original.eventId);
    assert.equal(fresh.eventTime, original.eventTime);
    assert.equal(fresh.fetchedAt, later);
    assert.notEqual(fresh.preSignedLogUrl, original.preSignedLogUrl);
    assert.equal(isLogUrlExpired(fresh, later), false);
    assert.equal(await httpStatus(fresh.preSignedLogUrl!), 200);

    const [call] = h.calls('DescribeFleetEvents').filter((c) => c.status === 200);
    assert.equal(Math.round(Number(call.input?.StartTime) * 1000), original.eventTime! - LOOKUP_MARGIN_MS);
    assert.equal(Math.round(Number(call.input?.EndTime) * 1000), original.eventTime! + LOOKUP_MARGIN_MS);
  });

  it('pages through a crowd of events at the same moment to find it', async () => {
    const at = clock() - CROWD_TIME_MINUTES_AGO * 60_000;
    for (let i = 0; i < 250; i++) {
      h.emulator.state.addEvent(FLEET, {
        eventCode: 'FLEET_SCALING_EVENT',
        eventTime: at,
        eventId: `crowd-${String(i).padStart(4, '0')}`,
      });
    }
    // "zzz" sorts after every crowd-* id at the same time, so it is on the last page.
    h.emulator.state.addEvent(FLEET, {
      eventCode: 'SERVER_PROCESS_CRASHED',
      eventTime: at,
      eventId: 'zzz-needle',
      hasLog: true,
    });
    const found = await refetchEvent(h.client(), FLEET, { eventId: 'zzz-needle', eventTime: at });
    assert.equal(found?.eventId, 'zzz-needle');
    assert.ok(found?.preSignedLogUrl);
    assert.equal(h.calls('DescribeFleetEvents').filter((c) => c.status === 200).length, 3);
  });

  it('returns undefined when the event is gone', async () => {
    const gone = await refetchEvent(h.client(), FLEET, {
      eventId: 'evt-that-never-was',
      eventTime: clock() - 30 * 60_000,
    });
    assert.equal(gone, undefined);
  });

  it('reports a deleted fleet as notFound', async () => {
    h.emulator.state.deleteFleet(FLEET);
    const error = await refetchEvent(h.client(), FLEET, { eventId: 'evt-plain', eventTime: clock() }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.equal(classifyError(error, { fleetId: FLEET }).kind, 'notFound');
  });
});
