// Server processes that never become ready: during activation (the fleet cannot go ACTIVE)
// and on an ACTIVE fleet (new processes keep failing to start). Which call never came,
// InitSDK() or ProcessReady(), or whether processes crash, is read from the event codes;
// Unity/Unreal launch causes are offered as hints.
import { type Candidate, type DiagnosisContext, sampleEvidence, totalWeight } from './context';
import { launchHints } from './engineHints';
import type { IndexedEvent } from './eventIndex';
import { describeRate, windowRate } from './rates';
import { plural, quote } from './text';
import type { Evidence } from './types';

const INIT_SDK = ['SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT', 'SERVER_PROCESS_SDK_INITIALIZATION_FAILED'];
const PROCESS_READY = ['SERVER_PROCESS_PROCESS_READY_TIMEOUT'];
const CRASHES = ['SERVER_PROCESS_CRASHED', 'SERVER_PROCESS_TERMINATED_UNHEALTHY'];
const INVALID_PATH = ['SERVER_PROCESS_INVALID_PATH'];

/** An ACTIVE fleet whose new processes fail this often (per 6 h) is unwell. Our judgement. */
const START_FAILURES_PER_WINDOW = 3;
const START_WINDOW_MS = 6 * 3_600_000;

const SIGNALS: Readonly<Record<string, string>> = {
  '134': 'SIGABRT, the process aborted itself',
  '137': 'SIGKILL, killed from outside, often for running out of memory',
  '139': 'SIGSEGV, a memory access fault in the server',
  '127': 'a program or library it needs was not found',
};

