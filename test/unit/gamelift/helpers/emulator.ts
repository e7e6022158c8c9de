// Starts the local GameLift endpoint with a scenario and builds real SDK clients for it.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { buildClient, type ClientOptions, type ServiceName } from '../../../../src/gamelift/clientFactory';
import { DEFAULT_TEST_ACCOUNT, type TestAccount } from '../../../emulator/credentials';
import { startEmulator, type EmulatorOptions, type RunningEmulator, type Scenario } from '../../../emulator/server';

export const REGION = 'us-west-2';

export type HarnessClientOptions = ClientOptions & { account?: TestAccount; region?: string };

export interface EmulatorHarness {
  readonly emulator: RunningEmulator;
  /** A client signed with a test account's keys, pointed at the emulator. */
  client(options?: HarnessClientOptions): GameLiftClient;
  /** A CloudWatch Logs client the same way (the extension's factory, signing name `logs`). */
  logsClient(options?: HarnessClientOptions): CloudWatchLogsClient;
  /** The recorded requests for one operation. */
  calls(operation: string): RunningEmulator['requests'][number][];
  stop(): Promise<void>;
}

export async function startHarness(
  scenario: string | Scenario,
  options: Omit<EmulatorOptions, 'scenario' | 'port'> = {},
): Promise<EmulatorHarness> {
  const emulator = await startEmulator({ ...options, port: 0, scenario });
  const clients: Array<{ destroy(): void }> = [];
  const build = <S extends ServiceName>(service: S, clientOptions: HarnessClientOptions) => {
    const account = clientOptions.account ?? DEFAULT_TEST_ACCOUNT;
    const client = buildClient(
      service,
      { region: clientOptions.region ?? REGION, endpoint: emulator.url },
      {
        credentials: async () => ({ accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey }),
        maxAttempts: 3,
        ...clientOptions,
      },
    );
    clients.push(client);
    return client;
  };
  return {
    emulator,
    client: (clientOptions = {}) => build('gamelift', clientOptions),
    logsClient: (clientOptions = {}) => build('logs', clientOptions),
    calls(operation) {
      return emulator.requests.filter((r) => r.operation === operation);
    },
    async stop() {
      for (const c of clients) c.destroy();
      await emulator.stop();
    },
  };
}

/** A scenario with one fleet in us-west-2 for local-dev, holding `count` generated events. */
export function oneFleetScenario(
  fleetId: string,
  count: number,
  extraFleets: Scenario['accounts'][number]['regions'] = {},
): Scenario {
  return {
    accounts: [
      {
        profile: DEFAULT_TEST_ACCOUNT.profile,
        regions: {
          ...extraFleets,
          [REGION]: [
            ...((extraFleets ?? {})[REGION] ?? []),
            {
              fleetId,
              name: 'pager-fleet',
              status: 'ACTIVE',
              createdMinutesAgo: 60 * 24 * 30,
              generate: { count, seed: 42, spanMinutes: 60 * 24 * 20 },
            },
          ],
        },
      },
    ],
  };
}
