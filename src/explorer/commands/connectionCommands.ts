// "Select profile" (multi-select from the shared config files) and "Select regions"
// (multi-select). Both write the user's settings; the tree rebuilds from the change.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import { listProfiles } from '../../gamelift/profiles';
import { redactSecrets } from '../../gamelift/redact';
import type { ExtensionDeps } from '../../deps';
import { settingId } from '../../settings/table';
import type { ExplorerView } from '../explorerView';
import type { Prompts } from '../prompts';

/** Regions where GameLift runs (home regions); the picker also keeps any region already set. */
export const GAMELIFT_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'cn-north-1',
  'cn-northwest-1',
];

type Deps = Pick<ExtensionDeps, 'log' | 'settings'>;

export function registerConnectionCommands(explorer: ExplorerView, prompts: Prompts, deps: Deps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMAND.selectProfile, () => selectProfile(explorer, prompts, deps)),
    vscode.commands.registerCommand(COMMAND.selectRegions, () => selectRegions(explorer, prompts, deps)),
  ];
}

async function selectProfile(explorer: ExplorerView, prompts: Prompts, { log, settings }: Deps): Promise<void> {
  let profiles: string[];
  try {
    profiles = await listProfiles();
  } catch (err) {
    log.warn(
      redactSecrets(`Could not read the AWS shared config files: ${err instanceof Error ? err.message : String(err)}`),
    );
    profiles = [];
  }
  const current = new Set(explorer.settings.profiles.filter((p): p is string => p !== undefined));
  if (profiles.length === 0) {
    const choice = await prompts.message(
      'warning',
      'GameLift: no profiles found in ~/.aws/config or ~/.aws/credentials. Create one with `aws configure` (or `aws configure sso`), or use environment credentials.',
      'Open Settings',
    );
    if (choice === 'Open Settings')
      await vscode.commands.executeCommand('workbench.action.openSettings', settingId('profile'));
    return;
  }
  const items = profiles.map((p) => ({ label: p, picked: current.has(p) }));
  const picked = await prompts.pickMany(items, {
    id: 'profiles',
    title: 'GameLift: profiles to browse',
    placeHolder: 'Pick one or more profiles (each becomes a root of the tree when several are picked)',
    canPickMany: true,
  });
  if (!picked) return;
  const names = picked.map((p) => p.label);
  const value = names.length === 0 ? '' : names.length === 1 ? names[0] : names;
  await settings.update('profile', value);
}

async function selectRegions(explorer: ExplorerView, prompts: Prompts, { settings }: Deps): Promise<void> {
  const current = explorer.settings.regions;
  const all = [...new Set([...current, ...GAMELIFT_REGIONS])];
  const items = all.map((r) => ({ label: r, picked: current.includes(r) }));
  const picked = await prompts.pickMany(items, {
    id: 'regions',
    title: 'GameLift: regions to browse',
    placeHolder: 'Pick one or more regions',
    canPickMany: true,
  });
  if (!picked || picked.length === 0) return;
  await settings.update(
    'regions',
    picked.map((p) => p.label),
  );
}
