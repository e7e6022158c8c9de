// `npm test` (after `pretest` has built the extension and compiled the tests): runs the
// static checks (lint, format, typecheck, README tables; each counts as one test) and then
// the three test levels — unit (mocha in Node), integration (mocha inside a real VS Code)
// and UI (Playwright against the workbench) — each even if an earlier one failed. Prints a
// row per step, then one line "N passed, N failed" (summed), and exits non-zero if any
// step failed or a level ran no tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

// The checks and the unit level run their package.json scripts, so `npm run lint` (etc.) is
// exactly what `npm test` runs.
const npmCli = process.env.npm_execpath;
const npmScript = (name) =>
  npmCli
    ? { command: node, args: [npmCli, 'run', '--silent', name] }
    : { command: 'npm', args: ['run', '--silent', name] };

const levels = [
  { name: 'lint', check: true, ...npmScript('lint') },
  { name: 'format', check: true, ...npmScript('format:check') },
  { name: 'typecheck', check: true, ...npmScript('typecheck') },
  { name: 'readme', check: true, ...npmScript('readme:check') },
  { name: 'unit', ...npmScript('test:unit') },
  { name: 'integration', command: node, args: [path.join(root, 'out', 'test', 'host', 'runIntegration.js')] },
  { name: 'ui', command: node, args: [path.join(root, 'out', 'test', 'host', 'runUi.js')] },
];

const SUMMARY = '##gamelift-summary ';
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Counts from our runners' summary line, else from mocha's spec epilogue ("3 passing"). */
function countsFrom(output) {
  const lines = stripAnsi(output).split('\n');
  const summaryLine = lines.filter((l) => l.includes(SUMMARY)).pop();
  if (summaryLine) {
    try {
      const s = JSON.parse(summaryLine.slice(summaryLine.indexOf(SUMMARY) + SUMMARY.length));
      return { passed: s.passed, failed: s.failed, pending: s.pending ?? 0 };
    } catch {
      // fall through to the epilogue
    }
  }
  const grab = (word) => {
    const m = lines
      .map((l) => l.match(new RegExp(`^\\s*(\\d+) ${word}\\b`)))
      .filter(Boolean)
      .pop();
    return m ? Number(m[1]) : 0;
  };
  return { passed: grab('passing'), failed: grab('failing'), pending: grab('pending') };
}

let activeChild;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The level's own handlers clean up its server and browser; just pass the signal on.
    if (activeChild) activeChild.kill(signal);
    setTimeout(() => process.exit(130), 15_000).unref();
  });
}

function runLevel(level) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n===== ${level.name} ${level.check ? 'check' : 'tests'} =====`);
    let output = '';
    const child = spawn(level.command, level.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    activeChild = child;
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (err) => {
      output += String(err);
      console.error(`[test-all] could not start the ${level.name} level: ${err.message}`);
    });
    child.on('close', (code, signal) => {
      activeChild = undefined;
      const exitCode = code ?? (signal ? 1 : 0);
      // A check is one test: it passes when its command exits 0.
      const counts = level.check
        ? { passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, pending: 0 }
        : countsFrom(output);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ ...level, code: exitCode, seconds, ...counts });
    });
  });
}

const results = [];
for (const level of levels) results.push(await runLevel(level));

console.log('\n===== summary =====');
let passed = 0;
let failed = 0;
let ok = true;
for (const r of results) {
  const ran = r.passed + r.failed;
  const levelOk = r.code === 0 && r.failed === 0 && ran > 0;
  if (!levelOk) ok = false;
  const why = levelOk
    ? 'ok'
    : ran === 0
      ? `FAILED (no tests ran${r.code !== 0 ? `; exit code ${r.code}, see its output above` : ''})`
      : `FAILED (exit code ${r.code})`;
  console.log(
    `${r.name.padEnd(12)} ran ${String(ran).padStart(4)}  passed ${String(r.passed).padStart(4)}  failed ${String(r.failed).padStart(3)}  pending ${String(r.pending).padStart(3)}  ${r.seconds.padStart(6)} s  ${why}`,
  );
  passed += r.passed;
  // A level that crashed without reporting a failure still counts as one failure.
  failed += r.failed > 0 ? r.failed : levelOk ? 0 : 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
