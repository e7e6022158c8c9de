// A fleet's "Changes" row: the write calls CloudTrail recorded for the fleet in the last 90 days
// (LookupEvents, read only when the row is expanded), newest first; then exactly one of
// "Reading CloudTrail…", an error with Retry (e.g. the missing cloudtrail:LookupEvents
// permission; the rest of the tree is unaffected), "Load more…" while older calls are unread, or
// a placeholder when there are none.
import * as vscode from 'vscode';
import type { FleetRef } from '../../gamelift/types';
import type { FleetChangesState } from '../model/fleetChanges';
import { changeNodeId, changesNodeId, helperNodeId } from '../model/nodeIds';
import { formatInstant } from '../../common/timeFormat';
import { ChangeNode } from './changeNode';
import { ErrorNode } from './errorNode';
import type { TimeDisplay } from './eventNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { PlaceholderNode } from './placeholderNode';

export class ChangesNode extends ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    private readonly ctx: TreeContext,
    readonly ref: FleetRef,
  ) {
    super(parent);
    this.id = changesNodeId(ref);
  }

  get state(): FleetChangesState {
    return this.ctx.model.changes(this.ref);
  }

  getTreeItem(): vscode.TreeItem {
    const state = this.ctx.model.findChanges(this.ref);
    const item = new vscode.TreeItem('Changes', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'changes';
    item.iconPath = new vscode.ThemeIcon('history');
    const n = state?.changes.length ?? 0;
    item.description = !state?.hasStarted ? 'CloudTrail' : `${n}${state.complete ? '' : '+'} · CloudTrail`;
    item.tooltip =
      'Write calls on this fleet recorded by CloudTrail in the last 90 days (LookupEvents, needs cloudtrail:LookupEvents).';
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const state = this.state;
    await state.ensureStarted();
    if (state.error) this.ctx.reportError(state.error);
    const settings = this.ctx.settings();
    const time: TimeDisplay = { zone: settings.timeZone, relative: settings.relativeTime, now: this.ctx.now() };
    const nodes: ExplorerNode[] = state.changes.map(
      (change) => new ChangeNode(this, changeNodeId(this.ref, change.eventId), change, time),
    );
    const scanned = state.scanned;
    const back = scanned.oldest !== undefined ? `, back to ${formatInstant(scanned.oldest)}` : '';
    if (state.error) {
      nodes.push(
        new ErrorNode(this, helperNodeId(this.id, 'error'), state.error.message, { kind: 'changes', ref: this.ref }),
      );
    } else if (state.isLoading) {
      const label = `Reading CloudTrail… (${scanned.events} GameLift calls${back})`;
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), label, 'loading~spin'));
    } else if (!state.complete) {
      const detail = `${scanned.events} GameLift calls read${back}`;
      nodes.push(new LoadMoreNode(this, helperNodeId(this.id, 'loadMore'), { kind: 'changes', ref: this.ref }, detail));
    } else if (nodes.length === 0) {
      const label = `No changes in the last 90 days (${scanned.events} GameLift calls read)`;
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), label, 'info'));
    }
    return nodes;
  }
}
