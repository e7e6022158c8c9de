// The gatherer against the local endpoint through the real SDK: for every scenario fleet it
// reads what the diagnosis needs and comes to the story the fleet tells, with exactly the calls
// the issue budgets — the event pages since creation, one call per extra API, one download per
// log — and renews an expired log link once.
import * as assert from 'node:assert/strict';
import { gatherDiagnosis, logEventsToRead } from '../../../src/diagnosis';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import { startHarness, type EmulatorHarness } from '../gamelift/helpers/emulator';
import { EXPECTED_STORIES } from './expectedStories';

describe('diagnosis: gathering from the local endpoint', function () {
  this.timeout(60_000);
  let harness: EmulatorHarness;

  before(async () => {
    harness = await startHarness('default');
  });
  after(() => harness.stop());

  const gather = (fleetId: string, options: Partial<Parameters<typeof gatherDiagnosis>[2]> = {}) =>
    gatherDiagnosis(harness.client({ region: DIAGNOSIS_REGION }), fleetId, {
      now: () => harness.emulator.now(),
      allowedEndpoints: [harness.emulator.url],
      ...options,
    });

  for (const [key, expected] of Object.entries(EXPECTED_STORIES)) {
    it(`${key}: ${expected.verdict}, ${expected.id}`, async () => {
      const fleetId = DIAGNOSIS_FLEETS[key as keyof typeof DIAGNOSIS_FLEETS];
      harness.emulator.resetRequests();
      const { diagnosis, gaps } = await gather(fleetId);
      assert.deepEqual(gaps, []);
      assert.equal(diagnosis.fleetId, fleetId);
      assert.equal(diagnosis.verdict, expected.verdict, diagnosis.headline);
      assert.equal(diagnosis.id, expected.id, diagnosis.headline);
      assert.equal(diagnosis.phase.stoppedAt, expected.stoppedAt);
      for (const kind of expected.evidence)
        assert.ok(
          diagnosis.evidence.some((e) => e.kind === kind),
          `${kind} evidence: ${JSON.stringify(diagnosis.evidence)}`,
        );
    });
  }

  it('costs the event pages since creation, one call per extra API and one download per log', async () => {
    const fleetId = DIAGNOSIS_FLEETS.activationFailed;
    harness.emulator.resetRequests();
    const { events, logs } = await gather(fleetId, { pageSize: 10 });
    const count = (op: string) => harness.calls(op).length;
    const total = harness.emulator.state.getFleet(fleetId)!.events.length;
    assert.equal(events.length, total, 'every event since creation');
    assert.equal(count('DescribeFleetEvents'), Math.ceil(total / 10), 'one call per page of 10');
    assert.equal(count('DescribeFleetAttributes'), 1);
    assert.equal(count('DescribeRuntimeConfiguration'), 1);
    assert.equal(count('DescribeFleetLocationAttributes'), 1);
    assert.equal(count('GetObject'), logEventsToRead(events).length, 'one download per log');
    assert.equal(logs.length, logEventsToRead(events).length);
    assert.ok(logs.length >= 2, 'the creation logs and the crash log');
    // Runtime configuration and locations were asked while the event pages were read.
    const first = harness.calls('DescribeFleetEvents')[0].at;
    const last = harness.calls('DescribeFleetEvents').at(-1)!.at;
    assert.ok(harness.calls('DescribeRuntimeConfiguration')[0].at <= last && first <= last);
  });

  it('renews an expired log link once (one more DescribeFleetEvents each) and still reads the logs', async () => {
    const fleetId = DIAGNOSIS_FLEETS.installerCrlf;
    harness.emulator.resetRequests();
    try {
      const { diagnosis, logs, events } = await gather(fleetId, {
        // This host's clock says the links are fine; the endpoint's (S3's) has moved past their
        // 15 minutes between reading the events and downloading the logs, so it answers 403.
        now: () => Date.now(),
        onProgress: (what) => {
          if (/^Reading \d+ logs?$/.test(what)) harness.emulator.advanceClock(16 * 60_000);
        },
      });
      assert.equal(diagnosis.id, 'installer-failed');
      const n = logEventsToRead(events).length;
      assert.ok(n >= 2);
      assert.equal(logs.length, n, 'every log was read');
      const ok = (op: string) => harness.calls(op).filter((r) => r.status === 200).length;
      const refused = harness.calls('GetObject').filter((r) => r.status === 403 && r.errorCode === 'AccessDenied');
      assert.equal(refused.length, n, 'each expired link refused once');
      assert.equal(ok('GetObject'), n, 'then downloaded');
      const pages = Math.ceil(events.length / 500);
      assert.equal(ok('DescribeFleetEvents'), pages + n, 'the event pages, and one renewal per log');
    } finally {
      harness.emulator.resetClock();
    }
  });

  it('says a fleet that does not exist cannot be diagnosed', async () => {
    await assert.rejects(gather('fleet-00000000-0000-4000-8000-000000000000'), /No fleet fleet-0000/);
  });

  it('goes on without what it may not read, and says so', async () => {
    harness.emulator.setFaults({ rules: [{ kind: 'unauthorized', operations: ['DescribeRuntimeConfiguration'] }] });
    try {
      const { diagnosis, gaps } = await gather(DIAGNOSIS_FLEETS.installerCrlf);
      assert.equal(diagnosis.id, 'installer-failed');
      assert.equal(gaps.length, 1);
      assert.match(gaps[0], /runtime configuration could not be read/);
    } finally {
      harness.emulator.setFaults({ rules: [] });
    }
  });
});
