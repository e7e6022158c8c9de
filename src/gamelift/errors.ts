// Turns any failure from the SDK, the credential chain or the network into one of a few
// kinds the UI knows how to show (with a Retry or "Sign in" action), with a clear message
// that never carries a secret.
import { ALL_ACTIONS } from './permissions';
import { redactSecrets } from './redact';

export type ErrorKind =
  | 'notFound'
  | 'unauthorized'
  | 'invalidRequest'
  | 'internal'
  | 'throttled'
  | 'network'
  | 'credentials'
  | 'ssoExpired'
  | 'cancelled'
  | 'malformedResponse'
  | 'unknown';

export interface ClassifiedError {
  readonly kind: ErrorKind;
  /** Clear, human, with context; secrets removed. */
  readonly message: string;
  /** True when trying again later may succeed (the UI offers Retry). */
  readonly retryable: boolean;
  /** The profile involved, for credential problems ("aws sso login --profile …"). */
  readonly profile?: string;
  /** The service's error code or Node's error code, when there is one (for logs). */
  readonly code?: string;
  /** The service's request ID (x-amzn-RequestId), useful with AWS support and CloudTrail. */
  readonly requestId?: string;
}

export interface ErrorContext {
  /** What was being done, e.g. "Fetching events for fleet-123". Prefixed to the message. */
  readonly action?: string;
  readonly profile?: string;
  readonly region?: string;
  /** The fleet the call was about, for "not found" messages. */
  readonly fleetId?: string;
  /** The service called, as people name it (default "GameLift"), e.g. "CloudWatch Logs". */
  readonly service?: string;
  /** The IAM action the call needs, named when it is denied (default: GameLift's read actions). */
  readonly permission?: string;
}

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  errno?: number;
  cause?: unknown;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $response?: unknown;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
]);
const BAD_SIGNATURE = new Set([
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'InvalidAccessKeyId',
]);
const EXPIRED_CREDENTIALS = new Set([
  'ExpiredTokenException',
  'ExpiredToken',
  'RequestExpired',
  'TokenRefreshRequired',
]);
const CLOCK_SKEW = new Set([
  'RequestTimeTooSkewed',
  'RequestExpired',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

export function classifyError(err: unknown, context: ErrorContext = {}): ClassifiedError {
  const e = asErrorLike(err);
  const name = e.name ?? '';
  const code = e.code ?? nodeCodeInChain(err);
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const serviceText = cleanServiceMessage(e.message);
  const prefix = context.action ? `${context.action}: ` : '';
  const where = describeWhere(context);
  const service = context.service ?? 'GameLift';
  const make = (
    kind: ErrorKind,
    text: string,
    retryable: boolean,
    extra: Partial<ClassifiedError> = {},
  ): ClassifiedError => ({
    kind,
    message: redactSecrets(prefix + text),
    retryable,
    ...(code || name ? { code: code || name } : {}),
    ...(requestId ? { requestId } : {}),
    ...extra,
  });
  const withProfile = context.profile ? { profile: context.profile } : {};

  if (isAbort(err, e)) return make('cancelled', 'Cancelled.', false);
  if (name === 'InvalidEndpointError')
    return make('invalidRequest', `Setting "gamelift.endpoint" is not usable: ${e.message}`, false);

  // Credential problems found on this machine, before any request was sent.
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError' || isSsoText(e.message)) {
    if (isSsoText(e.message)) {
      const who = context.profile ? ` for profile "${context.profile}"` : '';
      const command = context.profile ? `aws sso login --profile ${context.profile}` : 'aws sso login';
      return make(
        'ssoExpired',
        `The AWS SSO session${who} has expired or was never started. Sign in again with \`${command}\`, then retry.`,
        true,
        withProfile,
      );
    }
    return make(
      'credentials',
      `${noCredentialsText(context)} (${serviceText || 'no credentials found'}).`,
      false,
      withProfile,
    );
  }
  if (EXPIRED_CREDENTIALS.has(name)) {
    return make(
      'credentials',
      `The AWS credentials have expired${where}. Refresh them (for SSO: \`aws sso login${context.profile ? ` --profile ${context.profile}` : ''}\`) and retry.`,
      true,
      withProfile,
    );
  }
  if (BAD_SIGNATURE.has(name)) {
    const skew = CLOCK_SKEW.has(name) ? " If the keys are right, check that this computer's clock is correct." : '';
    return make(
      'credentials',
      `AWS rejected the credentials${where}: ${serviceText || name}. Check the access key and secret key for the profile.${skew}`,
      false,
      withProfile,
    );
  }
  if (
    name === 'UnauthorizedException' ||
    name === 'AccessDeniedException' ||
    name === 'AccessDenied' ||
    status === 403
  ) {
    return make(
      'unauthorized',
      `Not allowed${where}: ${serviceText || name}. ${
        context.permission
          ? `The IAM identity needs the permission ${context.permission}.`
          : `The IAM identity needs GameLift read permissions (${ALL_ACTIONS.join(', ')}).`
      }`,
      false,
      withProfile,
    );
  }
  if (name === 'NotFoundException' || name === 'ResourceNotFoundException') {
    const what = serviceText || (context.fleetId ? `Fleet ${context.fleetId} was not found` : 'Not found');
    return make('notFound', `${what}${where}. It may have been deleted, or it is in another region or account.`, false);
  }
  if (name === 'UnsupportedRegionException') {
    return make('invalidRequest', `${service} does not support this call${where}: ${serviceText || name}.`, false);
  }
  if (
    name === 'InvalidRequestException' ||
    name === 'ValidationException' ||
    name === 'SerializationException' ||
    name === 'InvalidParameterException'
  ) {
    return make('invalidRequest', `${service} refused the request${where}: ${serviceText || name}.`, false);
  }
  if (THROTTLING.has(name) || status === 429) {
    const attempts = e.$metadata?.attempts;
    const tried = attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
    return make(
      'throttled',
      `${service} is limiting requests${where} and the calls still failed${tried}. Wait a moment and retry.`,
      true,
    );
  }
  if (isTimeout(name, code)) {
    return make(
      'network',
      `The request to ${service} timed out${where}. Check the network or the endpoint setting, then retry.`,
      true,
    );
  }
  if (code && NETWORK_CODES.has(code)) {
    return make(
      'network',
      `Could not reach ${service}${where} (${code}${networkHint(code)}). Check the network or the endpoint setting, then retry.`,
      true,
    );
  }
  if (
    name === 'InternalServiceException' ||
    name === 'InternalFailure' ||
    name === 'ServiceUnavailable' ||
    e.$fault === 'server' ||
    (status !== undefined && status >= 500)
  ) {
    const advice = /retry/i.test(serviceText) ? '' : ' Retry in a moment.';
    return make(
      'internal',
      `${service} had an internal error${where}${serviceText ? `: ${serviceText}` : ''}.${advice}`,
      true,
    );
  }
  if (isMalformed(err, e)) {
    return make(
      'malformedResponse',
      `${service}${where} sent a response that could not be read (${serviceText || name || 'unreadable body'}). Check the endpoint setting; retry if it persists.`,
      true,
    );
  }
  if (e.$fault === 'client' && name) {
    return make(
      'invalidRequest',
      `${service} refused the request${where}: ${name}${serviceText ? ` — ${serviceText}` : ''}.`,
      false,
    );
  }
  return make('unknown', `Something went wrong${where}: ${serviceText || name || String(err)}.`, true);
}

/**
 * The log line for a classified error: its message (which already says what was being done,
 * so nothing adds that again), then its kind, code and request ID for support.
 */
export function errorLogLine(error: ClassifiedError): string {
  const facts = [error.kind, error.code, error.requestId ? `request ID ${error.requestId}` : undefined];
  return redactSecrets(`${error.message} [${facts.filter((f) => f).join(', ')}]`);
}

/** Thrown when a response parses but lacks what the API always sends (e.g. no `Events` list). */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';
  constructor(operation: string, detail: string) {
    super(`${operation} response ${detail}`);
  }
}

