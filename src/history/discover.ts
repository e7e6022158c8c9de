// Turns the folders and files a user names into the list of files to read: folders are walked
// (hidden folders and CloudTrail digest files skipped, symbolic links to folders not followed),
// named files are taken whatever their extension. Paths come back sorted, so record numbers and
// output are the same on every run.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileFailure } from './types';

/** File names read from folders: CloudTrail's own, JSON Lines, and their gzip forms. */
const READABLE = /\.(json|jsonl|ndjson)(\.gz)?$/i;
/** Files whose size is asked for at once. */
const STAT_BATCH = 256;
/** Digest files prove integrity; they hold no events. */
const DIGEST = /_CloudTrail-Digest_|(^|[\\/])CloudTrail-Digest([\\/]|$)/;

export interface DiscoveredFile {
  readonly path: string;
  readonly size: number;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly failures: FileFailure[];
  /** Files in the folders that were not read (other extensions, digests). */
  readonly ignored: number;
}

export async function discoverFiles(inputs: readonly string[], signal?: AbortSignal): Promise<Discovery> {
  const files = new Map<string, number>();
  const failures: FileFailure[] = [];
  let ignored = 0;

  const statFile = async (path: string): Promise<void> => {
    try {
      const s = await stat(path);
      if (s.isFile()) files.set(path, s.size);
      else ignored++;
    } catch (e) {
      failures.push({ file: path, reason: reasonOf(e), records: 0 });
    }
  };
  // Sizes are asked for many files at once (a bucket copy has thousands per day): one at a
  // time, each answer's round trip through the thread pool made discovery the slowest part.
  const walk = async (dir: string): Promise<void> => {
    signal?.throwIfAborted();
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      failures.push({ file: dir, reason: reasonOf(e), records: 0 });
      return;
    }
    const candidates: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!DIGEST.test(path)) folders.push(path);
      } else if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      else if (!READABLE.test(entry.name) || DIGEST.test(path)) ignored++;
      else candidates.push(path);
    }
    for (let k = 0; k < candidates.length; k += STAT_BATCH) {
      signal?.throwIfAborted();
      await Promise.all(candidates.slice(k, k + STAT_BATCH).map(statFile));
    }
    await Promise.all(folders.map(walk));
  };

  for (const input of inputs) {
    try {
      const s = await stat(input);
      if (s.isDirectory()) await walk(input);
      else files.set(input, s.size);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      failures.push({ file: input, reason: reasonOf(e), records: 0 });
    }
  }
  const sorted = [...files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { files: sorted.map(([path, size]) => ({ path, size })), failures, ignored };
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}
