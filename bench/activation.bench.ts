// What activation costs, per activation path, measured inside the real VS Code host (the
// offline VS Code server of test/host): a plain JSON file, a CloudTrail log (a .json that
// detection switches), and the GameLift view. For each path a fresh host (cold) loads the
// release build, and bench/host/activationProbe.ts reports the bytes of the extension's
// JavaScript loaded and the time of require + activate: evaluating each dist file and the
// calls into what it exports (activate, an on-demand bundle's register function). The copy
// under test has no `onLanguage:json` activation event (VS Code opens settings.json at
// start-up, which would activate it before the probe's hooks are in place): the probe
// activates it, then takes the path. The baseline, built in the same run, is the same source
// folded into one bundle (`build.mjs --monolithic`), as it shipped before the split. Prints
// medians of RUNS hosts per path and build, with min–max.
// Run: npm run build && npm run compile-tests && npm run bench:activation [-- --runs 5]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { REPO_ROOT } from '../test/host/paths';
import { runCleanups } from '../test/host/cleanup';
import { startHostSession } from '../test/host/session';
import { RESULT_PREFIX, type ProbeResult } from './host/activationResult';
import { median } from './stats';

const PATHS = [
  { id: 'json', label: 'plain JSON file' },
  { id: 'cloudtrail', label: 'CloudTrail log (.json)' },
  { id: 'gamelift', label: 'GameLift view' },
] as const;
/** The target for a plain JSON file. */
const TARGET = { bytes: 150 * 1024, ms: 15 };
const PROBE = path.join(REPO_ROOT, 'out', 'bench', 'host', 'activationProbe.js');
const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Number(process.argv[argRuns + 1]) : 3;

/** A loadable copy of the extension (package.json, media, a release build of dist/). */
function buildExtension(dir: string, monolithic: boolean): string {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    activationEvents: string[];
  };
  manifest.activationEvents = manifest.activationEvents.filter((e) => e !== 'onLanguage:json');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.symlinkSync(path.join(REPO_ROOT, 'media'), path.join(dir, 'media'));
  const args = ['scripts/build.mjs', '--release', `--outdir=${path.join(dir, 'dist')}`];
  if (monolithic) args.push('--monolithic');
  const built = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  return dir;
}

async function measure(extensionDir: string, which: string): Promise<ProbeResult> {
  let result: ProbeResult | undefined;
  let resolveExit!: () => void;
  const exited = new Promise<void>((r) => (resolveExit = r));
  const session = await startHostSession({
    label: 'bench-activation',
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: PROBE,
    serverEnv: { GAMELIFT_BENCH_PATH: which },
    beforeOpen: async (page) => {
      await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
        for (const line of util.format(...(Array.isArray(args) ? args : [args])).split('\n')) {
          if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as ProbeResult;
        }
      });
      await page.exposeFunction('codeAutomationExit', () => resolveExit());
    },
  });
  try {
    await Promise.race([exited, new Promise((r) => setTimeout(r, 120_000))]);
  } finally {
    await session.stop();
  }
  if (!result) throw new Error(`no result from the host for "${which}"`);
  if (result.error) throw new Error(`${which}: ${result.error}`);
  return result;
}

interface Figures {
  readonly bytes: number;
  readonly ms: number[];
  readonly files: string;
}

function figures(results: readonly ProbeResult[]): Figures {
  const first = results[0];
  return {
    bytes: first.loads.reduce((n, l) => n + l.bytes, 0),
    ms: results.map((r) => r.ms),
    files: first.loads.map((l) => `${l.file} (${l.requireMs.toFixed(0)} + ${l.callMs.toFixed(0)} ms)`).join(' + '),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const spread = (ms: number[]) =>
  `${median(ms).toFixed(1)} ms (${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)})`;

async function main(): Promise<void> {
  if (!fs.existsSync(PROBE)) throw new Error('run "npm run compile-tests" first');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-bench-activation-'));
  try {
    const builds = {
      split: buildExtension(path.join(work, 'split'), false),
      monolithic: buildExtension(path.join(work, 'monolithic'), true),
    };
    const rows: string[][] = [
      ['path', 'build', 'JS loaded', 'require + activate (median, min–max)', 'files (one run: require + calls)'],
    ];
    const byPath: Record<string, { split: Figures; monolithic: Figures }> = {};
    for (const p of PATHS) {
      const measured: Partial<Record<'split' | 'monolithic', Figures>> = {};
      for (const build of ['monolithic', 'split'] as const) {
        const results: ProbeResult[] = [];
        for (let i = 0; i < RUNS; i++) {
          results.push(await measure(builds[build], p.id));
          process.stderr.write('.');
        }
        measured[build] = figures(results);
        rows.push([
          p.label,
          build === 'split' ? 'split (ships)' : 'one bundle (baseline)',
          kb(measured[build].bytes),
          spread(measured[build].ms),
          measured[build].files,
        ]);
      }
      byPath[p.id] = measured as { split: Figures; monolithic: Figures };
    }
    process.stderr.write('\n');
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log(
      `\nActivation in VS Code ${'(offline server, real extension host)'}, ${RUNS} cold host(s) per row, Node ${process.version} runner, ${os.cpus().length} CPUs\n`,
    );
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
    console.log('\nSplit against one bundle (same run):');
    for (const p of PATHS) {
      const { split, monolithic } = byPath[p.id];
      console.log(
        `  ${p.label.padEnd(24)} JS ${(split.bytes / monolithic.bytes).toFixed(2)}×, time ${(median(split.ms) / median(monolithic.ms)).toFixed(2)}×`,
      );
    }
    const json = byPath.json.split;
    const met = json.bytes < TARGET.bytes && median(json.ms) < TARGET.ms;
    console.log(
      `\nTarget for a plain JSON file: under ${kb(TARGET.bytes)} and ${TARGET.ms} ms → ${kb(json.bytes)}, ${median(json.ms).toFixed(1)} ms: ${met ? 'met' : 'NOT met'}`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  async () => {
    await runCleanups();
    process.exit(0);
  },
  async (err: unknown) => {
    console.error(`bench:activation failed: ${err instanceof Error ? err.message : String(err)}`);
    await runCleanups();
    process.exit(1);
  },
);
