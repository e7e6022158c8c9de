// Enforces the layout rules of docs/ARCHITECTURE.md on the sources: the parts declared pure
// never import `vscode` (so they run in plain Node, the CLI and the worker), and the CloudTrail
// editor reaches the core only through its index. Imports are found with TypeScript's own
// pre-processor, so comments and strings don't count but every import form does
// (`import`, `import type`, `export … from`, `import x = require`, `require()`, `import()`).
// No two modules import each other, even only for types (ESLint's import-x/no-cycle skips
// `import type`, so this test is what catches a type-only cycle).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..', '..');

/** Module specifiers a TypeScript source imports or requires, in any form. */
function importsOf(sourceText: string): string[] {
  return ts.preProcessFile(sourceText, true, true).importedFiles.map((f) => f.fileName);
}

function importsVscode(sourceText: string): boolean {
  return importsOf(sourceText).some((m) => m === 'vscode' || m.startsWith('vscode/'));
}

/** `.ts` files under `dir` (repository-relative, `/`-separated); `recursive: false` = top level only. */
function tsFiles(dir: string, recursive = true): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const found: string[] = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) {
      if (recursive) found.push(...tsFiles(relative(ROOT, path).split(sep).join('/'), true));
    } else if (name.endsWith('.ts')) {
      found.push(relative(ROOT, path).split(sep).join('/'));
    }
  }
  return found;
}

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** The repository-relative `.ts` file a relative specifier names, if it exists. */
function resolveRelative(from: string, module: string): string | undefined {
  if (!module.startsWith('.')) return undefined;
  const base = posix.join(dirname(from).split(sep).join('/'), module);
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(join(ROOT, candidate)));
}

/** Every import cycle of `graph` (file → files it imports), each as `a → b → … → a`. */
function importCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** The parts ARCHITECTURE.md declares vscode-free, each with the files it currently covers. */
const PURE_AREAS: Array<{ area: string; files: () => string[] }> = [
  { area: 'src/gamelift/**', files: () => tsFiles('src/gamelift') },
  { area: 'src/common/** (helpers several features use)', files: () => tsFiles('src/common') },
  { area: 'src/ids.ts (command IDs, context keys)', files: () => ['src/ids.ts'] },
  { area: 'src/settings/table.ts (settings, defaults)', files: () => ['src/settings/table.ts'] },
  { area: 'src/containerLogs/** (container log core)', files: () => tsFiles('src/containerLogs') },
  { area: 'src/cloudtrail/*.ts (the core)', files: () => tsFiles('src/cloudtrail', false) },
  {
    area: 'src/cloudtrail/editor pure pieces (the worker and its protocol, hover text, fleet places, detection, gzip decoding)',
    files: () => [
      ...tsFiles('src/cloudtrail/editor/worker'),
      ...tsFiles('src/cloudtrail/editor/hover'),
      'src/cloudtrail/editor/fleetPlace.ts',
      'src/cloudtrail/editor/detectCloudTrail.ts',
      'src/cloudtrail/editor/gz/gzDecode.ts',
    ],
  },
  { area: 'src/diagnosis/** (the diagnosis core)', files: () => tsFiles('src/diagnosis') },
  { area: 'src/logs/** (log download and reading, Node only)', files: () => tsFiles('src/logs') },
  { area: 'src/history/** (history index, CLI, LookupEvents core)', files: () => tsFiles('src/history') },
  { area: 'src/explorer/api.ts', files: () => ['src/explorer/api.ts'] },
  { area: 'src/explorer/model/** (pure model)', files: () => tsFiles('src/explorer/model') },
  {
    area: 'src/details pure view-model/policy files',
    files: () => ['api.ts', 'protocol.ts', 'viewModel.ts', 'expiry.ts'].map((f) => `src/details/${f}`),
  },
  { area: 'src/eventLogs/logTitle.ts (log document names)', files: () => ['src/eventLogs/logTitle.ts'] },
  { area: 'src/logDocuments/displayText.ts', files: () => ['src/logDocuments/displayText.ts'] },
  {
    area: 'src/fleetDiagnosis pure protocol/view model',
    files: () => ['protocol.ts', 'viewModel.ts'].map((f) => `src/fleetDiagnosis/${f}`),
  },
  {
    area: 'src/timeline pure protocol/model files',
    files: () => ['protocol.ts', 'timelineModel.ts', 'timeTicks.ts'].map((f) => `src/timeline/${f}`),
  },
  {
    area: 'src/historyView pure protocol/view model files',
    files: () => ['protocol.ts', 'viewModel.ts', 'virtualRows.ts'].map((f) => `src/historyView/${f}`),
  },
  {
    area: 'src/containerLogView pure document model',
    files: () => ['src/containerLogView/logDocument.ts'],
  },
  {
    area: 'src/overview pure protocol/model files',
    files: () => ['protocol.ts', 'overviewModel.ts'].map((f) => `src/overview/${f}`),
  },
  {
    area: 'src/panel pure parts (HTML shell, fleet header, ready message)',
    files: () => ['html.ts', 'fleetInfo.ts', 'protocol.ts'].map((f) => `src/panel/${f}`),
  },
  {
    area: 'page scripts (src/*/webview/**)',
    files: () => [
      ...tsFiles('src/details/webview'),
      ...tsFiles('src/timeline/webview'),
      ...tsFiles('src/historyView/webview'),
      ...tsFiles('src/fleetDiagnosis/webview'),
      ...tsFiles('src/overview/webview'),
      ...tsFiles('src/panel/webview'),
    ],
  },
  { area: 'test/unit/**', files: () => tsFiles('test/unit') },
  { area: 'test/ui/**', files: () => tsFiles('test/ui') },
  { area: 'test/host/**', files: () => tsFiles('test/host') },
  { area: 'test/emulator/**', files: () => tsFiles('test/emulator') },
  // bench/host/ holds probes that run inside the VS Code host (like test/integration).
  { area: 'bench/** (but bench/host/)', files: () => tsFiles('bench').filter((f) => !f.startsWith('bench/host/')) },
];

