// Bundles a benchmark's entry with esbuild and the release options of scripts/build.mjs
// (minified, node20, cjs), so benchmarks time what the extension ships.
import * as esbuild from 'esbuild';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Writes the bundle of `entry` (repository-relative) to `outfile`. */
export async function bundleAsShipped(entry: string, outfile: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
