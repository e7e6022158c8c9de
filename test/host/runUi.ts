// `npm run test:ui`: runs test/ui/**/*.ui.test.ts (mocha BDD, in this Node process)
// against one shared workbench in headless Chromium (see test/ui/harness.ts).
// Accepts the same narrowing as the integration runner: --grep <pattern> and file fragments.
import * as path from 'path';
import Mocha from 'mocha';
import { parseNarrowing } from './args';
import { runCleanups } from './cleanup';
import { findTestFiles, lineReporter, selectFiles } from './mochaSupport';
import { REPO_ROOT, UI_OUTPUT_DIR } from './paths';
import { formatSummary, type TestSummary } from './summary';
import { getWorkbench, reloadWorkbench, shutdownWorkbench } from '../ui/harness';

async function main(): Promise<number> {
  const started = Date.now();
  const narrowing = parseNarrowing(process.argv.slice(2));
  const uiDir = path.join(REPO_ROOT, 'out', 'test', 'ui');
  const all = findTestFiles(uiDir, '.ui.test.js');
  const files = selectFiles(all, narrowing.files);
  console.log(
    `[ui] ${files.length} of ${all.length} UI test file(s); screenshots go to ${path.relative(REPO_ROOT, UI_OUTPUT_DIR)}/`,
  );
  if (files.length === 0) {
    console.log(formatSummary({ level: 'ui', passed: 0, failed: 0, pending: 0 }));
    return 1;
  }

  // Start the shared workbench before mocha so a broken host is reported as such.
  await getWorkbench();
  console.log(`[ui] workbench ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  // One mocha run per file; between files the page is reloaded (same server and emulator,
  // fresh extension host and tree) so a file never sees what an earlier one left behind.
  // GAMELIFT_UI_SHARED=1 keeps one page for all files (faster, but files may interfere).
  const reload = process.env.GAMELIFT_UI_SHARED !== '1';
  const summary: TestSummary = { level: 'ui', passed: 0, failed: 0, pending: 0 };
  for (const [i, file] of files.entries()) {
    if (i > 0 && reload) await reloadWorkbench();
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.GAMELIFT_TEST_TIMEOUT_MS ?? 60_000),
      reporter: lineReporter('ui', console.log, { summary: false }),
    });
    if (narrowing.grep) mocha.grep(narrowing.grep);
    mocha.addFile(file);
    let runner!: Mocha.Runner;
    await new Promise<void>((resolve) => (runner = mocha.run(() => resolve())));
    summary.passed += runner.stats?.passes ?? 0;
    summary.failed += runner.stats?.failures ?? 0;
    summary.pending += runner.stats?.pending ?? 0;
  }
  await shutdownWorkbench();
  console.log(
    `[ui] ${summary.passed} passed, ${summary.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(formatSummary(summary));
  return summary.failed === 0 && summary.passed > 0 ? 0 : 1;
}

main().then(
  async (code) => {
    await runCleanups();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(`[ui] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    await shutdownWorkbench();
    await runCleanups();
    process.exit(1);
  },
);
