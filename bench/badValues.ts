// Prints the bad-values table: each hostile or mistaken value, whether it was refused, and
// the message the user gets. Run: npm run bench:badvalues   (after npm run compile-tests)
import { BAD_VALUE_CASES, judge, showValue } from '../test/unit/robustness/badValues';

const rows = [['input', 'case', 'value', 'expected', 'got', 'message']];
let wrong = 0;
for (const c of BAD_VALUE_CASES) {
  const v = judge(c);
  const ok =
    v.accepted === c.accept &&
    (!c.says || c.says.test(v.message ?? '')) &&
    !(c.never ?? []).some((s) => (v.message ?? '').includes(s));
  if (!ok) wrong++;
  rows.push([
    c.group,
    c.what,
    showValue(c.value).replace(/\|/g, '\\|'),
    c.accept ? 'accept' : 'refuse',
    `${v.accepted ? 'accepted' : 'refused'}${ok ? '' : ' ✗'}`,
    (v.message ?? '').replace(/\|/g, '\\|'),
  ]);
}
const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
const line = (r: string[]) => `| ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(
  [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'),
);
console.log(
  `\n${BAD_VALUE_CASES.length - wrong}/${BAD_VALUE_CASES.length} values handled as expected (${BAD_VALUE_CASES.filter((c) => !c.accept).length} refused, ${BAD_VALUE_CASES.filter((c) => c.accept).length} accepted).`,
);
process.exitCode = wrong ? 1 : 0;
