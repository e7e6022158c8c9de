// Helpers for the explorer's integration tests: the explorer's test hooks, scripted answers
// to its prompts, polling the live tree, and the settings the tests change (restored after).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerTestHooks, NodeSnapshot } from '../../src/explorer/testHooks';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { windowPrompts, type Prompts } from '../../src/explorer/prompts';
import { startEmulator, type RunningEmulator, type Scenario } from '../emulator/server';

export const EXTENSION_ID = 'gamelift-tools.gamelift-fleet-explorer';

export async function explorerHooks(): Promise<ExplorerTestHooks> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'extension loaded');
  await ext.activate();
  const hooks = await vscode.commands.executeCommand<ExplorerTestHooks>('gamelift._test.explorer');
  assert.ok(hooks && hooks.explorer, 'gamelift._test.explorer returns the hooks');
  return hooks;
}

/** Answers for prompts, by prompt id; anything not scripted fails the test loudly. */
export interface Script {
  pick?: Record<string, (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined>;
  pickMany?: Record<string, (items: readonly vscode.QuickPickItem[]) => readonly vscode.QuickPickItem[] | undefined>;
  typed?: Record<string, string>;
  input?: Record<string, string | undefined>;
  /** Where save dialogs save, by prompt id. */
  save?: Record<string, vscode.Uri>;
  /** Chooses an action for messages whose text matches. */
  message?: Array<{ match: RegExp; answer: string | undefined }>;
}

export class ScriptedPrompts implements Prompts {
  readonly asked: string[] = [];
  readonly messages: string[] = [];
  readonly validation: Record<string, string | undefined> = {};

  constructor(private readonly script: Script) {}

  async pickOne<T extends vscode.QuickPickItem>(items: readonly T[], options: { id: string }): Promise<T | undefined> {
    this.asked.push(options.id);
    const answer = this.script.pick?.[options.id];
    if (!answer) throw new Error(`unscripted pick "${options.id}"`);
    return answer(items) as T | undefined;
  }

  async pickMany<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: { id: string },
  ): Promise<readonly T[] | undefined> {
    this.asked.push(options.id);
    const answer = this.script.pickMany?.[options.id];
    if (!answer) throw new Error(`unscripted multi-pick "${options.id}"`);
    return answer(items) as readonly T[] | undefined;
  }

  async pickOrType<T extends vscode.QuickPickItem>(
    items: readonly T[] | Promise<readonly T[]>,
    typed: (value: string) => T | undefined,
    options: { id: string },
  ): Promise<T | undefined> {
    this.asked.push(options.id);
    const text = this.script.typed?.[options.id];
    if (text !== undefined) return typed(text);
    const answer = this.script.pick?.[options.id];
    if (!answer) throw new Error(`unscripted pick "${options.id}"`);
    return answer(await items) as T | undefined;
  }

  async input(options: vscode.InputBoxOptions & { id: string }): Promise<string | undefined> {
    this.asked.push(options.id);
    if (!this.script.input || !(options.id in this.script.input)) throw new Error(`unscripted input "${options.id}"`);
    const value = this.script.input[options.id];
    if (value !== undefined && options.validateInput) {
      const verdict = await options.validateInput(value);
      this.validation[options.id] = typeof verdict === 'string' ? verdict : undefined;
      if (verdict) throw new Error(`input "${options.id}" rejected "${value}": ${String(verdict)}`);
    }
    return value;
  }

  async saveUri(options: { id: string }): Promise<vscode.Uri | undefined> {
    this.asked.push(options.id);
    const target = this.script.save?.[options.id];
    if (!target) throw new Error(`unscripted save dialog "${options.id}"`);
    return target;
  }

  async message(_kind: string, text: string): Promise<string | undefined> {
    this.messages.push(text);
    return this.script.message?.find((m) => m.match.test(text))?.answer;
  }
}

/** Polls until `probe` returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function childrenOf(hooks: ExplorerTestHooks, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return hooks.explorer.provider.getChildren(node);
}

export function label(node: ExplorerNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function contextValue(node: ExplorerNode): string | undefined {
  return node.getTreeItem().contextValue;
}

export function findShot(
  shots: readonly NodeSnapshot[],
  predicate: (s: NodeSnapshot) => boolean,
): NodeSnapshot | undefined {
  for (const s of shots) {
    if (predicate(s)) return s;
    const inner = s.children ? findShot(s.children, predicate) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

const TOUCHED = [
  'profile',
  'regions',
  'endpoint',
  'events.pageSize',
  'events.defaultTimeRange',
  'watch.intervalSeconds',
  'watch.activeFleets',
  'events.timeZone',
];

/** Remembers the user-level values of the settings tests change, to put them back. */
export function snapshotSettings(): () => Promise<void> {
  const config = vscode.workspace.getConfiguration('gamelift');
  const saved = TOUCHED.map((key) => [key, config.inspect(key)?.globalValue] as const);
  return async () => {
    for (const [key, value] of saved) {
      await vscode.workspace.getConfiguration('gamelift').update(key, value, vscode.ConfigurationTarget.Global);
    }
  };
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('gamelift').update(key, value, vscode.ConfigurationTarget.Global);
}

/** What a suite from `localEndpointSuite` gives its tests (set once its `before` ran). */
export interface LocalEndpointSuite {
  readonly emulator: RunningEmulator;
  readonly hooks: ExplorerTestHooks;
}

/**
 * Registers the hooks of a suite against the local endpoint (a scenario, `default` unless named) in
 * one Region of local-dev: before, the endpoint started, `settings` set and the Region's fleets in
 * the tree; after each test, faults cleared and editors closed; at the end, settings and prompts
 * restored.
 */
export function localEndpointSuite(
  region: string,
  settings: Record<string, unknown> = {},
  scenario: string | Scenario = 'default',
): LocalEndpointSuite {
  const suite = {} as { emulator: RunningEmulator; hooks: ExplorerTestHooks };
  let restoreSettings: (() => Promise<void>) | undefined;
  before(async () => {
    suite.emulator = await startEmulator({ port: 0, scenario });
    suite.hooks = await explorerHooks();
    restoreSettings = snapshotSettings();
    for (const [key, value] of Object.entries(settings)) await setSetting(key, value);
    await showLocalRegion(suite.hooks, suite.emulator.url, region);
  });
  afterEach(async () => {
    suite.emulator.setFaults({ rules: [] });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    if (suite.hooks) suite.hooks.prompts.current = windowPrompts;
    await restoreSettings?.();
    await suite.emulator?.stop();
  });
  return suite;
}

/**
 * Points the explorer at the local endpoint for local-dev in one Region, with the watcher off, and
 * waits until that Region's fleets are in the tree. Call after `snapshotSettings()`.
 */
async function showLocalRegion(hooks: ExplorerTestHooks, endpoint: string, region: string): Promise<void> {
  await setSetting('watch.intervalSeconds', 0);
  await setSetting('profile', 'local-dev');
  await setSetting('regions', [region]);
  await setSetting('endpoint', endpoint);
  await waitFor(`the fleets of ${region} in the tree`, async () => {
    const target = hooks.explorer.model.targets[0];
    return target?.region === region && target.endpoint === endpoint
      ? (await childrenOf(hooks)).length > 0 || undefined
      : undefined;
  });
}
