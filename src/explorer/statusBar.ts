// The status-bar item showing the browsed profile(s) and region(s); a click selects profiles.
// It appears once the Fleets view was opened or a connection setting is set, so a user who only
// reads CloudTrail logs never sees it. Light: activation creates it before any GameLift code loads.
import * as vscode from 'vscode';
import { COMMAND } from '../ids';
import type { SettingsReader } from '../settings/reader';
import { CONNECTION_SETTINGS } from '../settings/table';
import { readExplorerSettings } from './settings';

/** The part of a tree view the item follows: whether it has been shown yet. */
export type WatchedView = Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'>;

/** `item` is for tests, which record what the workbench does not tell: whether it is shown. */
export function createStatusBar(
  settings: SettingsReader,
  view: WatchedView,
  item: vscode.StatusBarItem = vscode.window.createStatusBarItem(
    'gamelift.connection',
    vscode.StatusBarAlignment.Left,
    50,
  ),
): vscode.Disposable {
  item.name = 'GameLift connection';
  item.command = COMMAND.selectProfile;
  let viewOpened = view.visible;
  const render = () => {
    const s = readExplorerSettings(settings);
    const profiles = s.profiles.map((p) => p ?? 'default').join(', ');
    item.text = `$(cloud) ${profiles} · ${s.regions.join(', ')}`;
    item.tooltip = `GameLift: profile ${profiles}, region${s.regions.length > 1 ? 's' : ''} ${s.regions.join(', ')}${s.endpoint ? `\nEndpoint: ${s.endpoint}` : ''}\nClick to select profiles.`;
    if (viewOpened || CONNECTION_SETTINGS.some((key) => settings.isSet(key))) item.show();
    else item.hide();
  };
  render();
  return vscode.Disposable.from(
    item,
    settings.onDidChange(CONNECTION_SETTINGS, render),
    view.onDidChangeVisibility((e) => {
      if (!e.visible || viewOpened) return;
      viewOpened = true;
      render();
    }),
  );
}
