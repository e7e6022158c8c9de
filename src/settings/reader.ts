// The one reader of the extension's settings, created once in deps: typed values with the
// defaults and checks of table.ts, writes to the user's settings, whether the user set a
// setting at all, and change events by key or section.
import * as vscode from 'vscode';
import { SETTINGS, settingId, type SettingKey, type SettingSection, type SettingValue } from './table';

export interface SettingsReader {
  /** The setting's value for `scope` (a document, for resource settings), read as table.ts says. */
  get<K extends SettingKey>(key: K, scope?: vscode.Uri): SettingValue<K>;
  /** Writes the user's (global) value. */
  update(key: SettingKey, value: unknown): Thenable<void>;
  /** True when the user, workspace or folder set a value (not only the default). */
  isSet(key: SettingKey): boolean;
  /**
   * Calls `listener` when any of the keys, or any key of the sections, changes; `changed` tells
   * which of them did.
   */
  onDidChange(
    keys: readonly (SettingKey | SettingSection)[],
    listener: (changed: (key: SettingKey | SettingSection) => boolean) => void,
  ): vscode.Disposable;
}

export function createSettingsReader(): SettingsReader {
  return {
    get: <K extends SettingKey>(key: K, scope?: vscode.Uri) =>
      SETTINGS[key].read(vscode.workspace.getConfiguration('gamelift', scope).get(key)) as SettingValue<K>,
    update: (key, value) =>
      vscode.workspace.getConfiguration('gamelift').update(key, value, vscode.ConfigurationTarget.Global),
    isSet: (key) => {
      const found = vscode.workspace.getConfiguration('gamelift').inspect(key);
      return [found?.globalValue, found?.workspaceValue, found?.workspaceFolderValue].some((v) => v !== undefined);
    },
    onDidChange: (keys, listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        const changed = (key: SettingKey | SettingSection) => e.affectsConfiguration(settingId(key));
        if (keys.some(changed)) listener(changed);
      }),
  };
}
