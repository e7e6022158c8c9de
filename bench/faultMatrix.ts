// Prints the fault matrix: each operation under each fault, through the real SDK and the
// explorer's model against the local endpoint, with what the user sees, the SDK's retries
// and whether every fleet/event the endpoint holds is shown exactly once after recovery.
// Run: npm run bench:faults   (after npm run compile-tests)
import {
  FAULT_LABELS,
  MATRIX_REQUEST_TIMEOUT_MS,
  runMatrix,
  type CellResult,
} from '../test/unit/robustness/faultMatrix';

function userSees(cell: CellResult): string {
  if (cell.firstOutcome === 'ok') return cell.retries > 0 ? 'loads (SDK retried)' : 'loads';
  return `error node + Retry (${cell.firstOutcome}${cell.retryable ? ', retryable' : ''})`;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const cells = await runMatrix((c) => process.stderr.write(`  ${c.operation} × ${c.fault}: ${c.firstOutcome}\n`));
  const rows = [['operation', 'fault', 'user sees', 'SDK retries', 'user Retry', 'exactly once', 'ms']];
  for (const c of cells) {
    rows.push([
      c.operation,
      FAULT_LABELS[c.fault],
      userSees(c),
      String(c.retries),
      c.userRetry ? 'yes' : 'no',
      c.exactlyOnce ? 'yes' : `NO: ${c.problem}`,
      String(c.ms),
    ]);
  }
  console.log(
    `Fault matrix: ${cells.length} cells, SDK request timeout ${MATRIX_REQUEST_TIMEOUT_MS} ms, 5 attempts, ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`,
  );
  console.log(table(rows));
  console.log('\nError messages as shown in the error node:');
  const seen = new Set<string>();
  for (const c of cells) {
    if (!c.message) continue;
    const generic = c.message.replace(/fleet-[0-9a-f-]+/g, 'fleet-…').replace(/position \d+/, 'position N');
    if (seen.has(`${c.firstOutcome}|${generic}`)) continue;
    seen.add(`${c.firstOutcome}|${generic}`);
    console.log(`- ${c.firstOutcome}: ${c.message}`);
  }
  const bad = cells.filter((c) => !c.exactlyOnce);
  console.log(
    `\n${cells.length - bad.length}/${cells.length} cells show every fleet/event exactly once after recovery.`,
  );
  process.exitCode = bad.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
