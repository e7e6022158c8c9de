// Shared mocha plumbing for the in-VS Code and UI levels: find compiled test files
// (optionally narrowed by GAMELIFT_TEST_FILES), and a plain reporter that prints one
// line per test through console.log (the only output channel the extension host
// forwards to the runner) and finishes with the machine-readable summary line.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { formatSummary } from './summary';

export function findTestFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith(suffix)) found.push(p);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Narrows `files` by a comma-separated list of fragments: `activation`, `test/integration/activation.test.ts`
 * and `out/test/integration/activation.test.js` all select the same file.
 */
export function selectFiles(files: string[], filter: string | undefined): string[] {
  const wanted = (filter ?? '')
    .split(',')
    .map((f) =>
      f
        .trim()
        .replace(/\\/g, '/')
        .replace(/\.ts$/, '.js')
        .replace(/^(\.\/)?(out\/)?/, ''),
    )
    .filter((f) => f.length > 0);
  if (wanted.length === 0) return files;
  return files.filter((file) => wanted.some((w) => file.replace(/\\/g, '/').includes(w)));
}

const { EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } =
  Mocha.Runner.constants;

/** Creates a reporter class for `level` (e.g. "integration") printing with `print`. */
export function lineReporter(
  level: string,
  print: (line: string) => void = console.log,
  opts: { summary?: boolean } = {},
): typeof Mocha.reporters.Base {
  return class LineReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let passed = 0;
      let failed = 0;
      let pending = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.title) print(`${'  '.repeat(depth(suite) - 1)}${suite.title}`);
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        passed++;
        print(`${indent(test)}✔ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        pending++;
        print(`${indent(test)}- ${test.title} (pending)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
        failed++;
        print(`${indent(test)}✘ ${test.fullTitle()}`);
        const detail = (err && (err.stack || err.message)) || String(err);
        for (const l of String(detail).split('\n').slice(0, 25)) print(`${indent(test)}    ${l}`);
      });
      runner.once(EVENT_RUN_END, () => {
        if (opts.summary === false) return;
        print('');
        print(`[${level}] ${passed} passing, ${failed} failing, ${pending} pending`);
        print(formatSummary({ level, passed, failed, pending }));
      });
    }
  };
}

function depth(suite: Mocha.Suite): number {
  let d = 0;
  for (let s: Mocha.Suite | undefined = suite; s && !s.root; s = s.parent) d++;
  return d;
}

function indent(test: Mocha.Test): string {
  return '  '.repeat(test.parent ? depth(test.parent) : 0);
}
