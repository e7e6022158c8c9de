// src/ids.ts against package.json and the sources: every contributed command is registered,
// every registered command is contributed or one of the hidden test commands, menus and
// `when` clauses name only known commands, context keys, the view and the panels. The
// registrations are read from the sources with TypeScript's parser (no VS Code needed).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { COMMAND, CONTEXT_KEY, FLEETS_VIEW, gameliftBundleCommands, PANEL, TEST_COMMAND } from '../../src/ids';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; when?: string }[];
  };
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'webview' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The folders whose code is in the GameLift bundle. */
const GAMELIFT_BUNDLE =
  /^src\/(explorer|details|timeline|historyView|eventLogs|fleetDiagnosis|overview|containerLogView)\//;

interface Registrations {
  /** Real registrations: the ID and the file registering it. */
  readonly ids: string[];
  readonly files: string[];
  /** Stand-ins (src/activation): handlers that load a bundle and run the same command again. */
  readonly standIns: string[];
  /** registerCommand calls whose ID is written neither from src/ids.ts nor as a stand-in. */
  readonly literals: string[];
}

/** Command IDs passed to registerCommand (or a feature's local `command(id, …)` helper). */
function registrations(): Registrations {
  const tables: Record<string, Record<string, string>> = { COMMAND, TEST_COMMAND };
  const found: Registrations = { ids: [], files: [], standIns: [], literals: [] };
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const name = relative(ROOT, file).split('\\').join('/');
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.arguments.length > 1) {
        const callee = node.expression;
        const called = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : '';
        const [first, handler] = node.arguments;
        const standIn = handler.getText(source).includes(`executeCommand(${first.getText(source)}`);
        const fromTable =
          ts.isPropertyAccessExpression(first) && ts.isIdentifier(first.expression) && first.expression.text in tables
            ? tables[first.expression.text][first.name.text]
            : undefined;
        if (called === 'registerCommand' || called === 'command') {
          if (standIn) found.standIns.push(fromTable ?? `${name}: ${first.getText(source)}`);
          else if (fromTable) {
            found.ids.push(fromTable);
            found.files.push(name);
          } else if (called === 'registerCommand') found.literals.push(`${name}: ${first.getText(source)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('ids: command IDs and context keys against package.json', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command);
  const commandIds = Object.values(COMMAND) as string[];
  const testIds = Object.values(TEST_COMMAND) as string[];

  it('declares exactly the contributed commands, and no hidden one is contributed', () => {
    assert.deepEqual([...commandIds].sort(), [...contributed].sort());
    assert.deepEqual(
      testIds.filter((id) => contributed.includes(id)),
      [],
    );
    assert.equal(new Set([...commandIds, ...testIds]).size, commandIds.length + testIds.length, 'each ID once');
  });

  it('registers every contributed command once, and nothing else but the test commands', () => {
    const { ids, literals } = registrations();
    assert.deepEqual(literals, [], 'registerCommand takes IDs from src/ids.ts, not string literals');
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    assert.deepEqual(
      contributed.filter((id) => !counts.has(id)),
      [],
      'contributed but never registered',
    );
    assert.deepEqual(
      [...counts.keys()].filter((id) => !contributed.includes(id) && !testIds.includes(id)),
      [],
      'registered but neither contributed nor a test command',
    );
    assert.deepEqual(
      [...counts].filter(([, n]) => n > 1).map(([id]) => id),
      [],
      'registered twice',
    );
  });

  it('has a stand-in at activation for exactly the commands the on-demand bundles register', () => {
    const { ids, files, standIns } = registrations();
    // The GameLift bundle's stand-ins come from a list; the others name their command.
    const named = standIns.filter((s) => !s.includes(': '));
    for (const id of named) assert.ok(ids.includes(id), `stand-in ${id} has no real registration`);
    assert.ok(
      standIns.some((s) => s.startsWith('src/activation/gamelift.ts: ')),
      'the GameLift stand-ins (from gameliftBundleCommands)',
    );
    const inBundle = ids.filter((_, i) => GAMELIFT_BUNDLE.test(files[i]));
    assert.deepEqual([...inBundle].sort(), [...gameliftBundleCommands(false)].sort());
    assert.deepEqual(
      gameliftBundleCommands(true).filter((id) => testIds.includes(id)),
      [],
      'no test command in production',
    );
  });

  it('menus name only contributed commands', () => {
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(commandIds.includes(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it("when clauses name only known context keys, the Fleets view and the panels' types", () => {
    const known = new Set<string>([...Object.values(CONTEXT_KEY), FLEETS_VIEW, ...Object.values(PANEL)]);
    const clauses = [
      ...Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((e) => e.when ?? '')),
      ...manifest.contributes.viewsWelcome.map((w) => w.when ?? ''),
    ];
    const named = clauses.flatMap((when) => when.match(/\bgamelift\.[A-Za-z_.]+[A-Za-z_]/g) ?? []);
    assert.ok(named.length > 0);
    assert.deepEqual(
      [...new Set(named)].filter((name) => !known.has(name)),
      [],
    );
    for (const key of Object.values(CONTEXT_KEY))
      assert.ok(named.includes(key), `context key ${key} is read by no when clause`);
  });

  it('the Fleets view and the panels are the ones the manifest contributes and activates on', () => {
    assert.ok(manifest.contributes.views.gamelift.some((v) => v.id === FLEETS_VIEW));
    for (const panel of Object.values(PANEL)) assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${panel}`));
  });
});
