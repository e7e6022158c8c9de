// The catalog of DescribeFleetEvents event codes: category, severity and a readable title.
// Data comes from src/gamelift/data/eventCodes.json (generated from the research reference).
// An unknown (future) code is never dropped: it lands in "other" with severity "info".
import data from './data/eventCodes.json';

export type Severity = 'error' | 'warning' | 'info';

export type EventCategoryId =
  | 'fleet_state_transition'
  | 'fleet_creation'
  | 'vpc_peering'
  | 'spot_instance'
  | 'server_process'
  | 'game_session'
  | 'container_group'
  | 'location_state_transition'
  | 'instance_and_compute'
  | 'other';

export interface EventCategory {
  readonly id: EventCategoryId;
  readonly label: string;
}

export interface EventCodeInfo {
  readonly code: string;
  readonly category: EventCategoryId;
  readonly severity: Severity;
  readonly severityReason: string;
  readonly documentedByAws: boolean;
  /** False for codes that are not in our catalog (newer than this extension). */
  readonly known: boolean;
  readonly title: string;
}

/** Categories in display order (the order users scan a fleet's history in). */
export const EVENT_CATEGORIES: readonly EventCategory[] = data.categories as EventCategory[];

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

// Words that read better in their usual casing than in Title Case.
// Declared before byCode, whose initialiser calls titleForCode.
const SPECIAL_WORDS: Record<string, string> = {
  VPC: 'VPC',
  SDK: 'SDK',
  ID: 'ID',
  EC2: 'EC2',
  DNS: 'DNS',
  OS: 'OS',
};

const byCode = new Map<string, EventCodeInfo>(
  data.eventCodes.map((e) => [
    e.code,
    {
      ...e,
      category: e.category as EventCategoryId,
      severity: e.severity as Severity,
      known: true,
      title: titleForCode(e.code),
    },
  ]),
);

/** All known event codes, in the model's enum order. */
export const KNOWN_EVENT_CODES: readonly string[] = data.eventCodes.map((e) => e.code);

export function lookupEventCode(code: string | undefined): EventCodeInfo {
  const known = code !== undefined ? byCode.get(code) : undefined;
  if (known) return known;
  const shown = code && code.length > 0 ? code : 'UNKNOWN';
  return {
    code: shown,
    category: 'other',
    severity: 'info',
    severityReason: 'This event code is newer than this extension; read the message to judge it.',
    documentedByAws: false,
    known: false,
    title: titleForCode(shown),
  };
}

export function categoryLabel(id: EventCategoryId): string {
  return EVENT_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

/** The more severe of two severities. */
export function worstSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

export function severityRank(s: Severity): number {
  return SEVERITY_RANK[s];
}

/** FLEET_STATE_ACTIVE -> "Fleet state active". Deterministic, so unknown codes get one too. */
export function titleForCode(code: string): string {
  const words = code.split('_').filter((w) => w.length > 0);
  return words
    .map((w, i) => SPECIAL_WORDS[w] ?? (i === 0 ? w.charAt(0) + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join(' ');
}
