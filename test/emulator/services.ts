// The AWS services the local endpoint speaks, and how a request finds its service: by the
// X-Amz-Target prefix (`GameLift.`, `CloudTrail_20131101.`, …), each service with its own SigV4
// signing name, operations and error namespace. Adding a service (e.g. CloudWatch Logs,
// `Logs_20140328.`, signing name `logs`) is one more EmulatedService in server.ts's list.

export interface ServiceRequest {
  readonly operation: string;
  readonly accountId: string;
  /** From the SigV4 credential scope. */
  readonly region: string;
  readonly input: Record<string, unknown>;
  /** The endpoint clock (epoch ms) when the request arrived. */
  readonly now: number;
  /** A monotonic clock (ms, `performance.now()`) when the request arrived, for rate limits. */
  readonly arrivedAt: number;
  /** The Host header, for URLs the endpoint mints for itself. */
  readonly host: string;
}

export interface EmulatedService {
  /** For messages: "GameLift", "CloudTrail". */
  readonly name: string;
  /** The SigV4 service name the credential scope must carry. */
  readonly signingName: string;
  /** X-Amz-Target prefixes, each ending in "."; the operation name follows. Older SDKs send longer forms. */
  readonly targetPrefixes: readonly string[];
  /** The namespace in x-amzn-ErrorType (and `__type` when `namespacedErrors`) of modelled errors. */
  readonly errorNamespace: string;
  /** Whether `__type` carries the namespace (`ns#Code`), as some services send it. */
  readonly namespacedErrors: boolean;
  readonly modelledErrors: ReadonlySet<string>;
  /** The result list member of each operation (what the `missingList` fault removes). */
  readonly resultMember: Readonly<Record<string, string>>;
  has(operation: string): boolean;
  /** Runs the operation; throws ServiceError for service errors. */
  handle(request: ServiceRequest): Record<string, unknown>;
}

export interface Route {
  readonly service: EmulatedService;
  /** Empty when the target names no operation of the service. */
  readonly operation: string;
}

/** The service a target belongs to (longest matching prefix), or undefined. */
export function routeTarget(services: readonly EmulatedService[], target: string): Route | undefined {
  let best: { service: EmulatedService; prefix: string } | undefined;
  for (const service of services) {
    for (const prefix of service.targetPrefixes) {
      if (target.startsWith(prefix) && (!best || prefix.length > best.prefix.length)) best = { service, prefix };
    }
  }
  return best && { service: best.service, operation: target.slice(best.prefix.length) };
}

/** The service whose signing name a request's credential scope carries (for requests without a usable target). */
export function serviceBySigningName(
  services: readonly EmulatedService[],
  authorization: string | undefined,
): EmulatedService | undefined {
  const scope = /Credential=[^/,]+\/\d{8}\/[^/,]+\/([^/,]+)\/aws4_request/.exec(authorization ?? '');
  return scope ? services.find((s) => s.signingName === scope[1]) : undefined;
}
