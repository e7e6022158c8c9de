// Shared helpers for the emulator tests: a real GameLiftClient pointed at the local endpoint,
// and raw requests signed by the SDK's own SigV4 signer (@smithy/signature-v4) for wire checks.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GameLiftClient } from '@aws-sdk/client-gamelift';
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { DEFAULT_TEST_ACCOUNT, type TestAccount } from '../../emulator/credentials';
import type { RunningEmulator } from '../../emulator/server';

export interface ClientOptions {
  readonly region?: string;
  readonly account?: TestAccount;
  readonly secretAccessKey?: string;
  readonly maxAttempts?: number;
  readonly requestTimeout?: number;
}

/** The configuration every plain SDK client of these tests gets: the endpoint, a test account, few retries. */
function plainConfig(emulator: RunningEmulator, options: ClientOptions) {
  const account = options.account ?? DEFAULT_TEST_ACCOUNT;
  return {
    endpoint: emulator.url,
    region: options.region ?? 'us-west-2',
    credentials: {
      accessKeyId: account.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? account.secretAccessKey,
    },
    maxAttempts: options.maxAttempts ?? 3,
  };
}

export function clientFor(emulator: RunningEmulator, options: ClientOptions = {}): GameLiftClient {
  return new GameLiftClient({
    ...plainConfig(emulator, options),
    ...(options.requestTimeout !== undefined
      ? { requestHandler: { requestTimeout: options.requestTimeout, throwOnRequestTimeout: true } }
      : {}),
  });
}

/** SHA-256 / HMAC-SHA-256 in the shape @smithy/signature-v4 expects, on Node's crypto. */
class NodeSha256 {
  private hash: Hash | Hmac;
  private readonly secret?: string | Uint8Array;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret = secret === undefined || typeof secret === 'string' ? secret : toBytes(secret);
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret ? createHmac('sha256', this.secret) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    if (typeof data === 'string') this.hash.update(data, 'utf8');
    else this.hash.update(toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: ArrayBuffer | ArrayBufferView): Uint8Array {
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface RawCall {
  readonly target?: string;
  readonly body?: string;
  /** Body actually sent (to tamper after signing); defaults to `body`. */
  readonly sentBody?: string;
  readonly contentType?: string;
  readonly region?: string;
  readonly account?: TestAccount;
  readonly secretAccessKey?: string;
  readonly signingDate?: Date;
  readonly unsigned?: boolean;
  /** Signing name in the credential scope (default gamelift). */
  readonly service?: string;
  /** Replaces the Authorization header after signing. */
  readonly authorization?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw wire JSON; tests index into it freely
  json(): any;
}

/** Sends one awsJson request signed by the SDK's signer and returns the raw HTTP answer. */
export async function rawCall(emulator: RunningEmulator, call: RawCall): Promise<RawResponse> {
  const account = call.account ?? DEFAULT_TEST_ACCOUNT;
  const url = new URL(emulator.url);
  const body = call.body ?? '{}';
  const request = {
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: {
      host: url.host,
      'content-type': call.contentType ?? 'application/x-amz-json-1.1',
      ...(call.target !== undefined ? { 'x-amz-target': call.target } : {}),
    } as Record<string, string>,
    body,
  };
  let headers = request.headers;
  if (!call.unsigned) {
    const signer = new SignatureV4({
      service: call.service ?? 'gamelift',
      region: call.region ?? 'us-west-2',
      credentials: {
        accessKeyId: account.accessKeyId,
        secretAccessKey: call.secretAccessKey ?? account.secretAccessKey,
      },
      sha256: NodeSha256,
    });
    const signed = await signer.sign(request, call.signingDate ? { signingDate: call.signingDate } : {});
    headers = signed.headers;
  }
  const sendHeaders = { ...headers };
  delete sendHeaders.host;
  if (call.authorization !== undefined) sendHeaders.authorization = call.authorization;
  const response = await fetch(emulator.url + '/', {
    method: 'POST',
    headers: sendHeaders,
    body: call.sentBody ?? body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** What an AWS SDK v3 client rejects with: an Error with the service's fault and metadata. */
type SdkFailure = Error & { $fault?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };

/** Error name and HTTP status of a rejected SDK call (fails the test if it resolved). */
export async function rejection(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string; attempts?: number; error: SdkFailure }> {
  try {
    await promise;
  } catch (caught) {
    const error = caught as SdkFailure;
    return {
      name: error.name,
      status: error.$metadata?.httpStatusCode,
      message: error.message,
      attempts: error.$metadata?.attempts,
      error,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** A real CloudWatchLogsClient pointed at the local endpoint (signing name `logs`). */
export function logsClientFor(emulator: RunningEmulator, options: ClientOptions = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient(plainConfig(emulator, options));
}
