// `npm run test:integration`: runs test/integration/**/*.test.ts inside a real VS Code
// (code-server's VS Code server + headless Chromium), against the local GameLift
// emulator. The pass/fail verdict comes back through the page's smoke-test hooks
// (codeAutomationLog / codeAutomationExit); the runner prints the test lines, ends with
// the summary line and exits 0 only when the tests ran and passed.
import * as fs from 'fs';
import * as util from 'util';
import { runCleanups } from './cleanup';
import { parseNarrowing } from './args';
import { INTEGRATION_INDEX } from './paths';
import { startHostSession } from './session';
import { formatSummary, parseSummary, SUMMARY_PREFIX, type TestSummary } from './summary';

/** First line test/integration/index.ts prints. */
const TESTS_START = '[integration] ';
/** Workbench messages that can interleave with test output and mean nothing here. */
const WORKBENCH_NOISE = /^(Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|\[AgentHost)/;
const TIMEOUT_MS = Number(process.env.GAMELIFT_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  const narrowing = parseNarrowing(process.argv.slice(2));
  if (!fs.existsSync(INTEGRATION_INDEX)) {
    console.error(`[integration] ${INTEGRATION_INDEX} missing: run "npm run compile-tests" first`);
    return 1;
  }
  let summary: TestSummary | undefined;
  let testsStarted = false;
  const workbenchLog: string[] = [];
  let resolveExit!: (code: number) => void;
  const exit = new Promise<number>((r) => (resolveExit = r));

  const session = await startHostSession({
    label: 'integration',
    extensionTestsPath: INTEGRATION_INDEX,
    serverEnv: { GAMELIFT_TEST_GREP: narrowing.grep, GAMELIFT_TEST_FILES: narrowing.files },
    beforeOpen: async (page) => {
      // The page also forwards the workbench's own console chatter; it goes to a log file
      // until the test module announces itself, then the test lines are printed.
      await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
        const text = util.format(...(Array.isArray(args) ? args : [args]));
        for (const line of text.split('\n')) {
          summary = parseSummary(line) ?? summary;
          if (!testsStarted && line.startsWith(TESTS_START)) testsStarted = true;
          if (!testsStarted) workbenchLog.push(line);
          else if (!line.startsWith(SUMMARY_PREFIX) && !WORKBENCH_NOISE.test(line)) console.log(line);
        }
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    },
  });
  console.log(`[integration] workbench opened; running tests (timeout ${Math.round(TIMEOUT_MS / 1000)} s)…`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((r) => (timer = setTimeout(() => r(-1), TIMEOUT_MS)));
  const code = await Promise.race([exit, timeout]);
  clearTimeout(timer);
  await session.stop();
  if (!testsStarted || code !== 0) {
    console.log(
      `[integration] workbench console before the tests (last 40 lines):\n${workbenchLog.slice(-40).join('\n')}`,
    );
  }

  const elapsed = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (code === -1) {
    console.error(`[integration] TIMED OUT after ${Math.round(TIMEOUT_MS / 1000)} s without a result from VS Code`);
  }
  const result: TestSummary = summary ?? { level: 'integration', passed: 0, failed: code === 0 ? 0 : 1, pending: 0 };
  if (!summary && code !== -1)
    console.error('[integration] VS Code reported no test summary (did the test module load?)');
  console.log(`[integration] VS Code exit code ${code}; ${result.passed} passed, ${result.failed} failed (${elapsed})`);
  console.log(formatSummary(result));
  return code === 0 && result.failed === 0 && result.passed > 0 ? 0 : 1;
}

main().then(
  async (code) => {
    await runCleanups();
    process.exit(code);
  },
  async (err: unknown) => {
    console.error(`[integration] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    await runCleanups();
    process.exit(1);
  },
);
