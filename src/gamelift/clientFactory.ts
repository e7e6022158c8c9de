// The one place AWS SDK clients are built. Every service in SERVICES gets the same region,
// credentials, endpoint resolution, retries, timeouts, redacting logger and user agent. A
// ClientFactory is created once (src/deps.ts) and injected; it keeps one client per service
// and target, so tests point the real SDK at the local endpoint by changing only the target.
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GameLiftClient } from '@aws-sdk/client-gamelift';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import { version as extensionVersion } from '../../package.json';
import { configuredEndpointFor } from './configuredEndpoint';
import { InvalidEndpointError, validateEndpoint } from './endpointPolicy';
import { redactSecrets } from './redact';
import { targetKey, type ConnectionTarget } from './types';

/** The settings every client gets; each SDK client's own config type accepts them. */
export interface CommonClientConfig {
  region: string;
  profile?: string;
  credentials: AwsCredentialIdentityProvider;
  maxAttempts: number;
  retryMode: 'standard' | 'adaptive';
  requestHandler: { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: boolean };
  customUserAgent: [string, string?][];
  logger?: Logger;
  endpoint?: string;
}

interface ServiceEntry {
  readonly Client: new (config: CommonClientConfig) => { destroy(): void; config: object };
  /**
   * The service's key in a profile's `[services …]` section; upper-cased, it is also the suffix
   * of AWS_ENDPOINT_URL_<KEY> (`cloudwatch_logs` → AWS_ENDPOINT_URL_CLOUDWATCH_LOGS).
   */
  readonly endpointKey: string;
}

/** The AWS services the extension calls. Adding one is one line here (plus its SDK package). */
const SERVICES = {
  gamelift: { Client: GameLiftClient, endpointKey: 'gamelift' },
  cloudtrail: { Client: CloudTrailClient, endpointKey: 'cloudtrail' },
  logs: { Client: CloudWatchLogsClient, endpointKey: 'cloudwatch_logs' },
} satisfies Record<string, ServiceEntry>;

export type ServiceName = keyof typeof SERVICES;
export type ClientOf<S extends ServiceName> = InstanceType<(typeof SERVICES)[S]['Client']>;

/** The name this extension gives itself in the User-Agent header. */
export const USER_AGENT_NAME = 'gamelift-fleet-explorer';
export const USER_AGENT = `${USER_AGENT_NAME}/${extensionVersion}`;

/** Total attempts per call (first try + retries). The SDK's own default is 3. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Per-request limit for the whole request/response; a hung endpoint must not hang the tree. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
/** Clients kept per factory; the least recently used one is destroyed beyond this. */
const MAX_CACHED_CLIENTS = 32;

