// Starts the VS Code server from code-server's bundle (server-main.js on Node 24) for
// one run: its own port, data dirs and HOME; its own process group so stopping it also
// ends the extension host and pty host it spawns. Also builds the workbench URL whose
// `payload` loads our extension in development mode (and, optionally, its tests).
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import { killGroupNow, trackProcessGroup } from './cleanup';
import type { HostInstall } from './provision';
import type { RunDir } from './runDir';

export interface VsCodeServer {
  port: number;
  baseUrl: string;
  pid: number;
  /** Workbench URL opening `folder` with our extension (and tests) loaded. */
  workbenchUrl(opts: { folder: string; extensionDevelopmentPath: string; extensionTestsPath?: string }): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

export function buildWorkbenchUrl(
  baseUrl: string,
  authority: string,
  opts: { folder: string; extensionDevelopmentPath: string; extensionTestsPath?: string },
): string {
  const remote = (p: string): string => `vscode-remote://${authority}${p}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(opts.extensionDevelopmentPath)]];
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remote(opts.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${baseUrl}/?folder=${encodeURIComponent(opts.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function startOnce(
  install: HostInstall,
  run: RunDir,
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<VsCodeServer> {
  const out = fs.openSync(run.serverLog, 'a');
  const args = [
    install.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir',
    run.serverData,
    '--user-data-dir',
    run.userData,
    '--extensions-dir',
    run.extensions,
  ];
  const child: ChildProcess = spawn(install.nodeBin, args, {
    cwd: run.root,
    env,
    detached: true, // own process group: one kill reaches the extension host too
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the VS Code server did not start');
  const untrack = trackProcessGroup(pid);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    killGroupNow(pid, 'SIGTERM');
    const deadline = Date.now() + 3_000;
    while (exited === undefined && Date.now() < deadline) await sleep(100);
    killGroupNow(pid, 'SIGKILL'); // the group's other members may outlive the leader
    untrack();
  };

  const deadline = Date.now() + 60_000;
  while ((await getStatus(`${baseUrl}/version`)) !== 200) {
    if (exited !== undefined) {
      untrack();
      killGroupNow(pid);
      throw new ServerExitedEarly(`the VS Code server exited with code ${exited} (log: ${run.serverLog})`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the VS Code server did not answer on ${baseUrl} within 60 s (log: ${run.serverLog})`);
    }
    await sleep(200);
  }
  return {
    port,
    baseUrl,
    pid,
    workbenchUrl: (opts) => buildWorkbenchUrl(baseUrl, `127.0.0.1:${port}`, opts),
    stop,
  };
}

class ServerExitedEarly extends Error {}

/** Starts the server on a free port; retries on a new port if another process grabbed it first. */
export async function startVsCodeServer(
  install: HostInstall,
  run: RunDir,
  env: NodeJS.ProcessEnv,
): Promise<VsCodeServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(install, run, env, await freePort());
    } catch (err) {
      lastError = err;
      if (!(err instanceof ServerExitedEarly)) throw err;
    }
  }
  throw lastError;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
