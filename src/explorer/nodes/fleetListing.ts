// The fleets under one connection (listed fleets plus fleets pinned by "Fetch fleet
// events"), or the single placeholder / error node, whichever node the fleets hang under.
import type { ConnectionTarget } from '../../gamelift/types';
import { fleetNodeId, helperNodeId, regionNodeId } from '../model/nodeIds';
import { ErrorNode } from './errorNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { FleetNode } from './fleetNode';
import { PlaceholderNode } from './placeholderNode';

export async function fleetChildren(
  ctx: TreeContext,
  target: ConnectionTarget,
  parent: ExplorerNode | undefined,
): Promise<ExplorerNode[]> {
  const connection = ctx.model.connection(target);
  await connection.ensureLoaded();
  const baseId = parent?.id ?? regionNodeId(target);
  if (connection.error && !ctx.model.fleetsOf(target)?.length) {
    ctx.reportError(connection.error);
    return [new ErrorNode(parent, helperNodeId(baseId, 'error'), connection.error.message, { kind: 'fleets', target })];
  }
  const fleets = [...(ctx.model.fleetsOf(target) ?? [])].sort((a, b) =>
    (a.name ?? a.fleetId).localeCompare(b.name ?? b.fleetId),
  );
  if (fleets.length === 0) {
    return [new PlaceholderNode(parent, helperNodeId(baseId, 'placeholder'), `No fleets in ${target.region}`, 'info')];
  }
  return fleets.map((summary) => {
    // A container fleet whose description failed: one log line (the row shows the error).
    if (summary.describeError) ctx.reportError(summary.describeError);
    const ref = { target, fleetId: summary.fleetId };
    ctx.model.fleet(ref, summary);
    return ctx.node(fleetNodeId(ref), () => new FleetNode(parent, ctx, ref));
  });
}