describe('architecture: layout rules from docs/ARCHITECTURE.md', () => {
  describe('the import detector', () => {
    it('sees every form of importing vscode', () => {
      const forms = [
        "import * as vscode from 'vscode';",
        "import type { Uri } from 'vscode';",
        'import { window } from "vscode";',
        "export { Range } from 'vscode';",
        "import vscode = require('vscode');",
        "const vscode = require('vscode');",
        "type Api = typeof import('vscode');",
        "async function f() { return import('vscode'); }",
      ];
      for (const form of forms) assert.equal(importsVscode(form), true, form);
    });

    it('ignores comments, strings and look-alike modules', () => {
      const innocent = [
        "// import * as vscode from 'vscode';",
        "/* require('vscode') */",
        'const text = "import x from \'vscode\'";',
        "import { x } from './vscodeApi';",
        "import { y } from 'vscode-json-languageservice';",
        '// no `vscode` import here',
      ];
      for (const form of innocent) assert.equal(importsVscode(form), false, form);
    });

    it('flags the real editor files that do use vscode', () => {
      for (const file of [
        'src/cloudtrail/editor/registerCloudTrail.ts',
        'src/cloudtrail/editor/providers/hoverProvider.ts',
        'src/extension.ts',
      ]) {
        assert.equal(importsVscode(read(file)), true, file);
      }
    });
  });

  for (const { area, files } of PURE_AREAS) {
    it(`${area} does not import vscode`, () => {
      const list = files();
      assert.ok(
        list.length > 0,
        `no files found for ${area}: the layout changed, update this test and ARCHITECTURE.md`,
      );
      for (const file of list) assert.ok(existsSync(join(ROOT, file)), `${file} is listed as pure but does not exist`);
      const offenders = list.filter((file) => importsVscode(read(file)));
      assert.deepEqual(offenders, [], `${area} must stay vscode-free (docs/ARCHITECTURE.md)`);
    });
  }

  it('the CloudTrail editor reaches the core only through its index', () => {
    const editorFiles = tsFiles('src/cloudtrail/editor');
    assert.ok(editorFiles.length > 0);
    const core = 'src/cloudtrail/';
    const offenders: string[] = [];
    for (const file of editorFiles) {
      for (const module of importsOf(read(file))) {
        if (!module.startsWith('.')) continue;
        const target = relative(ROOT, join(ROOT, dirname(file), module))
          .split(sep)
          .join('/');
        const inCore = target.startsWith(core) && !target.startsWith(`${core}editor/`);
        if (inCore && target !== `${core}index`) offenders.push(`${file} → ${module}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the CloudTrail core does not depend on its editor', () => {
    const offenders = tsFiles('src/cloudtrail', false).flatMap((file) =>
      importsOf(read(file))
        .filter((m) => m.startsWith('./editor'))
        .map((m) => `${file} → ${m}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('finds an import cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCycles(graph), ['a.ts → b.ts → c.ts → a.ts']);
  });

  it('has no import cycles in src, test or bench, type-only imports included', () => {
    const graph = new Map<string, string[]>();
    for (const file of [...tsFiles('src'), ...tsFiles('test'), ...tsFiles('bench')]) {
      const targets = importsOf(read(file)).map((m) => resolveRelative(file, m));
      graph.set(
        file,
        targets.filter((t): t is string => t !== undefined),
      );
    }
    assert.ok(graph.size > 100, `read ${graph.size} files`);
    assert.deepEqual(importCycles(graph), [], 'move the shared type or function into a module of its own');
  });
});
