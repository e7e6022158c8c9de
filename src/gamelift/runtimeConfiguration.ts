// Reads a fleet's runtime configuration (DescribeRuntimeConfiguration): which server
// executables GameLift launches, with which parameters and how many at once. The diagnosis
// compares the launch paths with what the fleet's creation logs say exists.
import { DescribeRuntimeConfigurationCommand, type GameLiftClient } from '@aws-sdk/client-gamelift';
import { isContainerFleetId } from './mapping';

/** One ServerProcesses entry, as plain JSON. */
export interface ServerProcessConfig {
  readonly launchPath: string;
  readonly parameters?: string;
  readonly concurrentExecutions: number;
}

/** A fleet's RuntimeConfiguration, as plain JSON. */
export interface RuntimeConfiguration {
  readonly serverProcesses: readonly ServerProcessConfig[];
  readonly maxConcurrentGameSessionActivations?: number;
  readonly gameSessionActivationTimeoutSeconds?: number;
}

/**
 * The fleet's runtime configuration, or undefined for a container fleet (it has none: its
 * processes come from the container group definition) and when the service returns none.
 * Service errors (NotFound, Unauthorized, …) are thrown for the caller to classify.
 */
export async function describeRuntimeConfiguration(
  client: GameLiftClient,
  fleetIdOrArn: string,
  signal?: AbortSignal,
): Promise<RuntimeConfiguration | undefined> {
  const id = fleetIdOrArn.trim();
  if (isContainerFleetId(id.slice(id.lastIndexOf('/') + 1))) return undefined;
  const out = await client.send(new DescribeRuntimeConfigurationCommand({ FleetId: id }), { abortSignal: signal });
  const config = out.RuntimeConfiguration;
  if (!config) return undefined;
  return {
    serverProcesses: (config.ServerProcesses ?? [])
      .filter((p) => typeof p.LaunchPath === 'string' && p.LaunchPath !== '')
      .map((p) => ({
        launchPath: p.LaunchPath as string,
        ...(p.Parameters ? { parameters: p.Parameters } : {}),
        concurrentExecutions: p.ConcurrentExecutions ?? 1,
      })),
    ...(config.MaxConcurrentGameSessionActivations !== undefined
      ? { maxConcurrentGameSessionActivations: config.MaxConcurrentGameSessionActivations }
      : {}),
    ...(config.GameSessionActivationTimeoutSeconds !== undefined
      ? { gameSessionActivationTimeoutSeconds: config.GameSessionActivationTimeoutSeconds }
      : {}),
  };
}
