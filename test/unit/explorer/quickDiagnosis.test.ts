// The tree's diagnosis from loaded events: the same story as the full one where the loaded
// events hold it, an ACTIVE fleet judged on its recent window only, and a cap on what is read.
import * as assert from 'node:assert/strict';
import { diagnoseFleet } from '../../../src/diagnosis';
import { QUICK_MAX_EVENTS, quickDiagnosis } from '../../../src/explorer/model/quickDiagnosis';
import type { FleetEvent } from '../../../src/gamelift/types';
import { DIAGNOSIS_FLEETS } from '../../emulator/fixtures';
import { storyInput } from '../diagnosis/storyInput';

function loaded(fleetId: string): { input: ReturnType<typeof storyInput>; events: FleetEvent[] } {
  const input = storyInput(fleetId, { logs: false });
  const events = [...input.events]
    .map((e) => ({ ...e, fetchedAt: input.now }))
    .sort((a, b) => (b.eventTime ?? 0) - (a.eventTime ?? 0));
  return { input, events };
}

describe('explorer: the diagnosis from loaded events', () => {
  it('tells the story the loaded events hold, without logs', () => {
    for (const key of ['noInstances', 'validationTimeout', 'crashLoop', 'stuck', 'healthy'] as const) {
      const { input, events } = loaded(DIAGNOSIS_FLEETS[key]);
      const quick = quickDiagnosis(input.fleet, events, true, input.now);
      const full = diagnoseFleet(input);
      assert.equal(quick?.verdict, full.verdict, key);
      assert.equal(quick?.id, full.id, key);
    }
  });

  it('needs a status, and says the history is cut while more pages are left', () => {
    const { input, events } = loaded(DIAGNOSIS_FLEETS.validationTimeout);
    assert.equal(quickDiagnosis(undefined, events, true, input.now), undefined);
    assert.equal(quickDiagnosis({ fleetId: 'f' }, events, true, input.now), undefined);
    const cut = quickDiagnosis(input.fleet, events.slice(0, 3), false, input.now)!;
    assert.ok(cut.evidence.some((e) => /Only the newest 3 events were read/.test(e.text)));
  });

  it('reads an ACTIVE fleet’s recent window and at most QUICK_MAX_EVENTS', () => {
    const { input } = loaded(DIAGNOSIS_FLEETS.healthy);
    const old: FleetEvent[] = Array.from({ length: QUICK_MAX_EVENTS + 50 }, (_, i) => ({
      eventId: `e${i}`,
      eventCode: 'SERVER_PROCESS_CRASHED',
      eventTime: input.now - 10 * 24 * 3_600_000 - i * 1000,
      fetchedAt: input.now,
    }));
    const d = quickDiagnosis(input.fleet, old, true, input.now)!;
    assert.equal(d.verdict, 'healthy', 'crashes ten days ago are outside the window');
    const error = { ...input.fleet, status: 'ERROR' };
    const e = quickDiagnosis(error, old, true, input.now)!;
    assert.ok(
      e.evidence.some(
        (x) =>
          x.text.includes(`Only the newest ${QUICK_MAX_EVENTS.toLocaleString('en')}`) ||
          x.text.includes(`Only the newest ${QUICK_MAX_EVENTS}`),
      ),
      JSON.stringify(e.evidence.at(-1)),
    );
  });
});
