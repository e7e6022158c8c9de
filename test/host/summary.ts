// The one-line result every test level prints last, so `scripts/test-all.mjs` can add
// them up without parsing reporter prose:  ##gamelift-summary {"passed":3,"failed":0,...}
export interface TestSummary {
  level: string;
  passed: number;
  failed: number;
  pending: number;
}

export const SUMMARY_PREFIX = '##gamelift-summary ';

export function formatSummary(s: TestSummary): string {
  return `${SUMMARY_PREFIX}${JSON.stringify(s)}`;
}

export function parseSummary(line: string): TestSummary | undefined {
  const i = line.indexOf(SUMMARY_PREFIX);
  if (i < 0) return undefined;
  try {
    return JSON.parse(line.slice(i + SUMMARY_PREFIX.length)) as TestSummary;
  } catch {
    return undefined;
  }
}
