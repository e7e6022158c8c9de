// `npm run demo`: the extension against the local GameLift endpoint, for a person to try.
// Builds if needed, starts the emulator (default scenario) on a free port, writes a demo
// HOME (test profiles in ~/.aws) and user settings pointing at it, then opens
// test/fixtures/demo-workspace either in desktop VS Code (`code` on PATH) or in the
// offline VS Code server (provisioned on first use) whose URL it prints.
// Ctrl-C, or SIGINT/SIGTERM to npm alone (an editor's stop button), stops everything it started.
// GAMELIFT_DEMO_BROWSER=1 skips desktop VS Code; GAMELIFT_DEMO_DIR moves the demo HOME (default .demo/).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = (...p) => path.join(root, 'out', ...p);
const workspace = path.join(root, 'test', 'fixtures', 'demo-workspace');
const demoDir = process.env.GAMELIFT_DEMO_DIR ? path.resolve(process.env.GAMELIFT_DEMO_DIR) : path.join(root, '.demo');
const log = (m) => console.log(`[demo] ${m}`);

function newestMtime(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function buildIfNeeded() {
  const bundle = path.join(root, 'dist', 'extension.js');
  const srcTime = newestMtime(path.join(root, 'src'));
  if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < srcTime) {
    log('building the extension…');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
  const marker = out('test', 'host', 'session.js');
  const testTime = Math.max(srcTime, newestMtime(path.join(root, 'test')));
  if (
    !fs.existsSync(marker) ||
    fs.statSync(marker).mtimeMs < testTime ||
    !fs.existsSync(out('test', 'emulator', 'cli.js'))
  ) {
    log('compiling the emulator and host scripts (tsc)…');
    // tsc still emits when someone's file has a type error; the files we need are checked below.
    spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (!fs.existsSync(marker)) throw new Error('compiling the test scripts failed');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port, child, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`the emulator exited with code ${child.exitCode}`));
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listening on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
}

/**
 * npm runs this script through `sh -c`; a SIGINT/SIGTERM that reaches only npm is passed to
 * the shell, which dies without passing it on, and this process is re-parented. Treat that
 * as the signal, so the editor's stop button stops the emulator and server too.
 */
function stopWhenOrphaned() {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    log('npm has gone: stopping…');
    process.kill(process.pid, 'SIGTERM'); // handled by test/host/cleanup.js once it is loaded
  }, 250);
  timer.unref();
}

async function main() {
  stopWhenOrphaned();
  buildIfNeeded();
  const cleanup = require(out('test', 'host', 'cleanup.js'));
  const runDirs = require(out('test', 'host', 'runDir.js'));

  // The emulator, as its own process group so Ctrl-C stops it with everything else.
  let emulatorUrl;
  const cli = out('test', 'emulator', 'cli.js');
  if (fs.existsSync(cli)) {
    const port = await freePort();
    const emu = spawn(process.execPath, [cli, '--port', String(port), '--scenario', 'default', '--quiet'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    cleanup.trackProcessGroup(emu.pid);
    cleanup.onCleanup(() => cleanup.killGroupNow(emu.pid, 'SIGTERM'));
    await waitForPort(port, emu);
    emulatorUrl = `http://127.0.0.1:${port}`;
  } else {
    log(`emulator not built (${path.relative(root, cli)} missing): the explorer will show connection errors`);
  }

  // A fixed demo HOME (kept between runs, gitignored) instead of a temp dir, so a person can look at it.
  fs.rmSync(demoDir, { recursive: true, force: true });
  fs.mkdirSync(demoDir, { recursive: true });
  const run = runDirs.createRunDir('demo');
  cleanup.onCleanup(() => run.remove());
  const demoHome = path.join(demoDir, 'home');
  fs.cpSync(run.home, demoHome, { recursive: true });
  run.home = demoHome;
  const settings = { ...runDirs.QUIET_SETTINGS, ...runDirs.gameliftSettings(emulatorUrl) };
  const env = runDirs.runEnvironment(run, { GAMELIFT_TEST_ENDPOINT: emulatorUrl });
  log(`demo HOME ${demoHome} (profiles local-dev, local-qa); endpoint ${settings['gamelift.endpoint']}`);

  if (onPath('code') && process.env.GAMELIFT_DEMO_BROWSER !== '1') {
    const userData = path.join(demoDir, 'user-data');
    runDirs.writeUserSettings({ ...run, userData }, settings);
    log('opening desktop VS Code (close its window or press Ctrl-C to stop)…');
    const code = spawn(
      'code',
      [
        '--new-window',
        '--wait',
        `--extensionDevelopmentPath=${root}`,
        '--user-data-dir',
        userData,
        '--extensions-dir',
        path.join(demoDir, 'extensions'),
        workspace,
      ],
      { env, stdio: 'inherit', detached: true },
    );
    cleanup.trackProcessGroup(code.pid);
    await new Promise((resolve) => code.on('exit', resolve));
    return;
  }

  const { provision } = require(out('test', 'host', 'provision.js'));
  const { startVsCodeServer } = require(out('test', 'host', 'vscodeServer.js'));
  const install = await provision();
  runDirs.writeUserSettings(run, settings);
  const server = await startVsCodeServer(install, run, env);
  cleanup.onCleanup(() => server.stop());
  const url = server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: root });
  console.log('\nGameLift Fleet Explorer demo is running. Open this URL in a browser on this machine:\n');
  console.log(`  ${url}\n`);
  console.log('Click the GameLift icon in the activity bar. Press Ctrl-C here to stop.');
  console.log(`DEMO_URL=${url}`);
  await new Promise(() => undefined); // until Ctrl-C (cleanup.js handles the signal)
}

main().then(
  async () => {
    await require(out('test', 'host', 'cleanup.js')).runCleanups();
    process.exit(0);
  },
  async (err) => {
    console.error(`[demo] failed: ${err instanceof Error ? err.message : String(err)}`);
    try {
      await require(out('test', 'host', 'cleanup.js')).runCleanups();
    } catch {
      // nothing started yet
    }
    process.exit(1);
  },
);
