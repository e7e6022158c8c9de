// Makes bidirectional control characters visible, so service text (event messages, log
// lines) cannot display reversed or reordered, as VS Code's editor shows them. Pure.

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** Each bidi control character replaced by its visible code point, e.g. `[U+202E]`. */
export function markBidiControls(text: string): string {
  if (!BIDI_CONTROL.test(text)) return text;
  return text.replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}
