// Last-resort cleanup for everything a run starts (server process group, browser,
// emulator, temp dirs). Async cleanups run on normal shutdown and on SIGINT/SIGTERM;
// the synchronous kill-by-pid list also runs on `process.exit`, so nothing lingers
// even if a runner dies half-way.
type AsyncCleanup = () => Promise<void> | void;

const asyncCleanups: AsyncCleanup[] = [];
const groupsToKill = new Set<number>();
let signalled = false;

/** Registers work for `runCleanups()`; returns an unregister function. Runs last-in, first-out. */
export function onCleanup(fn: AsyncCleanup): () => void {
  asyncCleanups.push(fn);
  return () => {
    const i = asyncCleanups.indexOf(fn);
    if (i >= 0) asyncCleanups.splice(i, 1);
  };
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
