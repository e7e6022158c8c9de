// The part of every page's protocol that is the same for all pages: a page says `ready` once
// its script runs (again, after the panel was hidden and shown), and only then does the host
// post to it. Each page's own messages are in its feature's protocol.ts. Pure: no vscode, no DOM.

export interface ReadyMessage {
  readonly type: 'ready';
}

/** Longest event ID a page may name (real ones are about 40 characters). */
export const MAX_EVENT_ID_LENGTH = 256;

/** An event ID from a page or its saved state: a non-empty string of reasonable length. */
export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_EVENT_ID_LENGTH;
}

export function isReadyMessage(value: unknown): value is ReadyMessage {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ready';
}
