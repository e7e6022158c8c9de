// A cross-process lock (an exclusive `mkdir`), so two test runs that start at the same
// moment don't provision `.vscode-test/` into each other. A lock whose holder process
// is gone is taken over, so a killed run never blocks the next one.
import * as fs from 'fs';
import * as path from 'path';

function holderAlive(lockDir: string): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withLock<T>(
  lockDir: string,
  work: () => Promise<T>,
  onWait: () => void = () => undefined,
  timeoutMs = 20 * 60_000,
): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A fresh lock may not have its pid file yet: give its holder a moment.
      const age = Date.now() - safeMtime(lockDir);
      if (age > 5_000 && !holderAlive(lockDir)) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the lock ${lockDir}`, { cause: err });
      if (!announced) {
        announced = true;
        onWait();
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function safeMtime(p: string): number {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}
