// The GameLift connection item in the status bar stays out of sight for a user who only reads
// CloudTrail logs: it shows once the Fleets view was opened or a connection setting is set.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createStatusBar } from '../../src/explorer/statusBar';
import { createSettingsReader, type SettingsReader } from '../../src/settings/reader';
import type { SettingKey } from '../../src/settings/table';

/** A status-bar item that records whether it is shown (the workbench does not tell). */
function recordingItem(): vscode.StatusBarItem & { shown: boolean } {
  const real = vscode.window.createStatusBarItem('gamelift.connection.test', vscode.StatusBarAlignment.Left);
  const item = Object.assign(real, { shown: false });
  item.show = () => (item.shown = true);
  item.hide = () => (item.shown = false);
  return item;
}

/** The real settings reader, with `isSet` answering from `set` (the test host sets all three). */
function readerWith(set: ReadonlySet<SettingKey>): SettingsReader {
  return { ...createSettingsReader(), isSet: (key) => set.has(key) };
}

describe('GameLift status-bar item', () => {
  it('stays hidden until the Fleets view is first shown, then stays', () => {
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    const item = recordingItem();
    const bar = createStatusBar(
      readerWith(new Set()),
      { visible: false, onDidChangeVisibility: visibility.event },
      item,
    );
    try {
      assert.strictEqual(item.shown, false, 'shown before the view was opened');
      visibility.fire({ visible: true });
      assert.strictEqual(item.shown, true, 'not shown once the view was opened');
      visibility.fire({ visible: false });
      assert.strictEqual(item.shown, true, 'hidden again when the view was closed');
    } finally {
      bar.dispose();
      visibility.dispose();
    }
  });

  it('shows at once when a connection setting is set, before any view', () => {
    const visibility = new vscode.EventEmitter<vscode.TreeViewVisibilityChangeEvent>();
    const item = recordingItem();
    const bar = createStatusBar(
      readerWith(new Set<SettingKey>(['endpoint'])),
      { visible: false, onDidChangeVisibility: visibility.event },
      item,
    );
    try {
      assert.strictEqual(item.shown, true);
      assert.match(item.text, /us-west-2/, 'the item names the region');
    } finally {
      bar.dispose();
      visibility.dispose();
    }
  });
});
