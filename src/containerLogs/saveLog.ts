// Saves a container log to a file: the lines an open document holds, or a whole window read
// straight from CloudWatch Logs page by page (oldest first), so a large log never sits in
// memory. Written to a temporary file beside the target and renamed at the end: a failed or
// cancelled save leaves no half-written file.
import {
  type CloudWatchLogsClient,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { requireList, throwIfAborted } from '../gamelift/errors';
import { type FormatOptions, formatLogLine, RENDER_CHUNK_LINES, StreamLabels } from './formatLogLine';
import type { LogLineStore } from './logLines';
import { groupInput, type LogQuery, MAX_PAGE_SIZE } from './logReader';

export interface SaveResult {
  readonly lines: number;
  readonly bytes: number;
  /** CloudWatch Logs requests made (0 when saving what a document holds). */
  readonly requests: number;
}

/** A line sink that waits when the file cannot keep up, and finishes by renaming into place. */
async function withTempFile(
  target: string,
  signal: AbortSignal | undefined,
  write: (line: (text: string) => Promise<void>) => Promise<number>,
): Promise<SaveResult> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.part`);
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let bytes = 0;
  let lines = 0;
  const line = async (text: string) => {
    throwIfAborted(signal);
    bytes += Buffer.byteLength(text) + 1;
    lines++;
    if (!out.write(`${text}\n`)) await once(out, 'drain');
    // Formatting a page of 10,000 events is work: give the event loop a turn now and then.
    else if (lines % RENDER_CHUNK_LINES === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  try {
    const requests = await write(line);
    out.end();
    await once(out, 'finish');
    await fs.rename(temp, target);
    return { lines, bytes, requests };
  } catch (err) {
    out.destroy();
    await fs.rm(temp, { force: true });
    throw err;
  }
}

/** Writes the lines a document holds, as the document shows them. */
export function saveLogLines(
  target: string,
  store: LogLineStore,
  options: FormatOptions & { readonly signal?: AbortSignal } = {},
): Promise<SaveResult> {
  return withTempFile(target, options.signal, async (line) => {
    const labels = new StreamLabels();
    for (const entry of store) for (const text of formatLogLine(entry, labels, options)) await line(text);
    return 0;
  });
}

/**
 * Reads the whole window of `query` oldest first and writes it as it arrives: FilterLogEvents
 * (or GetLogEvents for one stream) with the largest pages. `onProgress` hears the lines written.
 */
export function exportLogWindow(
  client: CloudWatchLogsClient,
  query: LogQuery,
  target: string,
  options: FormatOptions & { readonly signal?: AbortSignal; readonly onProgress?: (lines: number) => void } = {},
): Promise<SaveResult> {
  const { signal } = options;
  return withTempFile(target, signal, async (line) => {
    const labels = new StreamLabels();
    let requests = 0;
    let written = 0;
    const emit = async (time: number, stream: string, message: string) => {
      for (const text of formatLogLine({ time, stream, message }, labels, options)) await line(text);
      written++;
    };
    const oneStream = query.streams?.length === 1 && !query.filterPattern ? query.streams[0] : undefined;
    let token: string | undefined;
    for (;;) {
      throwIfAborted(signal);
      if (oneStream) {
        const out = await client.send(
          new GetLogEventsCommand({
            ...groupInput(query.logGroup),
            logStreamName: oneStream,
            startTime: query.start,
            ...(query.end !== undefined ? { endTime: query.end + 1 } : {}),
            startFromHead: true,
            limit: MAX_PAGE_SIZE,
            ...(token ? { nextToken: token } : {}),
          }),
          { abortSignal: signal },
        );
        requests++;
        const events = requireList(out.events, 'GetLogEvents', 'events');
        for (const e of events) if (e.timestamp !== undefined) await emit(e.timestamp, oneStream, e.message ?? '');
        options.onProgress?.(written);
        // The same token back: the end of the stream.
        if (events.length === 0 || !out.nextForwardToken || out.nextForwardToken === token) break;
        token = out.nextForwardToken;
      } else {
        const out = await client.send(
          new FilterLogEventsCommand({
            ...groupInput(query.logGroup),
            ...(query.streams?.length ? { logStreamNames: [...query.streams] } : {}),
            ...(query.filterPattern ? { filterPattern: query.filterPattern } : {}),
            startTime: query.start,
            ...(query.end !== undefined ? { endTime: query.end } : {}),
            limit: MAX_PAGE_SIZE,
            ...(token ? { nextToken: token } : {}),
          }),
          { abortSignal: signal },
        );
        requests++;
        for (const e of requireList(out.events, 'FilterLogEvents', 'events')) {
          if (e.timestamp !== undefined) await emit(e.timestamp, e.logStreamName ?? '', e.message ?? '');
        }
        options.onProgress?.(written);
        if (!out.nextToken) break;
        token = out.nextToken;
      }
    }
    return requests;
  });
}
