// The Fleets view's data provider: builds roots from settings (profiles → regions →
// fleets, skipping levels with a single entry), caches node objects by id so refreshes and
// reveal find the same nodes, and routes errors to the log, sign-in prompts and the
// credentials welcome view.
import * as vscode from 'vscode';
import type { ClassifiedError } from '../gamelift/errors';
import type { Clock } from '../common/clock';
import type { ExplorerModel } from './model/explorerModel';
import { profileNodeId, regionNodeId } from './model/nodeIds';
import { EventNode } from './nodes/eventNode';
import type { ExplorerNode, TreeContext } from './nodes/explorerNode';
import { fleetChildren } from './nodes/fleetListing';
import { ProfileNode } from './nodes/profileNode';
import { RegionNode } from './nodes/regionNode';
import { endpointErrorMessage, type ExplorerSettings } from './settings';
import { ErrorNode } from './nodes/errorNode';

export interface ProviderOptions {
  readonly model: ExplorerModel;
  readonly settings: () => ExplorerSettings;
  readonly clock: Clock;
  /** Called whenever the tree shows an error (the reporter logs and prompts once per failure). */
  readonly onError: (error: ClassifiedError) => void;
  /** Missing credentials for every root: the tree empties so the welcome view explains. */
  readonly onCredentialsMissing: (missing: boolean) => void;
}

export class FleetTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, TreeContext, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly nodes = new Map<string, ExplorerNode>();
  readonly model: ExplorerModel;

  constructor(private readonly options: ProviderOptions) {
    this.model = options.model;
  }

  settings(): ExplorerSettings {
    return this.options.settings();
  }

  now(): number {
    return this.options.clock.now();
  }

  changed(node?: ExplorerNode): void {
    this.emitter.fire(node);
  }

  /** Rebuilds everything from the roots (settings changed, Refresh). */
  refreshAll(): void {
    this.nodes.clear();
    this.emitter.fire(undefined);
  }

  node<T extends ExplorerNode>(id: string, make: () => T): T {
    let node = this.nodes.get(id) as T | undefined;
    if (!node) this.nodes.set(id, (node = make()));
    return node;
  }

  /** A node built earlier with this id (for reveal); undefined when not built yet. */
  cachedNode(id: string): ExplorerNode | undefined {
    return this.nodes.get(id);
  }

  reportError(error: ClassifiedError): void {
    this.options.onError(error);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  /** Fills tooltips on hover for nodes that compute them lazily (events). */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    if (item.tooltip === undefined && node instanceof EventNode) item.tooltip = node.tooltip();
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren();
    const settings = this.settings();
    if (settings.endpointError) {
      // No connection (and so no client) while the endpoint is refused: say why, and where to fix it.
      this.options.onCredentialsMissing(false);
      const message = endpointErrorMessage(settings.endpointError);
      return [new ErrorNode(undefined, 'error:endpoint-setting', message, { kind: 'endpointSetting' })];
    }
    const extra = this.model
      .extraTargets()
      .map((t) => this.node(regionNodeId(t), () => new RegionNode(undefined, this, t, true)));
    let roots: ExplorerNode[];
    let credentialsMissing = false;
    if (settings.profiles.length > 1) {
      roots = settings.profiles.map((p) =>
        this.node(profileNodeId(p), () => new ProfileNode(this, p, settings.regions, settings.endpoint)),
      );
    } else if (settings.regions.length > 1) {
      roots = this.model.targets.map((t) =>
        this.node(regionNodeId(t), () => new RegionNode(undefined, this, t, false)),
      );
    } else {
      roots = await fleetChildren(this, this.model.targets[0], undefined);
      // With one connection and no credentials, an empty tree lets the welcome view explain.
      const error = this.model.connection(this.model.targets[0]).error;
      credentialsMissing = error?.kind === 'credentials' && roots.length === 1 && extra.length === 0;
      if (credentialsMissing) roots = [];
    }
    this.options.onCredentialsMissing(credentialsMissing);
    return [...roots, ...extra];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
