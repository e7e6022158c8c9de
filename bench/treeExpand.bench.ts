// Times expanding one event category of 10,000 loaded events in the explorer's tree provider:
// getChildren (the newest 500 event nodes + "Show more…" are built) and getTreeItem for every
// child (VS Code asks for each), against the 50 ms target, beside a naive baseline in the same run that looks up
// the catalog and formats the time with Intl per node (what the tree deliberately avoids).
// Runs in plain Node: the few vscode classes the nodes construct (TreeItem, ThemeIcon,
// ThemeColor) are stood in by plain data classes of the same shape.
// Run: npm run compile-tests && npm run bench:tree
import Module = require('node:module');
import type * as CategoryNodeModule from '../src/explorer/nodes/categoryNode';
import type * as CategoryGroupsModule from '../src/explorer/model/categoryGroups';
import type * as EventCatalogModule from '../src/gamelift/eventCatalog';
import type { FleetEvent } from '../src/gamelift/types';
import { median } from './stats';

const TARGET_MS = 50;
const EVENT_COUNT = 10_000;
const ROUNDS = 15;

// --- the vscode stand-in (data holders only; no behaviour is being measured in them) ---
class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    public label: string,
    public collapsibleState?: number,
  ) {}
}
const vscodeStandIn = {
  TreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(
      public id: string,
      public color?: unknown,
    ) {}
  },
  ThemeColor: class {
    constructor(public id: string) {}
  },
};
const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = moduleWithLoad._load;
moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStandIn : originalLoad.call(this, request, ...rest);
};

/* eslint-disable @typescript-eslint/no-require-imports */
const { CategoryNode } = require('../src/explorer/nodes/categoryNode') as typeof CategoryNodeModule;
const { groupByCategory } = require('../src/explorer/model/categoryGroups') as typeof CategoryGroupsModule;
const catalog = require('../src/gamelift/eventCatalog') as typeof EventCatalogModule;

function makeEvents(): FleetEvent[] {
  const codes = catalog.KNOWN_EVENT_CODES.filter((c) => catalog.lookupEventCode(c).category === 'server_process');
  const now = Date.UTC(2026, 10, 20, 12);
  return Array.from({ length: EVENT_COUNT }, (_, i) => ({
    eventId: `e${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
    eventCode: codes[i % codes.length],
    message: `Server process ${i} on instance i-0abc exited with code ${i % 255}; see the process log for details.`,
    eventTime: now - i * 37_000,
    resourceId: 'fleet-bench',
    fetchedAt: now,
  }));
}

function main(): void {
  const events = makeEvents();
  const ref = { target: { profile: 'bench', region: 'us-west-2' }, fleetId: 'fleet-bench' };
  const settings = { timeZone: 'local' as const, relativeTime: false };
  const ctx = {
    settings: () => settings,
    now: () => Date.now(),
    model: { findFleet: () => undefined },
  } as unknown as ConstructorParameters<typeof CategoryNode>[1];

  const groupMs: number[] = [];
  const childrenMs: number[] = [];
  const itemsMs: number[] = [];
  const baselineMs: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Ours: grouping happens once per loaded page; expanding = getChildren + getTreeItem per child.
    let t = performance.now();
    const group = groupByCategory(events).find((g) => g.id === 'server_process')!;
    groupMs.push(performance.now() - t);
    const node = new CategoryNode(undefined as never, ctx, ref, group);
    t = performance.now();
    const children = node.getChildren();
    childrenMs.push(performance.now() - t);
    t = performance.now();
    for (const child of children) sink += (child.getTreeItem().description as string).length;
    itemsMs.push(performance.now() - t);

    // Baseline: per node catalog lookup, Intl date formatting and a fresh item.
    t = performance.now();
    const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
    for (const e of events) {
      const info = catalog.lookupEventCode(e.eventCode);
      const item = new TreeItem(catalog.titleForCode(e.eventCode), 0);
      item.description = format.format(new Date(e.eventTime!));
      item.tooltip = `${info.title}\n${e.message}`;
      sink += item.description.length;
    }
    baselineMs.push(performance.now() - t);
  }
  if (sink === 0) throw new Error('nothing was built');

  const expand = median(childrenMs) + median(itemsMs);
  const rows = [
    ['group 10,000 events into categories (once per page)', median(groupMs)],
    ['getChildren on the 10,000-event category (500 shown)', median(childrenMs)],
    ['getTreeItem for all 501 children', median(itemsMs)],
    ['expand total (getChildren + every getTreeItem)', expand],
    ['baseline: naive per-node lookup + Intl, all 10,000', median(baselineMs)],
  ] as const;
  console.log(
    `treeExpand.bench — ${EVENT_COUNT.toLocaleString('en')} events, median of ${ROUNDS} rounds, Node ${process.version}`,
  );
  for (const [label, ms] of rows) console.log(`  ${label.padEnd(56)} ${ms.toFixed(2).padStart(8)} ms`);
  console.log(
    `  getChildren vs the ${TARGET_MS} ms target: ${(median(childrenMs) / TARGET_MS).toFixed(3)}× (${median(childrenMs) < TARGET_MS ? 'within' : 'OVER'} target)`,
  );
  console.log(
    `  full expansion vs the ${TARGET_MS} ms target: ${(expand / TARGET_MS).toFixed(3)}× (${expand < TARGET_MS ? 'within' : 'OVER'} target)`,
  );
  console.log(`  full expansion vs naive baseline: ${(expand / median(baselineMs)).toFixed(3)}×`);
}

main();
