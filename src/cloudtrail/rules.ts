// Catalogue of every CloudTrail rule: stable id, default severity and description (for
// settings, docs and the CLI). Rule logic lives in the checks; this is only the list.

import type { CtRuleInfo, CtSeverity } from './types';

export const RULES: ReadonlyArray<CtRuleInfo> = [
  { id: 'syntax', defaultSeverity: 'error', description: 'The text is not valid JSON (missing quote or comma, trailing comma, unterminated string, truncated file, stray characters).' },
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: string): CtRuleInfo | undefined {
  return byId.get(id);
}

export function defaultSeverity(id: string): CtSeverity {
  return byId.get(id)?.defaultSeverity ?? 'warning';
}
