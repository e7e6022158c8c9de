// One private directory per run: HOME (with the emulator's test profiles in ~/.aws),
// TMPDIR, the server's user-data/server-data/extensions dirs, a Chromium profile and a
// copy of the demo workspace. Concurrent runs never share state or sockets.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sharedConfigFiles, DEFAULT_TEST_ACCOUNT } from '../emulator/credentials';
import { DEMO_WORKSPACE } from './paths';

export interface RunDir {
  root: string;
  home: string;
  tmp: string;
  userData: string;
  serverData: string;
  extensions: string;
  browserProfile: string;
  workspace: string;
  serverLog: string;
  remove(): void;
}

/** Settings that keep the workbench quiet and offline, as in the tested host recipe. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

/**
 * Settings pointing the extension at the local endpoint. Without an emulator the
 * endpoint is a closed local port, so nothing ever reaches real AWS.
 */
export function gameliftSettings(endpointUrl: string | undefined): Record<string, unknown> {
  return {
    'gamelift.endpoint': endpointUrl ?? 'http://127.0.0.1:9',
    'gamelift.profile': DEFAULT_TEST_ACCOUNT.profile,
    'gamelift.regions': ['us-west-2'],
  };
}

export function createRunDir(label: string, workspaceSource = DEMO_WORKSPACE): RunDir {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `gamelift-${label}-`));
  const dir = (...parts: string[]): string => {
    const p = path.join(root, ...parts);
    fs.mkdirSync(p, { recursive: true });
    return p;
  };
  const home = dir('home');
  const aws = dir('home', '.aws');
  const files = sharedConfigFiles('us-west-2');
  fs.writeFileSync(path.join(aws, 'credentials'), files.credentials, { mode: 0o600 });
  fs.writeFileSync(path.join(aws, 'config'), files.config, { mode: 0o600 });
  const workspace = path.join(root, 'workspace');
  if (fs.existsSync(workspaceSource)) fs.cpSync(workspaceSource, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  return {
    root,
    home,
    tmp: dir('tmp'),
    userData: dir('user-data'),
    serverData: dir('server-data'),
    extensions: dir('extensions'),
    browserProfile: dir('chromium-profile'),
    workspace,
    serverLog: path.join(root, 'server.log'),
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function writeUserSettings(run: RunDir, settings: Record<string, unknown>): void {
  const userDir = path.join(run.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Environment for processes of this run: private HOME/TMPDIR, AWS files, no inherited AWS secrets. */
export function runEnvironment(run: RunDir, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('AWS_') || key.startsWith('npm_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  Object.assign(env, {
    HOME: run.home,
    TMPDIR: run.tmp,
    XDG_CONFIG_HOME: path.join(run.home, '.config'),
    XDG_CACHE_HOME: path.join(run.home, '.cache'),
    XDG_DATA_HOME: path.join(run.home, '.local', 'share'),
    XDG_RUNTIME_DIR: run.tmp,
    AWS_CONFIG_FILE: path.join(run.home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(run.home, '.aws', 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // No extension gallery: keeps the server from calling open-vsx.org (tests talk to 127.0.0.1 only).
    EXTENSIONS_GALLERY: '{}',
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
