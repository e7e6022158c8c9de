// Hints for server processes that never call InitSDK() or ProcessReady(): the usual Unity and
// Unreal launch mistakes. The engine is recognised from the launch path and the build's
// files; the hints are hints (nothing in the events proves them), but a missing
// `-batchmode` in the parameters is a configuration fact and is given as evidence.
import type { RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { Evidence } from './types';
import { quote } from './text';

export type Engine = 'unity' | 'unreal';

export function engineOf(launchPath: string, buildText: string): Engine | undefined {
  if (/\.x86(_64)?$/i.test(launchPath) || /UnityPlayer|_Data[\\/]|UnityEngine/.test(buildText)) return 'unity';
  if (
    /[\\/]Binaries[\\/](Linux|LinuxArm64|Win64)[\\/]/i.test(launchPath) ||
    /[\\/]Engine[\\/]Binaries[\\/]/.test(buildText)
  )
    return 'unreal';
  return undefined;
}

export interface Hints {
  readonly hints: string[];
  readonly evidence: Evidence[];
}

/** Hints for `kind` (which call never came), from the launch paths and the build's log text. */
export function launchHints(
  kind: 'initSdk' | 'processReady',
  config: RuntimeConfiguration | undefined,
  buildText: string,
): Hints {
  const hints: string[] = [];
  const evidence: Evidence[] = [];
  const engines = new Set<Engine>();
  for (const process of config?.serverProcesses ?? []) {
    const engine = engineOf(process.launchPath, buildText);
    if (!engine) continue;
    engines.add(engine);
    const params = process.parameters ?? '';
    if (engine === 'unity' && !/-batchmode\b/i.test(params))
      evidence.push({
        kind: 'config',
        text: quote(
          `Launch path ${process.launchPath} is a Unity player, and its parameters (${params || 'none'}) do not include -batchmode`,
        ),
      });
    if (engine === 'unreal' && !/Server(\.exe|-[A-Za-z]+-Shipping(\.exe)?)?$/.test(process.launchPath))
      evidence.push({
        kind: 'config',
        text: quote(`Launch path ${process.launchPath} is an Unreal binary whose name does not end in "Server"`),
      });
  }
  if (kind === 'initSdk') {
    if (engines.has('unity'))
      hints.push(
        'Unity: launch the Dedicated Server build (or the player with `-batchmode -nographics`); a player that waits for a display never reaches the code that calls InitSDK().',
        'Unity: InitSDK() must run from a script in the first scene that loads (for example in Awake()), in a build that includes the GameLift server SDK plugin.',
      );
    if (engines.has('unreal'))
      hints.push(
        'Unreal: launch the dedicated server target (`<Project>Server`), built with the GameLift server plugin enabled; the game client never calls InitSDK().',
        'Unreal: add `-log` to the parameters so the server log shows whether the plugin started, and check that the server SDK libraries were packaged with the build.',
      );
    hints.push(
      'The launch path must be the executable that calls InitSDK() itself; a launcher or wrapper script does not pass on what the SDK needs from its environment.',
    );
  } else {
    if (engines.has('unity'))
      hints.push(
        'Unity: call ProcessReady() once the server can accept players, after InitSDK(); loading scenes for more than 5 minutes before it times out.',
      );
    if (engines.has('unreal'))
      hints.push(
        'Unreal: call ProcessReady() after the map has loaded (for example from the game mode), with the port the server listens on.',
      );
    hints.push(
      'ProcessReady() must come within 5 minutes of the launch; the server log shows how far start-up got.',
      'Pass the log paths and the port in ProcessReady(); a call that throws (for example on a port already in use) never registers the process.',
    );
  }
  return { hints, evidence };
}
