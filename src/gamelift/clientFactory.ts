// The one place GameLift clients are built: region, endpoint, credentials, retries, timeouts
// and the user agent. Everything else receives a ready client, so tests can point the real
// SDK at the local endpoint by changing only the ConnectionTarget.
import { InvalidEndpointError, validateEndpoint } from './endpointPolicy';
import { GameLiftClient, type GameLiftClientConfig } from '@aws-sdk/client-gamelift';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import { version as extensionVersion } from '../../package.json';
import { configuredEndpointFor } from './configuredEndpoint';
import { redactSecrets } from './redact';
import type { ConnectionTarget } from './types';

/** The name this extension gives itself in the User-Agent header. */
export const USER_AGENT_NAME = 'gamelift-fleet-explorer';
export const USER_AGENT = `${USER_AGENT_NAME}/${extensionVersion}`;

/** Total attempts per call (first try + retries). The SDK's own default is 3. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Per-request limit for the whole request/response; a hung endpoint must not hang the tree. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

/** Something that logs lines; `deps.log` (a LogOutputChannel) fits. */
export interface LineLogger {
  trace?(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface ClientOptions {
  /** Injected credentials (tests, or a provider the UI built). Default: the Node provider chain for `target.profile`. */
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

/**
 * Builds (or returns the cached) GameLift client for a target. Clients are cached by target and
 * options so the tree does not rebuild one per node; call `forgetGameLiftClients()` when the
 * user changes profiles or signs in again, so fresh credentials are read.
 */
export function createGameLiftClient(target: ConnectionTarget, options: ClientOptions = {}): GameLiftClient {
  const key = cacheKey(target, options);
  const cached = cache.get(key);
  if (cached) {
    // Re-insert so the map's order is least-recently-used first.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const client = buildGameLiftClient(target, options);
  cache.set(key, client);
  while (cache.size > MAX_CACHED_CLIENTS) {
    const [oldestKey, oldest] = cache.entries().next().value as [string, GameLiftClient];
    cache.delete(oldestKey);
    oldest.destroy();
  }
  return client;
}

/** Builds a new client every time (no cache). */
export function buildGameLiftClient(target: ConnectionTarget, options: ClientOptions = {}): GameLiftClient {
  const client = new GameLiftClient(gameLiftClientConfig(target, options));
  if (target.profile && !target.endpoint?.trim()) {
    // The SDK resolves env/profile endpoint URLs for AWS_PROFILE only; resolve them for the
    // chosen profile instead, through the SDK's own hook for exactly this lookup.
    let resolved: Promise<string | undefined> | undefined;
    const profile = target.profile;
    (client.config as { serviceConfiguredEndpoint?: () => Promise<string | undefined> }).serviceConfiguredEndpoint =
      () => (resolved ??= configuredEndpointFor(profile));
  }
  return client;
}

/** The client configuration for a target; exported so tests can check the choices made. */
export function gameLiftClientConfig(target: ConnectionTarget, options: ClientOptions = {}): GameLiftClientConfig {
  const config: GameLiftClientConfig = {
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
  // AWS_ENDPOINT_URL_GAMELIFT / AWS_ENDPOINT_URL / profile `endpoint_url` must still apply.
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

/** Forgets cached clients (all, or those matching), destroying their connections. */
export function forgetGameLiftClients(matches: (target: ConnectionTarget) => boolean = () => true): void {
  for (const [key, client] of [...cache.entries()]) {
    if (matches(JSON.parse(key.split('\n')[0]) as ConnectionTarget)) {
      cache.delete(key);
      client.destroy();
    }
  }
}

/** How many clients are cached (for tests). */
export function cachedClientCount(): number {
  return cache.size;
}

const MAX_CACHED_CLIENTS = 32;
const cache = new Map<string, GameLiftClient>();

// Injected providers and loggers have no natural key, so each distinct object gets a number.
const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function idOf(value: object | undefined): number {
  if (!value) return 0;
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
}

function cacheKey(target: ConnectionTarget, options: ClientOptions): string {
  const targetPart = JSON.stringify({
    profile: target.profile || undefined,
    region: target.region,
    endpoint: target.endpoint?.trim() || undefined,
  });
  const optionPart = [
    idOf(options.credentials),
    idOf(options.logger),
    options.maxAttempts ?? '',
    options.retryMode ?? '',
    options.requestTimeoutMs ?? '',
    options.connectionTimeoutMs ?? '',
    options.userAgentSuffix ?? '',
  ].join('|');
  return `${targetPart}\n${optionPart}`;
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
