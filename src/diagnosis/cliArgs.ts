// Command-line arguments of gamelift-diagnose → what to diagnose, where and how to print it,
// with the message a person needs when an argument is wrong. Pure; cli.ts does the work.
import { isParseError, parseFleetIdOrArn } from '../gamelift/fleetIds';
import { validateEndpoint } from '../gamelift/endpointPolicy';
import { parseTimeArg } from '../common/timeArg';

export const USAGE = `Usage: gamelift-diagnose <fleet ID or ARN> [options]

Says why an Amazon GameLift fleet failed, is stuck or is unhealthy — what happened, where, why
and what to do — from its events (all since creation for a fleet that is not ACTIVE, the last
2 days for an ACTIVE one), runtime configuration, locations and creation logs.

Options:
  --profile P        AWS profile (default: the default credential chain: environment, shared
                     files, SSO, credential_process, web identity, instance metadata)
  --region R         Region (default: the ARN's, else AWS_REGION / AWS_DEFAULT_REGION)
  --endpoint URL     GameLift endpoint (default: AWS_ENDPOINT_URL_GAMELIFT, AWS_ENDPOINT_URL, the
                     profile's endpoint_url or services section, else AWS's own)
  --since T          read events from T on: 2026-11-20, 2026-11-20T10:05:00Z, or an age like 12h, 7d
  --format F         text (default), json or markdown
  -h, --help         this help

Exit code: 0 healthy, 1 failed, stuck or degraded, 2 could not diagnose (bad arguments, no such
fleet, no access…; the reason is on stderr).`;

export type DiagnoseFormat = 'text' | 'json' | 'markdown';

export interface DiagnoseOptions {
  readonly fleet: string;
  readonly region: string;
  readonly profile?: string;
  readonly endpoint?: string;
  readonly since?: number;
  readonly format: DiagnoseFormat;
}

export type ParsedDiagnoseArgs =
  { readonly help: true } | { readonly options: DiagnoseOptions } | { readonly error: string };

const VALUE_OPTIONS = new Set(['--profile', '--region', '--endpoint', '--since', '--format']);
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function parseDiagnoseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  now: number,
): ParsedDiagnoseArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 && name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return { error: `${name} needs a value.` };
      if (values.has(name)) return { error: `${name} is given twice.` };
      values.set(name, value);
    } else if (arg.startsWith('-') && arg !== '-') return { error: `Unknown option ${arg}.` };
    else positional.push(arg);
  }
  if (positional.length === 0) return { error: 'Name the fleet: a fleet ID (fleet-…) or a fleet ARN.' };
  if (positional.length > 1)
    return { error: `One fleet at a time (got ${positional.length}: ${positional.join(', ')}).` };
  const parsed = parseFleetIdOrArn(positional[0]);
  if (isParseError(parsed)) return { error: parsed.error };

  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown')
    return { error: `--format is text, json or markdown, not "${format}".` };

  const region = parsed.region ?? values.get('--region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) return { error: 'No Region: pass --region, use the fleet ARN, or set AWS_REGION.' };
  if (!REGION.test(region)) return { error: `"${region}" is not a Region (one looks like us-west-2).` };
  const asked = values.get('--region');
  if (parsed.region && asked && asked !== parsed.region)
    return { error: `The ARN is in ${parsed.region}, but --region says ${asked}.` };

  let endpoint: string | undefined;
  if (values.has('--endpoint')) {
    const verdict = validateEndpoint(values.get('--endpoint'));
    if (!verdict.ok) return { error: `--endpoint: ${verdict.reason}` };
    endpoint = verdict.endpoint;
  }

  let since: number | undefined;
  if (values.has('--since')) {
    since = parseTimeArg(values.get('--since')!, now);
    if (since === undefined)
      return {
        error: `--since takes a date (2026-11-20, 2026-11-20T10:05:00Z) or an age (12h, 7d), not "${values.get('--since')}".`,
      };
    if (since > now) return { error: '--since is in the future.' };
  }

  const profile = values.get('--profile');
  return {
    options: {
      fleet: parsed.arn ?? parsed.fleetId,
      region,
      ...(profile ? { profile } : {}),
      ...(endpoint ? { endpoint } : {}),
      ...(since !== undefined ? { since } : {}),
      format,
    },
  };
}
