// Builds the diagnosis input of a scenario fleet straight from the endpoint's state (no HTTP):
// the same fleets, events, runtime configuration, locations and log texts the endpoint serves,
// so each story's unit test reads exactly what the local endpoint would answer.
import type { RuntimeConfiguration } from '../../../src/gamelift/runtimeConfiguration';
import type { DiagnosisInput, EventLog } from '../../../src/diagnosis';
import { TEST_ACCOUNTS } from '../../emulator/credentials';
import { creationLogFor, runtimeConfigurationOf } from '../../emulator/creationLogs';
import { logTextFor } from '../../emulator/eventText';
import { loadScenario, readScenario } from '../../emulator/scenario';
import { EmulatorState, type FleetRecord } from '../../emulator/state';

/** Fixed "now" for the stories, so every run sees the same times. */
export const STORY_NOW = Date.UTC(2026, 4, 11, 12, 0, 0);

let state: EmulatorState | undefined;

function scenarioState(): EmulatorState {
  if (!state) {
    state = new EmulatorState(() => STORY_NOW);
    loadScenario(readScenario('default'), TEST_ACCOUNTS, state, STORY_NOW);
  }
  return state;
}

export function storyFleet(fleetId: string): FleetRecord {
  const fleet = scenarioState().getFleet(fleetId);
  if (!fleet) throw new Error(`${fleetId} is not in the default scenario`);
  return fleet;
}

export function runtimeOf(fleet: FleetRecord): RuntimeConfiguration | undefined {
  if (fleet.kind === 'container') return undefined;
  const raw = runtimeConfigurationOf(fleet) as {
    ServerProcesses?: Array<{ LaunchPath: string; Parameters?: string; ConcurrentExecutions: number }>;
    MaxConcurrentGameSessionActivations?: number;
    GameSessionActivationTimeoutSeconds?: number;
  };
  return {
    serverProcesses: (raw.ServerProcesses ?? []).map((p) => ({
      launchPath: p.LaunchPath,
      ...(p.Parameters ? { parameters: p.Parameters } : {}),
      concurrentExecutions: p.ConcurrentExecutions,
    })),
    ...(raw.MaxConcurrentGameSessionActivations !== undefined
      ? { maxConcurrentGameSessionActivations: raw.MaxConcurrentGameSessionActivations }
      : {}),
    ...(raw.GameSessionActivationTimeoutSeconds !== undefined
      ? { gameSessionActivationTimeoutSeconds: raw.GameSessionActivationTimeoutSeconds }
      : {}),
  };
}

/** The diagnosis input of a scenario fleet, with the logs of every event that has one. */
export function storyInput(fleetId: string, options: { logs?: boolean; now?: number } = {}): DiagnosisInput {
  const fleet = storyFleet(fleetId);
  const logs: EventLog[] =
    options.logs === false
      ? []
      : fleet.events
          .filter((e) => e.hasLog)
          .map((e) => ({
            eventId: e.eventId,
            text: e.logText ?? creationLogFor(e, fleet) ?? logTextFor(e, fleet.fleetId),
          }));
  const runtimeConfiguration = runtimeOf(fleet);
  return {
    fleet: {
      fleetId: fleet.fleetId,
      status: fleet.status,
      ...(fleet.name ? { name: fleet.name } : {}),
      ...(fleet.fleetType ? { fleetType: fleet.fleetType } : {}),
      ...(fleet.instanceType ? { instanceType: fleet.instanceType } : {}),
      ...(fleet.operatingSystem ? { operatingSystem: fleet.operatingSystem } : {}),
      computeType: fleet.kind === 'anywhere' ? 'ANYWHERE' : 'EC2',
      creationTime: fleet.creationTime,
      ...(fleet.kind === 'container' ? { isContainerFleet: true } : {}),
    },
    events: fleet.events.map((e) => ({
      eventId: e.eventId,
      eventCode: e.eventCode,
      message: e.message,
      eventTime: e.eventTime,
      resourceId: e.resourceId,
      ...(e.count !== undefined ? { count: e.count } : {}),
    })),
    ...(runtimeConfiguration ? { runtimeConfiguration } : {}),
    locations: fleet.locations.map((l) => ({ location: l.location, status: l.status })),
    logs,
    now: options.now ?? STORY_NOW,
  };
}
