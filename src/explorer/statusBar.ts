// The status-bar item showing the browsed profile(s) and region(s); a click selects profiles.
import { COMMAND } from '../ids';
import * as vscode from 'vscode';
import type { ExplorerSettings } from './settings';

export function createStatusBar(
  initial: ExplorerSettings,
  onChange: vscode.Event<ExplorerSettings>,
): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('gamelift.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = 'GameLift connection';
  item.command = COMMAND.selectProfile;
  const render = (s: ExplorerSettings) => {
    const profiles = s.profiles.map((p) => p ?? 'default').join(', ');
    item.text = `$(cloud) ${profiles} · ${s.regions.join(', ')}`;
    item.tooltip = `GameLift: profile ${profiles}, region${s.regions.length > 1 ? 's' : ''} ${s.regions.join(', ')}${s.endpoint ? `\nEndpoint: ${s.endpoint}` : ''}\nClick to select profiles.`;
  };
  render(initial);
  item.show();
  const sub = onChange(render);
  return vscode.Disposable.from(item, sub);
}
