// Bundles the extension host code (split so activation loads only what the moment needs),
// the CloudTrail CLIs and workers, and the webview scripts with esbuild. `--release` minifies and
// drops sourcemaps; `--watch` rebuilds; `--monolithic` folds the on-demand bundles into
// dist/extension.js (the activation benchmark's baseline); `--outdir=<dir>` writes elsewhere.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');
const monolithic = process.argv.includes('--monolithic');
const outdir = resolve(root, process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist');

/**
 * Bundles activation leaves out: src/activation/ loads each with `require('./<out>.js')` (the
 * file beside dist/extension.js) the first time a feature needs it.
 */
const onDemandEntries = [
  { in: 'src/activation/gameliftBundle.ts', out: 'gamelift' },
  { in: 'src/cloudtrail/editor/registerCloudTrail.ts', out: 'cloudtrail' },
].filter((e) => existsSync(join(root, e.in)));

/** Keeps `require('./<out>.js')` in src/activation/ as a run-time require (or bundles it when monolithic). */
const onDemandPlugin = {
  name: 'on-demand-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      const entry = onDemandEntries.find((e) => args.path === `./${e.out}.js`);
      if (!entry || !args.importer.startsWith(join(root, 'src', 'activation'))) return undefined;
      return monolithic ? { path: join(root, entry.in) } : { path: args.path, external: true };
    });
  },
};

const common = {
  bundle: true,
  minify: release,
  sourcemap: release ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': release ? '"production"' : '"development"' },
};

/** Node-side bundles: only entries whose source exists, so features can land one at a time. */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension' },
  ...(monolithic ? [] : onDemandEntries),
  { in: 'src/cloudtrail/cli.ts', out: 'cloudtrail-lint' },
  { in: 'src/cloudtrail/editor/worker/validationWorker.ts', out: 'cloudtrail.worker' },
  { in: 'src/history/cli.ts', out: 'cloudtrail-history' },
  { in: 'src/history/history.worker.ts', out: 'history.worker' },
  { in: 'src/diagnosis/cli.ts', out: 'gamelift-diagnose' },
].filter((e) => existsSync(join(root, e.in)));

/** Webview scripts: every `src/<feature>/webview/<name>.ts` becomes `dist/webview/<name>.js`. */
const webviewEntries = [];
for (const feature of readdirSync(join(root, 'src'))) {
  const dir = join(root, 'src', feature, 'webview');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      webviewEntries.push({ in: `src/${feature}/webview/${file}`, out: file.replace(/\.ts$/, '') });
    }
  }
}

// A release starts from an empty dist/ so no development sourcemap slips into the .vsix.
if (release) rmSync(outdir, { recursive: true, force: true });

const builds = [
  {
    ...common,
    entryPoints: nodeEntries,
    outdir,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The CLIs are run as `node dist/cloudtrail-lint.js`; the banner lets them run directly too.
    banner: { js: '#!/usr/bin/env node' },
    mainFields: ['module', 'main'],
    plugins: [onDemandPlugin],
  },
];
if (webviewEntries.length > 0) {
  builds.push({
    ...common,
    entryPoints: webviewEntries,
    outdir: join(outdir, 'webview'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

/** Codicons are served to webviews from dist/webview so localResourceRoots can stay narrow. */
function copyCodicons() {
  const src = join(root, 'node_modules', '@vscode', 'codicons', 'dist');
  const dest = join(outdir, 'webview', 'codicons');
  if (!existsSync(src)) return;
  mkdirSync(dest, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join(src, f), join(dest, f));
}

/**
 * In watch mode, one line when a rebuild starts and one when all bundles are done: the editor's
 * watch task (.vscode/tasks.json) waits for the second before F5 starts the extension.
 */
let building = 0;
let buildErrors = 0;
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) {
        buildErrors = 0;
        console.log('esbuild: build started');
      }
    });
    build.onEnd((result) => {
      buildErrors += result.errors.length;
      if (--building === 0) console.log(`esbuild: build finished with ${buildErrors} error(s)`);
    });
  },
};

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context({ ...options, plugins: [watchLog] });
    await ctx.watch();
  }
  copyCodicons();
  console.log('esbuild: watching for changes…');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  copyCodicons();
  console.log(
    `esbuild: built ${nodeEntries.length} node bundle(s) and ${webviewEntries.length} webview script(s)${release ? ' (release)' : ''}`,
  );
}
