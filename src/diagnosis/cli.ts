// gamelift-diagnose: the fleet diagnosis on the command line, for the CI job whose deploy ended
// in "did not stabilize" (bundled to dist/gamelift-diagnose.js; `node dist/gamelift-diagnose.js
// --help`). The same client factory, credential chain and endpoint rules as the extension, the
// same gatherer and core; logs are downloaded the same way (expired links renewed once).
import { createClientFactory } from '../gamelift/clientFactory';
import { classifyError } from '../gamelift/errors';
import { markBidiControls } from '../gamelift/bidi';
import { redactSecrets } from '../gamelift/redact';
import { systemClock } from '../common/clock';
import { parseDiagnoseArgs, USAGE, type DiagnoseOptions } from './cliArgs';
import { DiagnosisUnavailableError, gatherDiagnosis } from './gather';
import { diagnosisToMarkdown } from './markdown';
import type { Diagnosis } from './types';

export interface DiagnoseIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now?: () => number;
}

/** The one object `--format json` prints. */
export interface DiagnosisJson {
  readonly fleetId: string;
  readonly verdict: Diagnosis['verdict'];
  /** The phase the fleet stopped in, else the furthest it reached. */
  readonly phase: string;
  readonly headline: string;
  /** The cause, or null; a guess says so in the text. */
  readonly cause: string | null;
  readonly evidence: readonly { kind: 'event' | 'log' | 'config'; eventId?: string; line?: number; text: string }[];
  readonly nextSteps: readonly string[];
}

export function diagnosisJson(d: Diagnosis): DiagnosisJson {
  return {
    fleetId: d.fleetId,
    verdict: d.verdict,
    phase: d.phase.stoppedAt ?? d.phase.reached,
    headline: d.headline,
    cause: d.cause ? (d.cause.guess ? `Likely (a guess): ${d.cause.text}` : d.cause.text) : null,
    evidence: d.evidence.map((e) => ({
      kind: e.kind,
      ...(e.eventId !== undefined ? { eventId: e.eventId } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
      text: e.text,
    })),
    nextSteps: d.nextSteps,
  };
}

/** The diagnosis for a terminal: verdict first, then phase, cause, evidence and next steps. */
export function diagnosisText(d: Diagnosis, fleetName: string | undefined, region: string): string {
  const safe = (t: string) => markBidiControls(redactSecrets(t));
  const stopped = d.phase.stoppedAt;
  const reachedAt = d.phase.steps.indexOf(d.phase.reached);
  const phase = d.phase.steps.map((s, i) => (s === stopped ? `[${s} ✗]` : i <= reachedAt ? `${s} ✓` : s)).join(' → ');
  const lines = [
    `${fleetName ? `${safe(fleetName)} (${d.fleetId})` : d.fleetId} in ${region}: ${d.verdict.toUpperCase()}`,
    safe(d.headline),
    '',
    `Phase: ${phase}${d.phase.status ? ` (status ${d.phase.status})` : ''}`,
  ];
  if (d.cause) lines.push(`${d.cause.guess ? 'Likely cause (a guess)' : 'Cause'}: ${safe(d.cause.text)}`);
  if (d.evidence.length > 0) {
    lines.push('', 'Evidence:');
    for (const e of d.evidence) {
      const where =
        e.kind === 'event'
          ? `event ${e.eventId}`
          : e.kind === 'log'
            ? `log of event ${e.eventId}${e.file ? ` (${safe(e.file)})` : ''}, line ${e.line}`
            : 'configuration';
      lines.push(`  - ${where}: ${safe(e.text)}`);
    }
  }
  if (d.launchPaths && d.launchPaths.length > 0) {
    lines.push('', 'Runtime configuration:');
    for (const l of d.launchPaths) {
      const state = l.found === undefined ? '' : l.found ? ' (found in the build)' : ' (not found in the build)';
      lines.push(
        `  - ${safe(l.launchPath)}${l.parameters ? ` ${safe(l.parameters)}` : ''} × ${l.concurrentExecutions}${state}`,
      );
      for (const p of l.problems) lines.push(`      ${safe(p)}`);
      if (l.suggestion) lines.push(`      did you mean ${safe(l.suggestion)}?`);
    }
  }
  if (d.nextSteps.length > 0) lines.push('', 'Next steps:', ...d.nextSteps.map((s, i) => `  ${i + 1}. ${safe(s)}`));
  if (d.hints.length > 0) lines.push('', 'Hints (not proven by the events):', ...d.hints.map((h) => `  - ${safe(h)}`));
  if (d.also.length > 0) lines.push('', 'Also found:', ...d.also.map((f) => `  - ${f.verdict}: ${safe(f.headline)}`));
  return `${lines.join('\n')}\n`;
}

export async function runDiagnoseCli(argv: readonly string[], io: DiagnoseIo): Promise<number> {
  const now = io.now ?? systemClock.now;
  const parsed = parseDiagnoseArgs(argv, io.env, now());
  if ('help' in parsed) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`gamelift-diagnose: ${parsed.error}\nTry --help.\n`);
    return 2;
  }
  return diagnose(parsed.options, io, now);
}

async function diagnose(options: DiagnoseOptions, io: DiagnoseIo, now: () => number): Promise<number> {
  const clients = createClientFactory({ userAgentSuffix: 'cli/gamelift-diagnose' });
  const target = {
    region: options.region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  try {
    const gathered = await gatherDiagnosis(clients.clientFor('gamelift', target), options.fleet, {
      now,
      ...(options.since !== undefined ? { since: options.since } : {}),
      allowedEndpoints: [options.endpoint],
    });
    for (const gap of gathered.gaps) io.stderr(`gamelift-diagnose: note: ${redactSecrets(gap)}\n`);
    const d = gathered.diagnosis;
    const name = gathered.input.fleet.name;
    if (options.format === 'json') io.stdout(`${JSON.stringify(diagnosisJson(d), null, 2)}\n`);
    else if (options.format === 'markdown')
      io.stdout(diagnosisToMarkdown(d, { fleetName: name, region: options.region }));
    else io.stdout(diagnosisText(d, name, options.region));
    return d.verdict === 'healthy' ? 0 : 1;
  } catch (err) {
    const message =
      err instanceof DiagnosisUnavailableError
        ? err.message
        : classifyError(err, {
            action: `Diagnosing ${options.fleet}`,
            profile: options.profile,
            region: options.region,
          }).message;
    io.stderr(`gamelift-diagnose: ${redactSecrets(message)}\n`);
    return 2;
  } finally {
    clients.forget();
  }
}

/* istanbul ignore next -- process wiring */
if (require.main === module) {
  void runDiagnoseCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`gamelift-diagnose: ${redactSecrets((e as Error).message ?? String(e))}\n`);
      process.exitCode = 2;
    },
  );
}
