// Type guards for values that arrive from outside (command arguments, webview messages,
// restored state, parsed JSON): checked before use, never trusted by shape alone.

/** A plain object (not null, not an array) whose fields can be read. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Undefined, or a string. */
export function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}
