// Quiet watching inside a real VS Code, with an endpoint of its own (so fleets can change
// state): only fleets whose events were opened are polled, with one status call and one
// events call each and no listing; reaching ACTIVE or ERROR (with Diagnose) is announced; with
// `gamelift.watch.activeFleets` an ACTIVE fleet whose diagnosis turns degraded is too; and the
// timer polls nothing while the Fleets view is hidden.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DiagnosisPanelSnapshot } from '../../src/fleetDiagnosis/diagnosisPanel';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import type { FleetRef } from '../../src/gamelift/types';
import { DIAGNOSIS_FLEETS } from '../emulator/fixtures';
import type { RunningEmulator } from '../emulator/server';
import { ScriptedPrompts, setSetting, waitFor } from './explorerSupport';
import { useOwnEndpoint, type OwnEndpoint } from './ownEndpoint';

describe('Quiet watching (real VS Code, own endpoint)', function () {
  this.timeout(120_000);
  let emulator: RunningEmulator;
  let hooks: ExplorerTestHooks;
  let own: OwnEndpoint;

  const refOf = (fleetId: string): FleetRef => ({ target: hooks.explorer.model.targets[0], fleetId });
  const callsFor = (fleetId: string) =>
    emulator.requests.filter(
      (r) =>
        r.input?.FleetId === fleetId ||
        (Array.isArray(r.input?.FleetIds) && (r.input.FleetIds as unknown[]).includes(fleetId)),
    );

  /** The fleet's state as the tree knows it (listed, with its status), its events opened or not. */
  async function fleet(fleetId: string, open: boolean) {
    const ref = refOf(fleetId);
    const connection = hooks.explorer.model.connection(ref.target);
    await connection.ensureLoaded();
    const state = hooks.explorer.model.fleet(
      ref,
      connection.fleets!.find((f) => f.fleetId === fleetId),
    );
    if (open) await state.ensureStarted();
    return { ref, state };
  }

  before(async () => {
    own = await useOwnEndpoint();
    ({ emulator, hooks } = own);
  });

  after(() => own.stop());

  it('polls only fleets whose events were opened: one status call and one events call, no listing', async () => {
    const { state } = await fleet(DIAGNOSIS_FLEETS.stuck, false);
    assert.strictEqual(state.summary?.status, 'ACTIVATING');
    emulator.resetRequests();
    await hooks.watcher.tick();
    assert.deepStrictEqual(callsFor(DIAGNOSIS_FLEETS.stuck), [], 'a fleet never opened is not polled');
    assert.ok(!emulator.requests.some((r) => r.operation === 'ListFleets'), 'no listing');

    await state.ensureStarted();
    emulator.resetRequests();
    await hooks.watcher.tick();
    assert.deepStrictEqual(
      callsFor(DIAGNOSIS_FLEETS.stuck).map((r) => r.operation),
      ['DescribeFleetAttributes', 'DescribeFleetEvents'],
    );
    assert.ok(!emulator.requests.some((r) => r.operation === 'ListFleets'), 'no listing');
  });

  it('announces a watched fleet reaching ACTIVE', async () => {
    const { ref } = await fleet(DIAGNOSIS_FLEETS.stuck, true);
    const prompts = new ScriptedPrompts({ message: [{ match: /is ACTIVE/, answer: undefined }] });
    hooks.prompts.current = prompts;
    await hooks.watcher.tick(); // the baseline
    emulator.state.addEvent(ref.fleetId, {
      eventCode: 'FLEET_STATE_ACTIVE',
      message: 'Fleet changed state to ACTIVE.',
    });
    emulator.state.setFleetStatus(ref.fleetId, 'ACTIVE');
    await hooks.watcher.tick();
    assert.deepStrictEqual(prompts.messages, ['GameLift: diag-stuck is ACTIVE.']);
  });

  it('announces a watched fleet going to ERROR, and Diagnose opens its diagnosis', async () => {
    const { ref, state } = await fleet(DIAGNOSIS_FLEETS.containerPorts, true);
    const prompts = new ScriptedPrompts({ message: [{ match: /went to ERROR/, answer: 'Diagnose' }] });
    hooks.prompts.current = prompts;
    await hooks.watcher.tick();
    emulator.state.addEvent(ref.fleetId, {
      eventCode: 'FLEET_STATE_ERROR',
      message: 'Fleet changed state from ACTIVATING to ERROR.',
    });
    emulator.state.setFleetStatus(ref.fleetId, 'ERROR');
    await hooks.watcher.tick();
    assert.strictEqual(prompts.messages.length, 1, prompts.messages.join(' | '));
    // A container fleet is named by its game server container group.
    assert.strictEqual(
      prompts.messages[0].startsWith(`GameLift: ${state.summary!.name} went to ERROR`),
      true,
      prompts.messages[0],
    );
    const panel = await waitFor('the diagnosis panel', async () =>
      (await vscode.commands.executeCommand<DiagnosisPanelSnapshot[]>('gamelift.diagnosis._snapshot')).find(
        (p) => p.ref.fleetId === ref.fleetId && p.state === 'done',
      ),
    );
    assert.strictEqual(panel.model?.verdict, 'failed');
  });

  it('with gamelift.watch.activeFleets, announces an ACTIVE fleet whose diagnosis turns degraded', async () => {
    await setSetting('watch.activeFleets', true);
    const { ref } = await fleet(DIAGNOSIS_FLEETS.healthy, true);
    const prompts = new ScriptedPrompts({ message: [{ match: /unwell/, answer: undefined }] });
    hooks.prompts.current = prompts;
    await hooks.watcher.tick();
    assert.deepStrictEqual(prompts.messages, [], 'healthy: nothing to say');
    for (let i = 0; i < 8; i++)
      emulator.state.addEvent(ref.fleetId, {
        eventCode: 'SERVER_PROCESS_CRASHED',
        message: 'Server process exited with code 139 (SIGSEGV).',
        eventTime: emulator.now() - i * 60_000,
      });
    await hooks.watcher.tick();
    assert.strictEqual(prompts.messages.length, 1, prompts.messages.join(' | '));
    assert.match(prompts.messages[0], /^GameLift: diag-healthy is ACTIVE but unwell: /);
    await setSetting('watch.activeFleets', undefined);
  });

  it('polls nothing on its timer while the Fleets view is hidden, and catches up when it is shown', async () => {
    const { ref } = await fleet(DIAGNOSIS_FLEETS.noProcessReady, true);
    hooks.prompts.current = new ScriptedPrompts({ message: [{ match: /./, answer: undefined }] });
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Fleets view hidden', () => (hooks.explorer.view.visible ? undefined : true));
    await setSetting('watch.intervalSeconds', 1);
    try {
      emulator.resetRequests();
      await new Promise((r) => setTimeout(r, 2500));
      assert.deepStrictEqual(callsFor(ref.fleetId), [], 'hidden: no polls');
      await vscode.commands.executeCommand('workbench.view.extension.gamelift');
      await waitFor('a poll once the view is shown', () =>
        callsFor(ref.fleetId).some((r) => r.operation === 'DescribeFleetEvents') ? true : undefined,
      );
    } finally {
      await setSetting('watch.intervalSeconds', 0);
    }
  });
});
