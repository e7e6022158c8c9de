// Lets bench/scale.ts load the explorer's real tree nodes in plain Node: the nodes only build
// TreeItem/ThemeIcon/ThemeColor value objects from `vscode`, so a minimal stand-in for those
// classes measures the nodes' own work (what VS Code's host adds on top is not measured).
import Module = require('node:module');

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: unknown;
  constructor(
    readonly label: unknown,
    readonly collapsibleState?: number,
  ) {}
}
class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}

const shim = { TreeItem, ThemeIcon, ThemeColor, TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 } };

export function installVscodeShim(): void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? shim : original.call(this, request, ...rest);
  };
}
