// The Fleets view's data provider as activation registers it: VS Code needs a provider when
// the view is created, but the real one lives in the GameLift bundle. The first time the view
// is drawn this one loads the bundle, which attaches the real provider; from then on every
// call goes to it.
import * as vscode from 'vscode';

export class DeferredTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private real: vscode.TreeDataProvider<T> | undefined;
  private readonly emitter = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  readonly onDidChangeTreeData = this.emitter.event;

  /** `load` loads the bundle, which calls attach() before it returns. */
  constructor(private readonly load: () => void) {}

  attach(real: vscode.TreeDataProvider<T>): void {
    this.real = real;
    const changes = real.onDidChangeTreeData?.((e) => this.emitter.fire(e));
    if (changes) this.subscriptions.push(changes);
    this.emitter.fire();
  }

  private provider(): vscode.TreeDataProvider<T> {
    if (!this.real) this.load();
    if (!this.real) throw new Error('The GameLift bundle did not attach the Fleets view.');
    return this.real;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.provider().getChildren(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider().getParent?.(element);
  }

  resolveTreeItem(
    item: vscode.TreeItem,
    element: T,
    token: vscode.CancellationToken,
  ): vscode.ProviderResult<vscode.TreeItem> {
    const real = this.provider();
    return real.resolveTreeItem ? real.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
