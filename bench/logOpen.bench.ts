// Opening a 5 MB event log (issue 16: within 1 s of its bytes arriving), on what ships: unpack
// and decode, the editor's text (^M and bidi marks), the outline — bundled by esbuild with the
// release options. Profiles: plain UTF-8, gzip, zip, Latin-1 (UTF-8 fails first), and unkind
// ones (a carriage return in every line, one 5 MB line, an error on every line). The baseline,
// measured in the same run, is a UTF-8 decode and a line split of the unpacked text: the least any
// viewer must do.
// VS Code's own tokenizing and drawing come after and are not timed. Figures only.
// Run: npm run compile-tests && npm run bench:log-open
import { zipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { openLog as OpenLog } from './logOpenEntry';
import { bundleAsShipped } from './bundle';
import { coldMs } from './coldRun';
import { bestTime, median } from './stats';

const SIZE = 5 * 1024 * 1024;

function installerLog(line: (i: number) => string): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < SIZE; i++) {
    const l = line(i);
    lines.push(l);
    size += l.length + 1;
  }
  return lines.join('\n');
}

const steps = (i: number) =>
  i % 211 === 0
    ? `2026-05-11T10:00:00.000Z [ERROR] step ${i} failed: exit code 2`
    : i % 97 === 0
      ? `==== Step ${i}: copying content ====`
      : `2026-05-11T10:00:00.000Z [INFO] + cp /local/game/content/file-${i}.pak /local/game/cache/`;

/** Each log as downloaded (`bytes`) and as text bytes (`plain`, what the baseline decodes). */
function profiles(): Array<{ name: string; bytes: Uint8Array; plain?: Uint8Array }> {
  const plain = Buffer.from(installerLog(steps), 'utf8');
  return [
    { name: 'plain UTF-8', bytes: plain },
    { name: 'gzip', bytes: gzipSync(plain), plain },
    { name: 'zip, one entry', bytes: zipSync({ 'install.log': plain }), plain },
    {
      name: 'Latin-1 (é as one byte)',
      bytes: Buffer.from(
        installerLog((i) => `${steps(i)} é`),
        'latin1',
      ),
    },
    {
      name: 'unkind: a CR in every line',
      bytes: Buffer.from(
        installerLog((i) => `${steps(i)}\r tail`),
        'utf8',
      ),
    },
    { name: 'unkind: one 5 MB line', bytes: Buffer.from('x'.repeat(SIZE), 'utf8') },
    {
      name: 'unkind: an error on every line',
      bytes: Buffer.from(
        installerLog((i) => `[ERROR] fatal: ${i} /local/game/bin/x exited`),
        'utf8',
      ),
    },
  ];
}

const baseline = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes).split('\n').length;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'log-open-bench-'));
  try {
    const bundle = join(dir, 'logOpen.js');
    await bundleAsShipped('bench/logOpenEntry.ts', bundle);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { openLog } = require(bundle) as { openLog: typeof OpenLog };
    console.log('Opening a 5 MB event log on the bundled code (target: within 1 s of the bytes)\n');
    console.log('profile'.padEnd(34), 'bytes KB', 'warm ms', ' cold ms', ' baseline ms', ' ×baseline', ' outline');
    for (const [index, { name, bytes, plain }] of profiles().entries()) {
      const warm = bestTime(() => openLog(bytes), 5);
      const base = bestTime(() => baseline(plain ?? bytes), 5);
      const file = join(dir, `log-${index}.bin`);
      writeFileSync(file, bytes);
      const cold = [0, 1, 2].map(() =>
        coldMs(
          `const input = require('fs').readFileSync(${JSON.stringify(file)});`,
          `require(${JSON.stringify(bundle)}).openLog(input);`,
        ),
      );
      console.log(
        name.padEnd(34),
        (bytes.length / 1024).toFixed(0).padStart(8),
        warm.toFixed(1).padStart(7),
        median(cold).toFixed(1).padStart(8),
        base.toFixed(2).padStart(12),
        (warm / base).toFixed(1).padStart(10),
        String(openLog(bytes).outline).padStart(8),
      );
    }
    console.log('\nwarm: best of 5 in this process; cold: median of 3 fresh processes (load + one open)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
