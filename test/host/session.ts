// One host session = provisioned install + private run dir + (optional) emulator +
// VS Code server + headless Debian Chromium showing the workbench with our extension.
// Both runners and the UI harness build on it; `stop()` tears everything down in
// reverse order and is also registered for Ctrl-C / SIGTERM.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { killProcessesMentioning, onCleanup, runCleanups, trackRunMarker } from './cleanup';
import { type EmulatorHandle, startEmulatorIfAvailable } from './emulator';
import { REPO_ROOT } from './paths';
import { type HostInstall, provision } from './provision';
import {
  createRunDir,
  gameliftSettings,
  QUIET_SETTINGS,
  type RunDir,
  runEnvironment,
  writeUserSettings,
} from './runDir';
import { startVsCodeServer, type VsCodeServer } from './vscodeServer';

export interface SessionOptions {
  /** Short name used in the run dir and logs, e.g. "integration". */
  label: string;
  /** Absolute path of the compiled test module to run inside the extension host. */
  extensionTestsPath?: string;
  /** Extra environment for the server (reaches the extension host). */
  serverEnv?: Record<string, string | undefined>;
  /** Emulator scenario; `false` runs without the emulator. */
  scenario?: string | false;
  /** Called with the page before the workbench is opened (exposeFunction etc.). */
  beforeOpen?: (page: Page) => Promise<void>;
  viewport?: { width: number; height: number };
  /** The extension to load (default: this repository). */
  extensionDevelopmentPath?: string;
}

export interface HostSession {
  install: HostInstall;
  run: RunDir;
  emulator: EmulatorHandle | undefined;
  server: VsCodeServer;
  context: BrowserContext;
  page: Page;
  workbenchUrl: string;
  stop(): Promise<void>;
}

const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Only the local server may be reached; any other host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export async function startHostSession(opts: SessionOptions): Promise<HostSession> {
  const install = await provision();
  const run = createRunDir(opts.label);
  const keep = process.env.GAMELIFT_KEEP_RUN === '1';
  console.log(`[host] run dir ${run.root}${keep ? ' (kept: GAMELIFT_KEEP_RUN=1)' : ''}`);
  const steps: (() => Promise<void> | void)[] = [];
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    while (steps.length > 0) {
      try {
        const step = steps.pop()!;
        const t = Date.now();
        await step();
        if (process.env.GAMELIFT_HOST_DEBUG)
          console.error(`[host] stop step ${steps.length} took ${Date.now() - t} ms`);
      } catch (err) {
        console.error(`[host] stopping: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  const unregister = onCleanup(stop);
  steps.push(() => unregister());
  steps.push(() => {
    if (!keep) run.remove();
  });
  // Runs after the browser and server are closed: catches strays such as crashpad handlers.
  const untrackMarker = trackRunMarker(run.root);
  steps.push(() => {
    killProcessesMentioning(run.root);
    untrackMarker();
  });

  try {
    const emulator = opts.scenario === false ? undefined : await startEmulatorIfAvailable(opts.scenario ?? 'default');
    if (emulator) steps.push(() => emulator.stop());

    writeUserSettings(run, { ...QUIET_SETTINGS, ...gameliftSettings(emulator?.url) });
    const env = runEnvironment(run, { GAMELIFT_TEST_ENDPOINT: emulator?.url, ...opts.serverEnv });
    const server = await startVsCodeServer(install, run, env);
    steps.push(() => server.stop());
    console.log(`[host] VS Code server ready at ${server.baseUrl}`);

    const context = await chromium.launchPersistentContext(run.browserProfile, {
      executablePath: install.chromium,
      headless: true,
      args: BROWSER_ARGS,
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      env: runEnvironment(run),
      timeout: 60_000,
      // Our own handlers (cleanup.ts) stop the server and emulator too; Playwright's would
      // kill only the browser and exit the process before they run.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    steps.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    const browserLog = fs.createWriteStream(path.join(run.root, 'browser.log'));
    steps.push(() => new Promise<void>((r) => browserLog.end(r)));
    page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.message}\n`));

    if (opts.beforeOpen) await opts.beforeOpen(page);
    const workbenchUrl = server.workbenchUrl({
      folder: run.workspace,
      extensionDevelopmentPath: opts.extensionDevelopmentPath ?? REPO_ROOT,
      extensionTestsPath: opts.extensionTestsPath,
    });
    await page.goto(workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { install, run, emulator, server, context, page, workbenchUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Waits until the workbench has painted its activity bar (the extension host starts with it). */
export async function waitForWorkbench(page: Page, timeoutMs = 120_000): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: timeoutMs });
}

export { runCleanups };
