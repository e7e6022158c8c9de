// The fleet timeline inside a real VS Code, with an endpoint of its own (so events can be
// added): an open timeline follows the fleet's loaded events after a refresh, and marks the
// evidence of the fleet's diagnosis.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { FleetRef } from '../../src/gamelift/types';
import type { TimelineViewModel } from '../../src/timeline/protocol';
import type { TimelinesSnapshot } from '../../src/timeline/timelines';
import { DIAGNOSIS_FLEETS } from '../emulator/fixtures';
import type { RunningEmulator } from '../emulator/server';
import { waitFor } from './explorerSupport';
import { useOwnEndpoint, type OwnEndpoint } from './ownEndpoint';

describe('Fleet timeline follows the fleet (real VS Code, own endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let own: OwnEndpoint;

  async function openedFleet(fleetId: string): Promise<FleetRef> {
    const ref: FleetRef = { target: hooks.explorer.model.targets[0], fleetId };
    const connection = hooks.explorer.model.connection(ref.target);
    await connection.ensureLoaded();
    await hooks.explorer.model
      .fleet(
        ref,
        connection.fleets!.find((f) => f.fleetId === fleetId),
      )
      .ensureStarted();
    return ref;
  }

  const timelineOf = (ref: FleetRef, until: (m: TimelineViewModel) => boolean, what: string) =>
    waitFor(what, async () => {
      const s = await vscode.commands.executeCommand<TimelinesSnapshot>('gamelift.timeline._snapshot');
      const model = s.timelines.find((t) => t.ref.fleetId === ref.fleetId)?.model as TimelineViewModel | undefined;
      return model && until(model) ? model : undefined;
    });

  before(async () => {
    own = await useOwnEndpoint();
    ({ emulator, hooks } = own);
  });

  after(() => own.stop());

  it('shows the events loaded after a refresh, not the old ones', async () => {
    const ref = await openedFleet(DIAGNOSIS_FLEETS.crashLoop);
    const loaded = hooks.explorer.model.findFleet(ref)!.events.length;
    await vscode.commands.executeCommand('gamelift.showFleetTimeline', { ref });
    await timelineOf(ref, (m) => m.eventCount === loaded, `the timeline with ${loaded} events`);

    const added = emulator.state.addEvent(ref.fleetId, {
      eventCode: 'FLEET_SCALING_EVENT',
      message: 'Scaling: desired instances changed from 2 to 3.',
    });
    hooks.explorer.refreshFleet(ref);
    await hooks.explorer.model.findFleet(ref)!.ensureStarted();
    const after = await timelineOf(
      ref,
      (m) => m.lanes.some((l) => l.marks.some((k) => k.eventId === added.eventId)),
      'the refreshed events on the open timeline',
    );
    assert.strictEqual(after.eventCount, loaded + 1);
  });

  it('marks the evidence of the fleet’s diagnosis', async () => {
    const ref = await openedFleet(DIAGNOSIS_FLEETS.crashLoop);
    const diagnosis = hooks.explorer.model.findFleet(ref)!.diagnosis();
    assert.strictEqual(diagnosis?.verdict, 'degraded');
    const cited = new Set(diagnosis.evidence.flatMap((e) => (e.kind === 'event' && e.eventId ? [e.eventId] : [])));
    assert.ok(cited.size > 0, 'the diagnosis cites events');
    await vscode.commands.executeCommand('gamelift.showFleetTimeline', { ref });
    const model = await timelineOf(ref, (m) => m.diagnosisHeadline !== undefined, 'the timeline with the diagnosis');
    assert.strictEqual(model.diagnosisHeadline, diagnosis.headline);
    const marked = model.lanes.flatMap((l) => l.marks).filter((k) => k.evidence);
    assert.ok(marked.length > 0);
    for (const k of marked) assert.ok(cited.has(k.eventId), `${k.eventId} is cited`);
  });
});
