// What a rule check reports: a rule id, a message and where, as a JSON path relative to the
// record (resolved to offsets only when the finding is kept, so clean records stay cheap).

import type { CtSeverity } from './types';

export type Path = ReadonlyArray<string | number>;

export interface Finding {
  ruleId: string;
  message: string;
  /** Path from the record to the item (empty = the record itself). */
  path: Path;
  /** Underline the key of the member at `path`, its value, or the record's opening brace. */
  part: 'key' | 'value' | 'record';
  /** Severity used instead of the rule's default (a user override in options still wins). */
  severity?: CtSeverity;
  /** Replace the value at `path` with this JSON value. */
  fix?: { title: string; newValue: unknown; isPreferred?: boolean };
}

export type Reporter = (finding: Finding) => void;
