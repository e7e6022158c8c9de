// The logs GameLift keeps for each stage of a fleet's creation, written from what the
// scenario says the build holds: the extraction log lists the extracted files, the installer
// log the install script's output and exit code, the validation log each launch path of the
// runtime configuration and whether it was found, the launch log what the server printed.
// Consistent by construction: a launch path is "found" exactly when the build holds it.
import type { EventRecord, FleetRecord } from './state';

const LINUX_ROOT = '/local/game';
const WINDOWS_ROOT = 'C:\\game';

function isWindows(fleet: FleetRecord): boolean {
  return fleet.operatingSystem?.startsWith('WINDOWS') ?? false;
}

/** The runtime configuration DescribeRuntimeConfiguration returns when the scenario gives none. */
export function defaultRuntimeConfiguration(fleet: FleetRecord): Record<string, unknown> {
  const launchPath = isWindows(fleet) ? 'C:\\game\\Binaries\\Win64\\ArenaServer.exe' : '/local/game/bin/ArenaServer';
  return {
    ServerProcesses: [
      {
        LaunchPath: launchPath,
        Parameters: `-port 7777 -log=${isWindows(fleet) ? 'C:\\game\\logs\\server.log' : '/local/game/logs/server.log'}`,
        ConcurrentExecutions: 2,
      },
    ],
    MaxConcurrentGameSessionActivations: 2,
    GameSessionActivationTimeoutSeconds: 300,
  };
}

export function runtimeConfigurationOf(fleet: FleetRecord): Record<string, unknown> {
  return fleet.runtimeConfiguration ?? defaultRuntimeConfiguration(fleet);
}

function launchPaths(fleet: FleetRecord): string[] {
  const processes = runtimeConfigurationOf(fleet).ServerProcesses;
  return Array.isArray(processes)
    ? processes.map((p) => String((p as { LaunchPath?: unknown }).LaunchPath ?? '')).filter(Boolean)
    : [];
}

/** A build file's path on the instance. */
function onInstance(fleet: FleetRecord, file: string): string {
  return isWindows(fleet) ? `${WINDOWS_ROOT}\\${file.replace(/\//g, '\\')}` : `${LINUX_ROOT}/${file}`;
}

/** The stage log of `event`, or undefined when the fleet has no build contents or the code no stage log. */
export function creationLogFor(event: EventRecord, fleet: FleetRecord): string | undefined {
  const build = fleet.build;
  if (!build) return undefined;
  const windows = isWindows(fleet);
  const root = windows ? WINDOWS_ROOT : LINUX_ROOT;
  let second = 0;
  const start = event.eventTime - 60_000;
  const line = (level: string, text: string) => `${new Date(start + 1000 * second++).toISOString()} [${level}] ${text}`;
  const files = build.files.map((f) => onInstance(fleet, f));
  const lines: string[] = [];
  switch (event.eventCode) {
    case 'FLEET_BINARY_DOWNLOAD_FAILED':
    case 'FLEET_CREATION_EXTRACTING_BUILD': {
      lines.push(line('INFO', `Downloading build ${fleet.buildId ?? ''} for fleet ${fleet.fleetId}`));
      lines.push(line('INFO', `Extracting build archive to ${root}`));
      if (build.extractError) {
        for (const text of build.extractError) lines.push(line('ERROR', text));
        lines.push(line('ERROR', 'Extraction failed: the build archive could not be read.'));
        break;
      }
      for (const f of files) lines.push(line('INFO', `extracted: ${f}`));
      lines.push(line('INFO', `Extracted ${files.length} files to ${root}`));
      break;
    }
    case 'FLEET_CREATION_RUNNING_INSTALLER':
    case 'FLEET_CREATION_COMPLETED_INSTALLER':
    case 'FLEET_CREATION_FAILED_INSTALLER': {
      const script = windows ? `${root}\\install.bat` : `${root}/install.sh`;
      lines.push(line('INFO', `Running install script ${script} (sudo allowed, no input)`));
      for (const text of build.installOutput ?? []) lines.push(line('INFO', text));
      const exit = build.installExitCode ?? 0;
      if (event.eventCode !== 'FLEET_CREATION_RUNNING_INSTALLER')
        lines.push(
          exit === 0
            ? line('INFO', 'Install script exited with code 0: installation completed')
            : line('ERROR', `Install script exited with code ${exit}: installation failed`),
        );
      break;
    }
    case 'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG':
    case 'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND': {
      const present = new Set(files.map((f) => (windows ? f.toLowerCase() : f)));
      const paths = launchPaths(fleet);
      lines.push(line('INFO', `Validating runtime configuration: ${paths.length} server process configuration(s)`));
      let found = 0;
      for (const p of paths) {
        const ok = present.has(windows ? p.toLowerCase() : p);
        if (ok) found++;
        lines.push(line(ok ? 'INFO' : 'ERROR', `Launch path ${p}: ${ok ? 'found' : 'not found'}`));
      }
      lines.push(line(found > 0 ? 'INFO' : 'ERROR', `${found} of ${paths.length} launch paths found`));
      break;
    }
    case 'FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE':
    case 'FLEET_ACTIVATION_FAILED':
    case 'SERVER_PROCESS_CRASHED': {
      const path = launchPaths(fleet)[0] ?? onInstance(fleet, 'server');
      lines.push(line('INFO', `Starting server process ${path}`));
      for (const text of build.serverOutput ?? []) lines.push(line('INFO', text));
      lines.push(line('INFO', `${event.eventCode}: ${event.message}`));
      break;
    }
    default:
      return undefined;
  }
  return `${lines.join('\n')}\n`;
}
