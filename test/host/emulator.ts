// Starts the local GameLift endpoint (test/emulator) in this process. It is loaded by
// path (a type-only import below) so the host still works, with a log line, in a
// checkout where the emulator isn't compiled.
import * as fs from 'fs';
import type { RunningEmulator, startEmulator as StartEmulator } from '../emulator/server';
import { EMULATOR_MODULE } from './paths';

export type EmulatorHandle = RunningEmulator;

export function emulatorAvailable(): boolean {
  return fs.existsSync(EMULATOR_MODULE);
}

export async function startEmulatorIfAvailable(scenario = 'default'): Promise<EmulatorHandle | undefined> {
  if (!emulatorAvailable()) {
    console.log(`[host] emulator not built (${EMULATOR_MODULE} missing): running without a GameLift endpoint`);
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(EMULATOR_MODULE) as { startEmulator?: typeof StartEmulator };
  if (typeof mod.startEmulator !== 'function') {
    throw new Error(`${EMULATOR_MODULE} does not export startEmulator()`);
  }
  const handle = await mod.startEmulator({ port: 0, scenario });
  console.log(`[host] GameLift emulator (scenario "${scenario}") listening at ${handle.url}`);
  return handle;
}