/** Something that logs lines; `deps.log` (a LogOutputChannel) fits. */
export interface LineLogger {
  trace?(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ClientOptions {
  /** Injected credentials (tests). Default: the Node provider chain for `target.profile`. */
  readonly credentials?: AwsCredentialIdentityProvider;
  readonly maxAttempts?: number;
  /** 'standard' (default) or 'adaptive' (client-side rate limiting as well as backoff). */
  readonly retryMode?: 'standard' | 'adaptive';
  readonly requestTimeoutMs?: number;
  readonly connectionTimeoutMs?: number;
  /** Extra user agent part, e.g. `vscode/1.96.0`. */
  readonly userAgentSuffix?: string;
  /** SDK diagnostics go here, with secrets removed. */
  readonly logger?: LineLogger;
}

export interface ClientFactory {
  /** The client of `service` for `target`, built on first use and then kept. */
  clientFor<S extends ServiceName>(service: S, target: ConnectionTarget): ClientOf<S>;
  /**
   * Destroys kept clients (all, or those whose target matches), so the next call reads fresh
   * credentials and settings: after a profile or endpoint change, a refresh or a new sign-in.
   */
  forget(matches?: (target: ConnectionTarget) => boolean): void;
  /** How many clients are kept (for tests). */
  readonly size: number;
}

/** A factory whose clients all share `options`. Create one per activation and inject it. */
export function createClientFactory(options: ClientOptions = {}): ClientFactory {
  // Map order is least-recently-used first: a hit is re-inserted at the end.
  const kept = new Map<string, { target: ConnectionTarget; client: { destroy(): void } }>();
  return {
    clientFor<S extends ServiceName>(service: S, target: ConnectionTarget): ClientOf<S> {
      const key = `${service}\n${targetKey(target)}`;
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit.client as ClientOf<S>;
      }
      const client = buildClient(service, target, options);
      kept.set(key, { target, client });
      for (const [oldKey, old] of kept) {
        if (kept.size <= MAX_CACHED_CLIENTS) break;
        kept.delete(oldKey);
        old.client.destroy();
      }
      return client;
    },
    forget(matches = () => true) {
      for (const [key, entry] of [...kept]) {
        if (!matches(entry.target)) continue;
        kept.delete(key);
        entry.client.destroy();
      }
    },
    get size() {
      return kept.size;
    },
  };
}

/** A new client every time (nothing kept; the caller destroys it). Tests and benchmarks use it. */
export function buildClient<S extends ServiceName>(
  service: S,
  target: ConnectionTarget,
  options: ClientOptions = {},
): ClientOf<S> {
  const entry: ServiceEntry = SERVICES[service];
  const client = new entry.Client(clientConfig(target, options));
  if (target.profile && !target.endpoint?.trim()) {
    // The SDK resolves env/profile endpoint URLs for AWS_PROFILE only; resolve them for the
    // chosen profile instead, through the SDK's own hook for exactly this lookup.
    let resolved: Promise<string | undefined> | undefined;
    const profile = target.profile;
    (client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> }).serviceConfiguredEndpoint =
      () => (resolved ??= configuredEndpointFor(profile, entry.endpointKey));
  }
  return client as ClientOf<S>;
}

/** The client configuration for a target (the same for every service); exported for tests. */
export function clientConfig(target: ConnectionTarget, options: ClientOptions = {}): CommonClientConfig {
  const config: CommonClientConfig = {
    region: target.region,
    // Setting `profile` also makes the SDK read the profile's own settings
    // (e.g. `endpoint_url`, `services`) from the shared config file.
    ...(target.profile ? { profile: target.profile } : {}),
    credentials:
      options.credentials ??
      // The full Node chain: env, shared files, SSO, credential_process, web identity, IMDS/ECS.
      fromNodeProviderChain(target.profile ? { profile: target.profile } : {}),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Both modes back off exponentially with jitter and treat ThrottlingException and
    // LimitExceededException as throttling (see @smithy/core/retry isThrottlingError).
    retryMode: options.retryMode ?? 'standard',
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
    customUserAgent: options.userAgentSuffix
      ? [[USER_AGENT_NAME, extensionVersion], [options.userAgentSuffix]]
      : [[USER_AGENT_NAME, extensionVersion]],
    ...(options.logger ? { logger: redactingLogger(options.logger) } : {}),
  };
  // Only set `endpoint` when the user configured one: otherwise the SDK's own
  // AWS_ENDPOINT_URL_<SERVICE> / AWS_ENDPOINT_URL / profile `endpoint_url` must still apply.
  const endpoint = target.endpoint?.trim();
  if (endpoint) {
    // Last line of defence: callers check the setting first, but no client is ever built
    // for a `javascript:`/`file:` URL or one carrying a password.
    const verdict = validateEndpoint(endpoint);
    if (!verdict.ok) throw new InvalidEndpointError(verdict.reason);
    config.endpoint = endpoint;
  }
  return config;
}

function redactingLogger(log: LineLogger): Logger {
  const line = (args: unknown[]): string =>
    redactSecrets(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
  return {
    trace: (...args: unknown[]) => (log.trace ?? log.debug).call(log, line(args)),
    debug: (...args: unknown[]) => log.debug(line(args)),
    info: (...args: unknown[]) => log.info(line(args)),
    warn: (...args: unknown[]) => log.warn(line(args)),
    error: (...args: unknown[]) => log.error(line(args)),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
