// Runs inside the real VS Code extension host for bench/activation.bench.ts (as the
// `extensionTestsPath`): activates the extension and takes one activation path the way a user
// does, timing every load of the extension's dist/*.js files and every call into what they
// export (activate, an on-demand bundle's register function), and reports one line. The
// runner's copy of the extension does not activate on JSON by itself, so the probe's hooks are
// in place before the first file loads (VS Code opens settings.json at start-up).
//   GAMELIFT_BENCH_PATH  json | cloudtrail | gamelift
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import Module = require('module');
import { RESULT_PREFIX, type Load, type ProbeResult } from './activationResult';

const EXTENSION_ID = 'gamelift-tools.gamelift-fleet-explorer';

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleApi = Module as unknown as {
  _load: LoadFn;
  _resolveFilename(request: string, parent: unknown, isMain: boolean): string;
};

/** Times loads of not-yet-loaded files under `dist` and the calls into their exports. */
function instrument(dist: string): { loads: Load[]; ms: () => number; stop(): void } {
  const loads: { -readonly [K in keyof Load]: Load[K] }[] = [];
  let depth = 0;
  const time = <T>(work: () => T, add: (ms: number) => void): T => {
    const started = performance.now();
    depth++;
    try {
      return work();
    } finally {
      depth--;
      // Loads and calls made from inside another timed one are part of it already.
      if (depth === 0) add(performance.now() - started);
    }
  };
  const original = moduleApi._load;
  moduleApi._load = function (request, parent, isMain) {
    let file: string | undefined;
    try {
      file = moduleApi._resolveFilename(request, parent, isMain);
    } catch {
      file = undefined;
    }
    if (!file || !file.startsWith(dist) || require.cache[file]) return original.call(this, request, parent, isMain);
    const load = { file: path.relative(dist, file), bytes: fs.statSync(file).size, requireMs: 0, callMs: 0 };
    loads.push(load);
    const exports = time(
      () => original.call(this, request, parent, isMain) as Record<string, unknown>,
      (ms) => (load.requireMs += ms),
    );
    return new Proxy(exports, {
      get: (target, key) => {
        const value = target[key as string];
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) =>
          time(
            () => (value as (...a: unknown[]) => unknown)(...args),
            (ms) => (load.callMs += ms),
          );
      },
    });
  };
  return {
    loads,
    ms: () => loads.reduce((n, l) => n + l.requireMs + l.callMs, 0),
    stop: () => (moduleApi._load = original),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the set of the extension's files in the module cache has not changed for `quietMs`. */
async function settle(loaded: () => string[], quietMs = 2000, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last = '';
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = loaded().join('|');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await pause(100);
  }
}

async function takePath(which: string, workspace: string): Promise<void> {
  switch (which) {
    case 'json': {
      const file = path.join(workspace, 'package-settings.json');
      fs.writeFileSync(file, JSON.stringify({ name: 'not-cloudtrail', version: '1.0.0', dependencies: {} }, null, 2));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      return;
    }
    case 'cloudtrail': {
      // A CloudTrail log under a plain .json name: the JSON path first, then detection switches it.
      const dir = path.join(workspace, 'cloudtrail');
      const sample = fs.readdirSync(dir).find((f) => f.endsWith('.json'));
      if (!sample) throw new Error(`no CloudTrail sample in ${dir}`);
      const file = path.join(workspace, 'records.json');
      fs.copyFileSync(path.join(dir, sample), file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      for (let i = 0; i < 200 && !vscode.workspace.textDocuments.some((d) => d.languageId === 'cloudtrail'); i++)
        await pause(50);
      return;
    }
    case 'gamelift':
      await vscode.commands.executeCommand('workbench.view.extension.gamelift');
      return;
    default:
      throw new Error(`unknown GAMELIFT_BENCH_PATH "${which}"`);
  }
}

export async function run(): Promise<void> {
  const which = process.env.GAMELIFT_BENCH_PATH ?? 'json';
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  let result: ProbeResult;
  if (!extension) {
    result = { path: which, loads: [], ms: 0, error: 'the extension is not installed in this host' };
  } else if (extension.isActive) {
    result = { path: which, loads: [], ms: 0, error: 'the extension was active before the probe ran' };
  } else {
    // Let the workbench finish starting up, so its own work does not land in the figures.
    await pause(2000);
    const probe = instrument(path.join(extension.extensionPath, 'dist') + path.sep);
    try {
      // What every path's activation event does first: require dist/extension.js, call activate.
      await extension.activate();
      await takePath(which, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd());
      await settle(() => probe.loads.map((l) => l.file));
      result = { path: which, loads: probe.loads, ms: probe.ms() };
    } catch (err) {
      result = { path: which, loads: probe.loads, ms: probe.ms(), error: String(err) };
    } finally {
      probe.stop();
    }
  }
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}
