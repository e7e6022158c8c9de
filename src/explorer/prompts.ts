// The UI questions the explorer asks (quick picks, input boxes, save dialog, messages),
// behind one interface so integration tests can answer them without clicking.
import * as vscode from 'vscode';

export interface Prompts {
  pickOne<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions & { id: string },
  ): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions & { id: string },
  ): Promise<readonly T[] | undefined>;
  /**
   * A searchable pick that also accepts typed text: `typed(value)` turns what the user typed
   * into an extra item (e.g. a pasted fleet ARN). Items may arrive later (the pick shows busy).
   */
  pickOrType<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    typed: (value: string) => T | undefined,
    options: { id: string; title: string; placeHolder: string },
  ): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions & { id: string }): Promise<string | undefined>;
  saveUri(options: vscode.SaveDialogOptions & { id: string }): Promise<vscode.Uri | undefined>;
  /** An information/warning/error message with actions; resolves to the chosen action. */
  message(kind: 'info' | 'warning' | 'error', text: string, ...actions: string[]): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  pickOne: async (items, options) => vscode.window.showQuickPick([...items], { ...options, canPickMany: false }),
  pickMany: async (items, options) => vscode.window.showQuickPick([...items], { ...options, canPickMany: true }),
  pickOrType: (items, typed, options) => pickOrType(items, typed, options),
  input: async (options) => vscode.window.showInputBox(options),
  saveUri: async (options) => vscode.window.showSaveDialog(options),
  message: async (kind, text, ...actions) => {
    const show =
      kind === 'error'
        ? vscode.window.showErrorMessage
        : kind === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return show(text, ...actions);
  },
};

/** Lets tests swap the prompts at run time while commands keep one reference. */
export class PromptHolder implements Prompts {
  current: Prompts = windowPrompts;
  pickOne: Prompts['pickOne'] = (items, options) => this.current.pickOne(items, options);
  pickMany: Prompts['pickMany'] = (items, options) => this.current.pickMany(items, options);
  pickOrType: Prompts['pickOrType'] = (items, typed, options) => this.current.pickOrType(items, typed, options);
  input: Prompts['input'] = (options) => this.current.input(options);
  saveUri: Prompts['saveUri'] = (options) => this.current.saveUri(options);
  message: Prompts['message'] = (kind, text, ...actions) => this.current.message(kind, text, ...actions);
}

function pickOrType<T extends vscode.QuickPickItem>(
  items: readonly T[] | Promise<readonly T[]>,
  typed: (value: string) => T | undefined,
  options: { title: string; placeHolder: string },
): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.placeholder = options.placeHolder;
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let listed: readonly T[] = [];
    const update = () => {
      const extra = pick.value.trim() ? typed(pick.value) : undefined;
      pick.items = extra ? [extra, ...listed] : [...listed];
    };
    pick.busy = true;
    void Promise.resolve(items).then(
      (loaded) => {
        listed = loaded;
        pick.busy = false;
        update();
      },
      () => (pick.busy = false),
    );
    let done = false;
    const finish = (value: T | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue(update);
    // Items can be replaced (the list finished loading) just as Enter is pressed, leaving no
    // selection for a moment; then what was typed still counts.
    pick.onDidAccept(() =>
      finish(pick.selectedItems[0] ?? pick.activeItems[0] ?? (pick.value.trim() ? typed(pick.value) : undefined)),
    );
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
