// Where the offline VS Code host lives: pinned versions and the cache layout under
// `.vscode-test/`. One place so provisioning, the runners and the demo agree.
import * as path from 'path';

/** Repository root (this file compiles to out/test/host/paths.js). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'] as const;

/** Cache root; `GAMELIFT_VSCODE_TEST_DIR` moves it (e.g. to share one cache between clones). */
export const CACHE_DIR = process.env.GAMELIFT_VSCODE_TEST_DIR
  ? path.resolve(process.env.GAMELIFT_VSCODE_TEST_DIR)
  : path.join(REPO_ROOT, '.vscode-test');

export const NODE_DIR = path.join(CACHE_DIR, `node-v${NODE_VERSION}`);
export const NODE_BIN = path.join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const SERVER_MAIN = path.join(
  CODE_SERVER_DIR,
  'node_modules',
  'code-server',
  'lib',
  'vscode',
  'out',
  'server-main.js',
);
/** Written last by a complete provisioning; its presence means "nothing to do". */
export const COMPLETE_MARKER = '.complete';

export const CHROMIUM_BIN = process.env.GAMELIFT_CHROMIUM ?? '/usr/bin/chromium';

/** The workspace opened by the integration/UI runs and the demo. */
export const DEMO_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'demo-workspace');
/** Screenshots and logs of the UI level. */
export const UI_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'ui');
/** The compiled emulator; optional until it exists. */
export const EMULATOR_MODULE = path.join(REPO_ROOT, 'out', 'test', 'emulator', 'server.js');
export const INTEGRATION_INDEX = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