/** The list member of a response, or a MalformedResponseError when the service left it out. */
export function requireList<T>(list: T[] | undefined, operation: string, member: string): T[] {
  if (!Array.isArray(list)) throw new MalformedResponseError(operation, `has no ${member} list`);
  return list;
}

/** True for a cancellation (AbortController, VS Code cancellation turned into an AbortError). */
export function isCancellation(err: unknown): boolean {
  return isAbort(err, asErrorLike(err));
}

/** A standard AbortError, thrown when work stops because its signal was aborted. */
export function abortError(): Error {
  const error = new Error('The operation was cancelled.');
  error.name = 'AbortError';
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

function asErrorLike(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? err : { message: String(err) };
}

function isAbort(err: unknown, e: ErrorLike): boolean {
  return e.name === 'AbortError' || e.code === 'ABORT_ERR' || (err instanceof Error && e.name === 'CancellationError');
}

function isSsoText(message: string | undefined): boolean {
  if (!message) return false;
  return /\bSSO\b.*(expired|invalid|session|token|login)|sso.*token.*(expired|not found|invalid)|aws sso login|refresh.*sso/i.test(
    message,
  );
}

function isTimeout(name: string, code: string | undefined): boolean {
  return (
    TIMEOUT_NAMES.has(name) || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

function isMalformed(err: unknown, e: ErrorLike): boolean {
  if (err instanceof SyntaxError || e.name === 'SyntaxError' || e.name === 'MalformedResponseError') return true;
  // The SDK attaches the raw response when it could not deserialize one.
  if (e.$response !== undefined && e.$metadata?.httpStatusCode !== undefined && e.$metadata.httpStatusCode < 300)
    return true;
  return /deserializ|unexpected token|unexpected end of json|not valid json|JSON\.parse/i.test(e.message ?? '');
}

function nodeCodeInChain(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as ErrorLike).code;
    if (typeof code === 'string') return code;
    current = (current as ErrorLike).cause;
  }
  return undefined;
}

function networkHint(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return ': nothing is listening at the endpoint';
    case 'ECONNRESET':
      return ': the connection was dropped';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ': the host name could not be resolved';
    default:
      return '';
  }
}

function describeWhere(context: ErrorContext): string {
  const parts = [context.profile ? `profile "${context.profile}"` : '', context.region ?? ''].filter((p) => p);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function noCredentialsText(context: ErrorContext): string {
  return context.profile
    ? `No usable AWS credentials for profile "${context.profile}". Check ~/.aws/config and ~/.aws/credentials, or pick another profile`
    : 'No AWS credentials were found. Set a profile (GameLift: Select profile), AWS_PROFILE or AWS_ACCESS_KEY_ID';
}

function cleanServiceMessage(message: string | undefined): string {
  if (!message) return '';
  const oneLine = message
    // The SDK's advice to developers about a hidden $response field means nothing to users.
    .replace(/\s*Deserialization error:.*$/s, '')
    .replace(/\s+/g, ' ')
    .trim()
    // Messages are placed inside our own sentences, which supply the full stop.
    .replace(/[.\s]+$/, '');
  // The SDK says "UnknownError" when the body had no message; that adds nothing.
  if (oneLine === 'UnknownError' || oneLine === 'Unknown') return '';
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}…` : oneLine;
}
