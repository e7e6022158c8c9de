// What bench/logOpen.bench.ts bundles as the extension ships it: the host's work between a log's
// bytes arriving and its document showing (unpack and decode, the editor's text, the outline).
import { logDisplayText } from '../src/logDocuments/displayText';
import { decodeLog } from '../src/logs/decode';
import { outlineLog } from '../src/logs/outline';

/** Decodes, prepares and outlines a downloaded log; returns its lines and outline entries. */
export function openLog(bytes: Uint8Array): { lines: number; outline: number } {
  const decoded = decodeLog(bytes, { name: 'log.txt', maxBytes: 20 * 1024 * 1024 });
  if (decoded.kind !== 'ok') throw new Error(decoded.message);
  let lines = 0;
  let outline = 0;
  for (const file of decoded.files) {
    const text = logDisplayText(file.text);
    lines += text.split('\n').length;
    outline += outlineLog(text).length;
  }
  return { lines, outline };
}
