// The lines of an open container log, oldest first, held compactly: a time and a stream number
// in typed arrays and the message string as received, in chunks so that "Load older" prepends
// and follow mode appends without copying what is already there. Text is made only when asked.

/** One log event as plain JSON. Times are epoch milliseconds. */
export interface LogLine {
  readonly time: number;
  readonly stream: string;
  readonly message: string;
}

interface Chunk {
  readonly times: Float64Array;
  readonly streams: Uint32Array;
  readonly messages: readonly string[];
}

export class LogLineStore {
  private chunks: Chunk[] = [];
  private count = 0;
  private readonly streamNames: string[] = [];
  private readonly streamIndex = new Map<string, number>();

  get size(): number {
    return this.count;
  }

  /** The stream names seen, in order of first appearance. */
  get streams(): readonly string[] {
    return this.streamNames;
  }

  get oldestTime(): number | undefined {
    return this.chunks[0]?.times[0];
  }

  get newestTime(): number | undefined {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last.times[last.times.length - 1] : undefined;
  }

  /** Adds lines (oldest first) before all others. */
  prepend(lines: readonly LogLine[]): void {
    if (lines.length) this.chunks.unshift(this.chunk(lines));
    this.count += lines.length;
  }

  /** Adds lines (oldest first) after all others. */
  append(lines: readonly LogLine[]): void {
    if (lines.length) this.chunks.push(this.chunk(lines));
    this.count += lines.length;
  }

  /** Calls `visit` for every line, oldest first, without building LogLine objects. */
  forEach(visit: (time: number, stream: string, message: string) => void): void {
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.messages.length; i++) {
        visit(chunk.times[i], this.streamNames[chunk.streams[i]], chunk.messages[i]);
      }
    }
  }

  *[Symbol.iterator](): IterableIterator<LogLine> {
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.messages.length; i++) {
        yield { time: chunk.times[i], stream: this.streamNames[chunk.streams[i]], message: chunk.messages[i] };
      }
    }
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }

  private chunk(lines: readonly LogLine[]): Chunk {
    const times = new Float64Array(lines.length);
    const streams = new Uint32Array(lines.length);
    const messages = new Array<string>(lines.length);
    lines.forEach((line, i) => {
      times[i] = line.time;
      streams[i] = this.indexOf(line.stream);
      messages[i] = line.message;
    });
    return { times, streams, messages };
  }

  private indexOf(stream: string): number {
    let index = this.streamIndex.get(stream);
    if (index === undefined) {
      index = this.streamNames.length;
      this.streamNames.push(stream);
      this.streamIndex.set(stream, index);
    }
    return index;
  }
}
