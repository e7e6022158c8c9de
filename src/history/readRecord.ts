// Reads records back from their places: the JSON text of a record, straight from its byte range
// (plain files are read at that range only; gzip files are decompressed once and kept in a small
// cache while records of the same file follow each other, as they do in time order), and where
// it is in the text an editor shows.
import { open } from 'node:fs/promises';
import { readContent } from './fileChunk';
import type { RecordPlace } from './types';

export class RecordReader {
  private readonly cache = new Map<string, Buffer>();

  /** @param cacheFiles decompressed gzip files kept (least recently used dropped first). */
  constructor(private readonly cacheFiles = 8) {}

  /** The record's JSON text as it is in the file (for `string` places, the decoded record text). */
  async text(place: RecordPlace): Promise<string> {
    let raw: string;
    if (place.gzip) {
      const bytes = await this.content(place.file);
      if (place.offset + place.length > bytes.length) throw new Error(`${place.file} changed since it was read`);
      raw = bytes.toString('utf8', place.offset, place.offset + place.length);
    } else {
      const handle = await open(place.file, 'r');
      try {
        const buffer = Buffer.alloc(place.length);
        const { bytesRead } = await handle.read(buffer, 0, place.length, place.offset);
        if (bytesRead !== place.length) throw new Error(`${place.file} changed since it was read`);
        raw = buffer.toString('utf8');
      } finally {
        await handle.close();
      }
    }
    if (place.encoding === 'json') return raw;
    let decoded: unknown;
    try {
      decoded = JSON.parse(raw);
    } catch {
      decoded = undefined;
    }
    if (typeof decoded !== 'string') throw new Error(`${place.file} changed since it was read`);
    return decoded;
  }

  /**
   * Where the record is in its file as an editor shows the text: UTF-16 offsets of its first and
   * past-last character (a UTF-8 byte-order mark, which editors drop, not counted).
   */
  async editorRange(place: RecordPlace): Promise<{ start: number; end: number }> {
    const end = place.offset + place.length;
    const head = place.gzip ? await this.content(place.file) : await readHead(place.file, end);
    if (head.length < end) throw new Error(`${place.file} changed since it was read`);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 1 : 0;
    const start = charOffset(head, place.offset) - bom;
    return { start, end: start + head.toString('utf8', place.offset, end).length };
  }

  /** The parsed record. */
  async record(place: RecordPlace): Promise<Record<string, unknown>> {
    const text = await this.text(place);
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new Error(`${place.file} changed since it was read (the record at byte ${place.offset} no longer parses)`);
    }
  }

  private async content(file: string): Promise<Buffer> {
    const hit = this.cache.get(file);
    if (hit) {
      this.cache.delete(file);
      this.cache.set(file, hit);
      return hit;
    }
    const { bytes } = readContent(file);
    this.cache.set(file, bytes);
    while (this.cache.size > this.cacheFiles) this.cache.delete(this.cache.keys().next().value as string);
    return bytes;
  }
}

/** The first `bytes` bytes of a file (fewer when it is shorter). */
async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The UTF-16 offset (what an editor counts) of a byte offset in UTF-8 content. */
export function charOffset(content: Buffer, byteOffset: number): number {
  return content.toString('utf8', 0, byteOffset).length;
}