/** Exit codes named in the messages, most frequent first: [code, occurrences]. */
export function exitCodes(events: readonly IndexedEvent[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const code = /exit(?:ed)?\s+(?:with\s+)?code\s+(-?\d+)/i.exec(e.event.message ?? '')?.[1];
    if (code) counts.set(code, (counts.get(code) ?? 0) + e.weight);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function exitCauseText(codes: Array<[string, number]>, total: number): string | undefined {
  if (codes.length === 0) return undefined;
  const [code, n] = codes[0];
  const meaning = SIGNALS[code] ? ` (${SIGNALS[code]})` : '';
  const which = total === 1 ? 'The crash' : n === total ? `All ${total} crashes` : `${n} of the ${total} crashes`;
  return `${which} with a known exit code ended with code ${code}${meaning}.`;
}

/** Text of the build's creation logs, for recognising the engine. */
function buildText(ctx: DiagnosisContext): string {
  return ctx
    .logsOf('FLEET_CREATION_EXTRACTING_BUILD', 'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG')
    .map((l) => l.text)
    .join('\n');
}

function launchConfigEvidence(ctx: DiagnosisContext): Evidence[] {
  return (ctx.input.runtimeConfiguration?.serverProcesses ?? []).map((p) =>
    ctx.configEvidence(
      `Runtime configuration: launch path ${p.launchPath}${p.parameters ? ` with parameters "${p.parameters}"` : ' without parameters'} (${p.concurrentExecutions} concurrent)`,
    ),
  );
}

/** During creation: why no server process became ready. */
export function activationFailed(ctx: DiagnosisContext): Candidate | undefined {
  const status = ctx.fleet.status;
  if (status === 'ACTIVE' || status === 'UPDATING') return undefined;
  const activating = ctx.index.last('FLEET_STATE_ACTIVATING');
  const since = activating?.time ?? -Infinity;
  const inPeriod = (codes: string[]) => ctx.index.of(...codes).filter((e) => e.time >= since);
  const initSdk = inPeriod(INIT_SDK);
  const ready = inPeriod(PROCESS_READY);
  const crashes = inPeriod(CRASHES);
  const failed = ctx.index.of('FLEET_ACTIVATION_FAILED');
  const weights = { initSdk: totalWeight(initSdk), ready: totalWeight(ready), crashes: totalWeight(crashes) };
  const anyProcess = weights.initSdk + weights.ready + weights.crashes;
  // One timeout while still ACTIVATING is normal retrying; repeated ones, or an end in failure, are the story.
  if (failed.length === 0 && anyProcess < 2) return undefined;
  const failureLogs = ctx.logsOf('FLEET_ACTIVATION_FAILED', 'SERVER_PROCESS_CRASHED');
  const logLines = ctx
    .problemsIn(failureLogs, ['crash', 'missingLibrary', 'execFormat', 'permission'])
    .slice(0, 4)
    .map(({ log, problem }) => ctx.logEvidence(log, problem.line, problem.text));
  const failedEvidence = failed.slice(-1).map((e) => ctx.eventEvidence(e));
  const time = Math.min(...[initSdk, ready, crashes, failed].map((l) => l[0]?.time ?? Infinity));

  if (weights.initSdk > 0 && weights.initSdk >= weights.ready && weights.initSdk >= weights.crashes) {
    const hints = launchHints('initSdk', ctx.input.runtimeConfiguration, buildText(ctx));
    const sdkFailed = initSdk.some((e) => e.event.eventCode === 'SERVER_PROCESS_SDK_INITIALIZATION_FAILED');
    return {
      id: 'no-initsdk',
      kind: 'failure',
      rank: 75,
      time,
      headline: sdkFailed
        ? `Server processes fail to initialize the server SDK: ${plural(weights.initSdk, 'attempt')} failed.`
        : `Server processes never call InitSDK(): ${plural(weights.initSdk, 'process', 'processes')} timed out after 5 minutes.`,
      cause: {
        text: sdkFailed
          ? 'InitSDK() was called and failed; the event messages say what it could not reach.'
          : 'The executable starts but does not call InitSDK() within 5 minutes: it is not the program that calls it, it waits for something (a display, input, a file), or it stops before reaching it.',
        guess: !sdkFailed,
      },
      evidence: [
        ...sampleEvidence(ctx, initSdk),
        ...failedEvidence,
        ...hints.evidence,
        ...launchConfigEvidence(ctx),
        ...logLines,
      ],
      nextSteps: [
        'Open the server log of one of these processes (its log paths are the ones given to ProcessReady; without them, the output of the launch path) and see how far start-up got.',
        "Run the launch path with its parameters on a clean instance of the fleet's OS and check that it logs the call to InitSDK().",
        'A fleet in ERROR cannot be repaired: fix the build or the runtime configuration and create a new fleet.',
      ],
      hints: hints.hints,
    };
  }
  if (weights.ready > 0 && weights.ready >= weights.crashes) {
    const hints = launchHints('processReady', ctx.input.runtimeConfiguration, buildText(ctx));
    return {
      id: 'no-processready',
      kind: 'failure',
      rank: 74,
      time,
      headline: `Server processes call InitSDK() but never ProcessReady(): ${plural(weights.ready, 'process', 'processes')} timed out after 5 minutes.`,
      cause: {
        text: 'The processes initialized the SDK and then did not report ready within 5 minutes: start-up after InitSDK() is slow, blocked, or never reaches the ProcessReady() call.',
        guess: true,
      },
      evidence: [
        ...sampleEvidence(ctx, ready),
        ...failedEvidence,
        ...hints.evidence,
        ...launchConfigEvidence(ctx),
        ...logLines,
      ],
      nextSteps: [
        'Read the server log of one of these processes for what it did after InitSDK() (loading, waiting, an error).',
        'Call ProcessReady() as soon as the server can accept a game session; load maps and content after it or within 5 minutes.',
      ],
      hints: hints.hints,
    };
  }
  if (weights.crashes > 0) {
    const codes = exitCodes(crashes);
    const cause = exitCauseText(
      codes,
      codes.reduce((s, [, n]) => s + n, 0),
    );
    return {
      id: 'crash-on-start',
      kind: 'failure',
      rank: 72,
      time,
      headline: `Server processes crash while starting: ${plural(weights.crashes, 'crash', 'crashes')} during activation.`,
      ...(cause ? { cause: { text: cause, guess: false } } : {}),
      evidence: [...sampleEvidence(ctx, crashes), ...failedEvidence, ...logLines],
      nextSteps: [
        'Open the log of a crash event (or of FLEET_ACTIVATION_FAILED): the last lines before the exit show where it crashed.',
        "Run the build with the same launch path and parameters on a clean instance of the fleet's OS to reproduce the crash.",
        'Compare with the last build that activated: the change between them is the first suspect.',
      ],
    };
  }
  const last = failed[failed.length - 1];
  return {
    id: 'activation-failed',
    kind: 'failure',
    rank: 50,
    time,
    headline: 'Activation failed: no server process reported ready.',
    ...(last.event.message
      ? { cause: { text: `The event says: ${quote(last.event.message, 200)}`, guess: false } }
      : {}),
    evidence: [...failedEvidence, ...launchConfigEvidence(ctx), ...logLines],
    nextSteps: [
      'Open the log of the FLEET_ACTIVATION_FAILED event: it shows what the processes printed.',
      'Check that the launch path is the server executable and that it calls InitSDK() and then ProcessReady() within 5 minutes.',
    ],
  };
}

/** On an ACTIVE fleet: new server processes keep failing to start. */
export function processStartFailures(ctx: DiagnosisContext): Candidate | undefined {
  if (ctx.fleet.status !== 'ACTIVE' && ctx.fleet.status !== 'UPDATING') return undefined;
  const groups = [
    { id: 'no-initsdk', codes: INIT_SDK, what: 'processes did not call InitSDK() in time', hint: 'initSdk' as const },
    {
      id: 'no-processready',
      codes: PROCESS_READY,
      what: 'processes did not call ProcessReady() in time',
      hint: 'processReady' as const,
    },
    {
      id: 'invalid-path',
      codes: INVALID_PATH,
      what: 'processes could not be started from the launch path',
      hint: undefined,
    },
  ];
  let best: Candidate | undefined;
  for (const g of groups) {
    const r = windowRate(ctx.index, g.codes, ctx.now, START_WINDOW_MS);
    if (r.current < START_FAILURES_PER_WINDOW) continue;
    const recent = ctx.index.of(...g.codes).filter((e) => e.time > ctx.now - START_WINDOW_MS);
    const hints = g.hint ? launchHints(g.hint, ctx.input.runtimeConfiguration, buildText(ctx)) : undefined;
    const candidate: Candidate = {
      id: g.id,
      kind: 'health',
      rank: 60 + r.current / 1000,
      time: recent[0].time,
      headline: `New server processes keep failing to start: ${r.current} ${g.what} in the last 6 h.`,
      cause: { text: `${describeRate(r)}.`, guess: false },
      evidence: [...sampleEvidence(ctx, recent), ...(hints?.evidence ?? []), ...launchConfigEvidence(ctx)],
      nextSteps: [
        'Read the server log of a failed process; compare the launch path and parameters with a process that starts.',
        "Look for a recent change of the runtime configuration or build behind the fleet's alias.",
      ],
      ...(hints ? { hints: hints.hints } : {}),
    };
    if (!best || candidate.rank > best.rank) best = candidate;
  }
  return best;
}
