// The Computes row under a fleet with computes: how many, and how many are not ACTIVE (worst
// first, the icon in the worst one's colour). Expanding it lists the computes one ListCompute
// page at a time, then exactly one of: "Loading…", an error with Retry, or "Load more…".
import * as vscode from 'vscode';
import type { ComputesSummary } from '../../gamelift/fleetResourceSummary';
import type { FleetRef } from '../../gamelift/types';
import { computeStatusIcon } from '../model/fleetStatus';
import { computeNodeId, computesNodeId, helperNodeId } from '../model/nodeIds';
import { computesDescription, thousands } from '../model/resourceText';
import { ComputeNode } from './computeNode';
import { ErrorNode } from './errorNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { PlaceholderNode } from './placeholderNode';

export class ComputesNode extends ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    private readonly ctx: TreeContext,
    readonly ref: FleetRef,
    /** Replaced by the fleet node when it draws its children again. */
    public summary: ComputesSummary,
  ) {
    super(parent);
    this.id = computesNodeId(ref);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Computes', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'computes';
    item.description = computesDescription(this.summary);
    const worst = this.summary.worstStatus;
    const spec = worst && worst !== 'ACTIVE' ? computeStatusIcon(worst) : undefined;
    item.iconPath = new vscode.ThemeIcon('vm', spec?.color ? new vscode.ThemeColor(spec.color) : undefined);
    item.tooltip = `Computes of ${this.ref.fleetId}: ${item.description}`;
    item.accessibilityInformation = { label: `Computes: ${item.description}` };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const resources = this.ctx.model.fleet(this.ref).resources;
    if (!resources.computesStarted) await resources.loadMoreComputes();
    const home = this.ref.target.region;
    const nodes: ExplorerNode[] = resources.computes.map((compute) => {
      const id = computeNodeId(this.ref, compute.name);
      const node = this.ctx.node(id, () => new ComputeNode(this, id, home, compute));
      node.compute = compute;
      return node;
    });
    const loaded = resources.computes.length;
    if (resources.isLoadingComputes) {
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), 'Loading computes…', 'loading~spin'));
    } else if (resources.computesError) {
      this.ctx.reportError(resources.computesError);
      const target = { kind: 'computes', ref: this.ref } as const;
      nodes.push(new ErrorNode(this, helperNodeId(this.id, 'error'), resources.computesError.message, target));
    } else if (resources.hasMoreComputes) {
      const detail = `${thousands(loaded)} of ${thousands(Math.max(loaded, this.summary.count))} loaded`;
      nodes.push(
        new LoadMoreNode(this, helperNodeId(this.id, 'loadMore'), { kind: 'computes', ref: this.ref }, detail),
      );
    } else if (loaded === 0) {
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), 'No computes right now', 'info'));
    }
    return nodes;
  }
}
