// Command-line arguments of cloudtrail-history → a HistoryQuery and output options, with the
// messages a person needs when an argument is wrong. Pure; the CLI (cli.ts) runs the query.
import { gameliftResourceId } from './gameliftIds';
import type { HistoryQuery } from './types';
import { systemClock } from '../common/clock';
import { parseTimeArg } from '../common/timeArg';

export const USAGE = `Usage: cloudtrail-history <folder | file>... [options]

Reads CloudTrail logs — every .json, .json.gz, .jsonl and .ndjson in the folders (deliveries
{"Records":[…]}, arrays, JSON Lines, EventBridge events, 'aws cloudtrail lookup-events' output) —
and prints the matching records, newest first, one JSON record per line.

Filters (all must match):
  --since T, --until T   time range: 2026-11-20, 2026-11-20T10:05:00Z, or an age like 90m, 12h, 7d
  --source S             event source, e.g. gamelift.amazonaws.com (or just gamelift); commas for several
  --name N               event name, e.g. UpdateFleetCapacity; commas for several
  --principal P          who: text in the identity's ARN or user name (any case)
  --resource R           text in a resource: fleet, alias, build or script ID, or a resource ARN
  --fleet F              records about this fleet (ID or ARN)
  --errors               only calls that failed (with an errorCode)
  --writes               only calls that change something (readOnly = false)

Output:
  --format jsonl|table|csv   default jsonl (whole records)
  --limit N              print at most N records
  --oldest               oldest first
  --threads N            reader threads (default: one per core)
  --stats                also print index size and timings on stderr
  -h, --help             this help

Exit code: 0 records matched, 1 none matched, 2 bad arguments or nothing could be read.`;

export type OutputFormat = 'jsonl' | 'table' | 'csv';

export interface CliOptions {
  readonly inputs: string[];
  readonly query: HistoryQuery;
  readonly format: OutputFormat;
  readonly limit?: number;
  readonly threads?: number;
  readonly stats: boolean;
}

export type ParsedArgs = { readonly help: true } | { readonly options: CliOptions } | { readonly error: string };

function list(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function parseArgs(argv: readonly string[], now = systemClock.now()): ParsedArgs {
  const inputs: string[] = [];
  const fields: Record<string, { values?: string[]; text?: string }> = {};
  let since: number | undefined;
  let until: number | undefined;
  let format: OutputFormat = 'jsonl';
  let limit: number | undefined;
  let threads: number | undefined;
  let fleet: string | undefined;
  let errorsOnly = false;
  let writesOnly = false;
  let oldest = false;
  let stats = false;
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takesValue = [
      '--since',
      '--until',
      '--source',
      '--name',
      '--principal',
      '--resource',
      '--fleet',
      '--format',
      '--limit',
      '--threads',
    ].includes(name);
    let value = '';
    if (takesValue) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else return { error: `${name} needs a value` };
      if (value.trim() === '') return { error: `${name} needs a value` };
      if (seen.has(name)) return { error: `${name} is given twice; give it once (use commas for several values)` };
      seen.add(name);
    } else if (eq > 0) return { error: `${name} takes no value` };

    switch (name) {
      case '-h':
      case '--help':
        return { help: true };
      case '--since':
      case '--until': {
        const t = parseTimeArg(value, now);
        if (t === undefined)
          return {
            error: `${name}: cannot read "${value}" as a time (use 2026-11-20, 2026-11-20T10:05:00Z, or 90m, 12h, 7d)`,
          };
        if (name === '--since') since = t;
        else until = t;
        break;
      }
      case '--source':
        fields.eventSource = { values: list(value).map((s) => (s.includes('.') ? s : `${s}.amazonaws.com`)) };
        break;
      case '--name':
        fields.eventName = { values: list(value) };
        break;
      case '--principal':
        fields.principal = { text: value };
        break;
      case '--resource':
        fields.resource = { text: gameliftResourceId(value.trim()) ?? value.trim() };
        break;
      case '--fleet':
        fleet = value.trim();
        if (!gameliftResourceId(fleet)?.match(/^[a-z]*fleet-/))
          return { error: `--fleet: "${value}" is not a fleet ID (fleet-…) or fleet ARN` };
        break;
      case '--format':
        if (value !== 'jsonl' && value !== 'table' && value !== 'csv')
          return { error: `--format must be jsonl, table or csv (not "${value}")` };
        format = value;
        break;
      case '--limit':
      case '--threads': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < (name === '--limit' ? 1 : 0) || n > 1024 * 1024 * 1024)
          return {
            error: `${name} needs a whole number${name === '--limit' ? ' of at least 1' : ''} (not "${value}")`,
          };
        if (name === '--limit') limit = n;
        else threads = n;
        break;
      }
      case '--errors':
        errorsOnly = true;
        break;
      case '--writes':
        writesOnly = true;
        break;
      case '--oldest':
        oldest = true;
        break;
      case '--stats':
        stats = true;
        break;
      default:
        return { error: `unknown option ${name}` };
    }
  }
  if (inputs.length === 0) return { error: 'name at least one folder or file to read' };
  if (since !== undefined && until !== undefined && since >= until) return { error: '--since must be before --until' };
  const query: HistoryQuery = {
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(fleet ? { fleet } : {}),
    ...(errorsOnly ? { errorsOnly } : {}),
    ...(writesOnly ? { writesOnly } : {}),
    order: oldest ? 'oldest' : 'newest',
  };
  return {
    options: {
      inputs,
      query,
      format,
      ...(limit !== undefined ? { limit } : {}),
      ...(threads !== undefined ? { threads } : {}),
      stats,
    },
  };
}
