// The diagnostics cap (maxDiagnostics) keeps the most severe first, so on a log where most records
// carry a hint the errors and warnings still show; what is left out is only counted, per severity.

import type { CtSeverity } from './types';

export const SEVERITIES_BY_RANK: readonly CtSeverity[] = ['error', 'warning', 'info', 'hint'];

export class SeverityCap<T> {
  private readonly kept: Record<CtSeverity, T[]> = { error: [], warning: [], info: [], hint: [] };
  /** Everything added, per severity, kept or not. */
  readonly counts: Record<CtSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };

  constructor(private readonly max: number) {}

  /** Counts an item, and keeps it while it can still be among the `max` most severe. */
  add(severity: CtSeverity, item: T): void {
    this.counts[severity]++;
    let atLeastAsSevere = 0;
    for (const s of SEVERITIES_BY_RANK) {
      atLeastAsSevere += this.kept[s].length;
      if (s === severity) break;
    }
    if (atLeastAsSevere < this.max) this.kept[severity].push(item);
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.info + this.counts.hint;
  }

  /** The kept items, most severe first (in the order added within a severity), at most `max`. */
  take(): T[] {
    return SEVERITIES_BY_RANK.flatMap((s) => this.kept[s]).slice(0, this.max);
  }
}
