// An endpoint of a test file's own, so its tests can change fleets and events: started in this
// process, put in use by the explorer (the diagnosis scenario's Region, all events, no
// watching timer) until \`stop\`, which puts the settings back.
import * as vscode from 'vscode';
import type { ExplorerTestHooks } from '../../src/explorer/testHooks';
import { DIAGNOSIS_REGION } from '../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { explorerHooks, setSetting, snapshotSettings, waitFor } from './explorerSupport';

export interface OwnEndpoint {
  readonly emulator: RunningEmulator;
  readonly hooks: ExplorerTestHooks;
  stop(): Promise<void>;
}

export async function useOwnEndpoint(): Promise<OwnEndpoint> {
  const emulator = await startEmulator({ port: 0, scenario: 'default' });
  const hooks = await explorerHooks();
  const restoreSettings = snapshotSettings();
  await setSetting('watch.intervalSeconds', 0);
  await setSetting('events.defaultTimeRange', 'all');
  await setSetting('endpoint', emulator.url);
  await setSetting('regions', [DIAGNOSIS_REGION]);
  await waitFor('the endpoint in use', () =>
    hooks.explorer.model.targets[0]?.endpoint === emulator.url &&
    hooks.explorer.model.targets[0]?.region === DIAGNOSIS_REGION
      ? true
      : undefined,
  );
  return {
    emulator,
    hooks,
    async stop() {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restoreSettings();
      await emulator.stop();
    },
  };
}
