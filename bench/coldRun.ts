// Times code in a fresh Node process: the "cold" figure of a benchmark (loading the bundle and
// one run), as a user's first use after VS Code starts pays it.
import { spawnSync } from 'node:child_process';

/** `setup` reading the JSON of a file into `input`. */
export const readJsonInput = (file: string) =>
  `const input = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'));`;

/**
 * Runs `setup` then `body` (JavaScript) in a new process and returns the milliseconds `body`
 * took; `setup` prepares the input, untimed.
 */
export function coldMs(setup: string, body: string): number {
  const out = spawnSync(
    process.execPath,
    [
      '-e',
      `${setup}
       const t = process.hrtime.bigint();
       ${body}
       console.log(Number(process.hrtime.bigint() - t) / 1e6);`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (out.status !== 0) throw new Error(`cold run failed: ${out.stderr}`);
  return Number(out.stdout.trim());
}
