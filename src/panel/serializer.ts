// The serializer of a page's panels: after a window reload VS Code hands back a panel and the
// state its page saved; the state is checked (the page wrote it, so it is untrusted) and the
// panel restored, or closed with a line in the log saying why.
import type * as vscode from 'vscode';

export function restoringSerializer<State>(
  label: string,
  log: vscode.LogOutputChannel,
  isState: (value: unknown) => value is State,
  restore: (panel: vscode.WebviewPanel, state: State) => void,
): vscode.WebviewPanelSerializer {
  return {
    deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      if (isState(state)) {
        restore(panel, state);
      } else {
        log.warn(`${label}: could not restore a panel after reload (no usable saved state).`);
        panel.dispose();
      }
      return Promise.resolve();
    },
  };
}
