// Checks each launch path of the runtime configuration against the fleet's operating system,
// the build root GameLift installs to (/local/game, C:\game) and what the creation logs say
// exists, and suggests the build file that was most likely meant.
import type { RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { FleetSummary } from '../gamelift/types';
import { launchPathLines, pathsInLog } from './logScan';
import type { LaunchPathCheck } from './types';

export const LINUX_ROOT = '/local/game';
export const WINDOWS_ROOT = 'C:\\game';

export interface LogText {
  readonly eventId: string;
  readonly eventCode: string;
  readonly text: string;
  readonly name?: string;
}

export interface LaunchPathEvidence {
  readonly check: LaunchPathCheck;
  /** The log line that says whether the path was found. */
  readonly logLine?: { readonly eventId: string; readonly line: number; readonly text: string; readonly name?: string };
  /** How many build files the extraction log lists (0 when there is no such log). */
  readonly buildFileCount: number;
}

export function isWindowsFleet(fleet: FleetSummary): boolean {
  return fleet.operatingSystem?.startsWith('WINDOWS') ?? false;
}

function looksWindows(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || path.includes('\\') || /\.(exe|bat|cmd|ps1)$/i.test(path);
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function stem(name: string): string {
  return name.replace(/\.(exe|x86_64|x86|sh|bat|cmd|bin|elf)$/i, '').toLowerCase();
}

const SCRIPT = /\.(sh|bash|bat|cmd|ps1)$/i;

/** Files that look like a game server executable: what a wrong path most likely meant. */
function suggest(path: string, files: readonly string[], windows: boolean): string | undefined {
  if (files.length === 0) return undefined;
  const wanted = stem(basename(path));
  const sameStem = files.filter((f) => stem(basename(f)) === wanted && !SCRIPT.test(f));
  if (sameStem.length > 0) return sameStem.sort((a, b) => a.length - b.length)[0];
  const executables = files.filter((f) =>
    windows ? /\.exe$/i.test(f) : /\.x86_64$|\/Binaries\/Linux\/[^/.]+$|Server$/.test(f),
  );
  return executables.length === 1 ? executables[0] : undefined;
}

function normalise(path: string, windows: boolean): string {
  return windows ? path.replace(/\//g, '\\').toLowerCase() : path;
}

/** Checks every launch path; `logs` are the creation logs that were read (any order). */
export function checkLaunchPaths(
  config: RuntimeConfiguration,
  fleet: FleetSummary,
  logs: readonly LogText[],
): LaunchPathEvidence[] {
  const windows = isWindowsFleet(fleet);
  const knowsOs = fleet.operatingSystem !== undefined;
  const buildFiles = new Set<string>();
  for (const log of logs)
    if (log.eventCode === 'FLEET_CREATION_EXTRACTING_BUILD') for (const p of pathsInLog(log.text)) buildFiles.add(p);
  const files = [...buildFiles];
  const fileSet = new Set(files.map((f) => normalise(f, windows)));
  const validation = logs.flatMap((log) =>
    launchPathLines(log.text).map((l) => ({ ...l, eventId: log.eventId, name: log.name })),
  );

  return config.serverProcesses.map((process) => {
    const path = process.launchPath.trim();
    const problems: string[] = [];
    const os = fleet.operatingSystem ?? '';
    if (knowsOs && !windows && looksWindows(path)) problems.push(`it is a Windows path, but the fleet runs ${os}`);
    if (knowsOs && windows && path.startsWith('/')) problems.push(`it is a Linux path, but the fleet runs ${os}`);
    const root = windows ? WINDOWS_ROOT : LINUX_ROOT;
    const underRoot = windows
      ? path.toLowerCase().startsWith(`${WINDOWS_ROOT.toLowerCase()}\\`)
      : path.startsWith(`${LINUX_ROOT}/`);
    if (knowsOs && problems.length === 0 && !underRoot)
      problems.push(`it is outside ${root}, where GameLift installs the build`);
    if (SCRIPT.test(path))
      problems.push(
        'it is a script: GameLift must launch the executable that calls InitSDK() itself, not a script that starts it',
      );

    const said = validation.filter((l) => normalise(l.path, windows) === normalise(path, windows)).pop();
    let found: boolean | undefined = said?.found;
    if (found === undefined && fileSet.size > 0) found = fileSet.has(normalise(path, windows));
    if (found === false)
      problems.push(
        said
          ? 'the validation log says it was not found'
          : `it is not among the ${files.length} files the build extracted`,
      );
    const suggestion = found === false || problems.length > 0 ? suggest(path, files, windows) : undefined;
    const check: LaunchPathCheck = {
      launchPath: process.launchPath,
      ...(process.parameters ? { parameters: process.parameters } : {}),
      concurrentExecutions: process.concurrentExecutions,
      ...(found !== undefined ? { found } : {}),
      problems,
      ...(suggestion && suggestion !== path ? { suggestion } : {}),
    };
    return {
      check,
      ...(said ? { logLine: { eventId: said.eventId, line: said.line, text: said.text, name: said.name } } : {}),
      buildFileCount: files.length,
    };
  });
}
