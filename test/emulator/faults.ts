// Fault knobs for the local endpoint: latency (with jitter and one-off spikes), throttling,
// quota errors, internal errors, malformed or wrongly shaped bodies, dropped connections,
// NotFound, Unauthorized and InvalidRequest. Rules are set per scenario or at run time;
// count-based rules decrement on every request they match and disappear when spent.

export type FaultKind =
  /** Adds `ms` (± `jitterMs`) before answering. */
  | 'latency'
  /** Like latency but meant to exceed the client's timeout; usually with `times`. */
  | 'spike'
  /** 400 ThrottlingException "Rate exceeded". */
  | 'throttle'
  /** 400 LimitExceededException (the SDK classifies it as throttling and retries). */
  | 'limitExceeded'
  /** 500 InternalServiceException. */
  | 'internalError'
  /** 200 with a truncated JSON body. */
  | 'malformedJson'
  /** 200 with valid JSON of the wrong shape (see `shape`). */
  | 'wrongShape'
  /** Headers and part of the body are sent, then the socket is destroyed. */
  | 'dropConnection'
  /** 400 NotFoundException, as if the fleet had just been deleted. */
  | 'notFound'
  /** 400 UnauthorizedException, as for an IAM identity without GameLift read permissions. */
  | 'unauthorized'
  /** 400 InvalidRequestException, as for a parameter the service refuses. */
  | 'invalidRequest'
  /** 400 AccessDeniedException naming `<service>:<Operation>`, as IAM denies a call (CloudTrail's LookupEvents). */
  | 'accessDenied';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Operation names this rule applies to; absent = every operation. */
  readonly operations?: readonly string[];
  /** Only requests whose FleetId (or FleetIds) names this fleet. */
  readonly fleetId?: string;
  /** How many matching requests it affects; absent = all of them. */
  times?: number;
  /** latency/spike: delay in milliseconds. */
  readonly ms?: number;
  /** latency: extra uniformly random delay 0..jitterMs. */
  readonly jitterMs?: number;
  /** wrongShape: `missingList` drops the result list (e.g. `Events`); `timeAsString` sends times as ISO strings. */
  readonly shape?: 'missingList' | 'timeAsString';
  /** Error message override. */
  readonly message?: string;
}

export interface FaultConfig {
  /** Base latency for every request, in milliseconds. */
  readonly latencyMs?: number;
  /** Extra random latency 0..jitterMs for every request. */
  readonly jitterMs?: number;
  readonly rules?: readonly FaultRule[];
}

export const ERROR_KINDS: ReadonlySet<FaultKind> = new Set([
  'throttle',
  'limitExceeded',
  'internalError',
  'malformedJson',
  'wrongShape',
  'dropConnection',
  'notFound',
  'unauthorized',
  'invalidRequest',
  'accessDenied',
]);

export interface FaultDecision {
  readonly delayMs: number;
  /** The one failure to inject, if any (the first matching error rule). */
  readonly failure?: FaultRule;
}

/** Holds the active fault rules and decides, per request, what to inject. */
export class FaultInjector {
  private config: { latencyMs: number; jitterMs: number; rules: FaultRule[] } = {
    latencyMs: 0,
    jitterMs: 0,
    rules: [],
  };

  constructor(
    initial: FaultConfig | undefined,
    private readonly random: () => number = Math.random,
  ) {
    this.set(initial ?? {});
  }

  /** Replaces all faults. */
  set(faults: FaultConfig): void {
    validateFaults(faults);
    this.config = {
      latencyMs: faults.latencyMs ?? 0,
      jitterMs: faults.jitterMs ?? 0,
      rules: (faults.rules ?? []).map((r) => ({ ...r })),
    };
  }

  /** The remaining faults (count-based rules show what is left). */
  get(): FaultConfig {
    return {
      latencyMs: this.config.latencyMs,
      jitterMs: this.config.jitterMs,
      rules: this.config.rules.map((r) => ({ ...r })),
    };
  }

  decide(operation: string, fleetIds: readonly string[]): FaultDecision {
    let delayMs = this.config.latencyMs + this.random() * this.config.jitterMs;
    let failure: FaultRule | undefined;
    for (const rule of this.config.rules) {
      if (!matches(rule, operation, fleetIds)) continue;
      if (rule.kind === 'latency' || rule.kind === 'spike') {
        delayMs += (rule.ms ?? 0) + this.random() * (rule.jitterMs ?? 0);
        consume(rule);
      } else if (!failure) {
        failure = { ...rule };
        consume(rule);
      }
    }
    this.config.rules = this.config.rules.filter((r) => r.times === undefined || r.times > 0);
    return { delayMs: Math.round(delayMs), ...(failure ? { failure } : {}) };
  }
}

function matches(rule: FaultRule, operation: string, fleetIds: readonly string[]): boolean {
  if (rule.operations && rule.operations.length > 0 && !rule.operations.includes(operation)) return false;
  if (rule.fleetId && !fleetIds.some((id) => id === rule.fleetId || id.endsWith(`/${rule.fleetId}`))) return false;
  return rule.times === undefined || rule.times > 0;
}

function consume(rule: FaultRule): void {
  if (rule.times !== undefined) rule.times -= 1;
}

const KINDS: ReadonlySet<string> = new Set([...ERROR_KINDS, 'latency', 'spike']);

/** Throws a readable Error for an invalid FaultConfig (used for files, CLI and control endpoint). */
export function validateFaults(faults: FaultConfig): void {
  if (typeof faults !== 'object' || faults === null) throw new Error('faults must be an object');
  for (const key of ['latencyMs', 'jitterMs'] as const) {
    const v = faults[key];
    if (v !== undefined && (typeof v !== 'number' || v < 0)) throw new Error(`faults.${key} must be a number >= 0`);
  }
  if (faults.rules !== undefined && !Array.isArray(faults.rules)) throw new Error('faults.rules must be an array');
  for (const rule of faults.rules ?? []) {
    if (!rule || !KINDS.has(rule.kind))
      throw new Error(`unknown fault kind ${JSON.stringify(rule?.kind)}; use one of ${[...KINDS].join(', ')}`);
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 0))
      throw new Error('fault times must be an integer >= 0');
    if (rule.operations !== undefined && !Array.isArray(rule.operations))
      throw new Error('fault operations must be an array of names');
  }
}

/**
 * Parses the CLI shorthand `kind[:times][@Op1,Op2][=ms]`, e.g. `throttle:3`,
 * `internalError:2@DescribeFleetEvents`, `spike:1=30000`, `wrongShape:1@DescribeFleetEvents`.
 */
export function parseFaultShorthand(text: string): FaultRule {
  const m = /^([A-Za-z]+)(?::(\d+))?(?:@([A-Za-z,]+))?(?:=(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`cannot read fault "${text}"; expected kind[:times][@Operation,...][=ms]`);
  const rule: FaultRule = {
    kind: m[1] as FaultKind,
    ...(m[2] !== undefined ? { times: Number(m[2]) } : {}),
    ...(m[3] !== undefined ? { operations: m[3].split(',').filter(Boolean) } : {}),
    ...(m[4] !== undefined ? { ms: Number(m[4]) } : {}),
  };
  validateFaults({ rules: [rule] });
  return rule;
}
