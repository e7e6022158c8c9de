// Which VS Code the extension accepts, against the Node its extension host runs there. The
// AWS SDK for JavaScript requires Node 22 for its releases after the first week of January
// 2027; VS Code 1.101 (June 2025: Electron 35 with Node 22.15.1, per its release notes) is
// the first release whose extension host runs Node 22 (1.100 ran Electron 34 with Node 20.19).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const FIRST_VSCODE_ON_NODE_22 = { vscode: [1, 101, 0], node: [22, 15, 1] };

function manifest(file: string): { version: string; engines?: Record<string, string> } {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** The lowest version a simple range admits (`^1.101.0`, `>=20.0.0`, `~1.101.0`, `1.101.0`). */
function lowest(range: string): number[] {
  const match = /^\s*(?:\^|~|>=)?\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  assert.ok(match, `"${range}" is a range this test understands`);
  return match.slice(1, 4).map(Number);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

describe('supported VS Code and Node versions', () => {
  const ours = manifest('package.json');
  const oldestVsCode = lowest(ours.engines!.vscode);

  it('accepts only VS Code releases whose extension host runs Node 22 or newer', () => {
    assert.ok(
      compare(oldestVsCode, FIRST_VSCODE_ON_NODE_22.vscode) >= 0,
      `engines.vscode ${ours.engines!.vscode} admits VS Code releases that run extensions on Node 20`,
    );
  });

  it('uses AWS SDK packages that run on the Node of the oldest VS Code it accepts', () => {
    for (const pkg of ['@aws-sdk/client-gamelift', '@aws-sdk/credential-providers', '@smithy/core']) {
      const needs = manifest(path.join('node_modules', pkg, 'package.json')).engines?.node;
      if (!needs) continue;
      assert.ok(
        compare(lowest(needs), FIRST_VSCODE_ON_NODE_22.node) <= 0,
        `${pkg} needs Node ${needs}; VS Code ${oldestVsCode.join('.')} runs ${FIRST_VSCODE_ON_NODE_22.node.join('.')}`,
      );
    }
  });

  it('compiles against the API of the oldest VS Code it accepts (@types/vscode)', () => {
    const types = lowest(manifest(path.join('node_modules', '@types', 'vscode', 'package.json')).version);
    assert.deepEqual(
      types.slice(0, 2),
      oldestVsCode.slice(0, 2),
      `@types/vscode ${types.join('.')} against engines.vscode ${ours.engines!.vscode}: newer types would let the code use API the oldest accepted VS Code lacks`,
    );
  });
});
