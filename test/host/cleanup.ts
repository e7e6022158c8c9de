// Last-resort cleanup for everything a run starts (server process group, browser,
// emulator, temp dirs). Async cleanups run on normal shutdown and on SIGINT/SIGTERM;
// the synchronous kill-by-pid list also runs on `process.exit`, so nothing lingers
// even if a runner dies half-way.
import * as fs from 'fs';

type AsyncCleanup = () => Promise<void> | void;

const asyncCleanups: AsyncCleanup[] = [];
const groupsToKill = new Set<number>();
const markersToKill = new Set<string>();
let signalled = false;

/** Registers work for `runCleanups()`; returns an unregister function. Runs last-in, first-out. */
export function onCleanup(fn: AsyncCleanup): () => void {
  asyncCleanups.push(fn);
  return () => {
    const i = asyncCleanups.indexOf(fn);
    if (i >= 0) asyncCleanups.splice(i, 1);
  };
}

/** Remembers a run dir: at exit, any process still mentioning it is killed (see killProcessesMentioning). */
export function trackRunMarker(marker: string): () => void {
  markersToKill.add(marker);
  return () => markersToKill.delete(marker);
}

/** Remembers a process-group leader so it is SIGKILLed at exit if still around. */
export function trackProcessGroup(pid: number): () => void {
  groupsToKill.add(pid);
  return () => groupsToKill.delete(pid);
}

export function killGroupNow(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export async function runCleanups(): Promise<void> {
  while (asyncCleanups.length > 0) {
    const fn = asyncCleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error(`[host] cleanup step failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const pid of groupsToKill) killGroupNow(pid);
  groupsToKill.clear();
}

process.on('exit', () => {
  for (const pid of groupsToKill) killGroupNow(pid);
  for (const marker of markersToKill) killProcessesMentioning(marker);
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (signalled) return; // a second Ctrl-C while cleaning up: keep going
    signalled = true;
    console.error(`\n[host] ${signal}: stopping everything this run started…`);
    const force = setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 10_000);
    void runCleanups().finally(() => {
      clearTimeout(force);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  });
}

/**
 * Kills (by PID) processes whose command line mentions `marker`, a run's private temp dir.
 * Chromium's crashpad handlers detach into their own process groups, so closing the
 * browser or killing its group can leave them behind.
 */
export function killProcessesMentioning(marker: string): number {
  let killed = 0;
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0; // not Linux
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmdline.includes(marker)) {
        process.kill(pid, 'SIGKILL');
        killed++;
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return killed;
}
