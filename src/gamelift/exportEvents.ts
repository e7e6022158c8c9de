// Fleet events as text: the one JSON shape of an event (exports, "Copy event as JSON" in the
// tree and the details panel), a JSON export with the fleet's details, and CSV. CSV follows
// RFC 4180 and is safe to open in a spreadsheet: cells that a spreadsheet would run as a
// formula are prefixed with an apostrophe (OWASP "CSV injection").
import { lookupEventCode } from './eventCatalog';
import type { FleetEvent, FleetSummary } from './types';

export const CSV_COLUMNS = [
  'eventTime',
  'eventCode',
  'category',
  'severity',
  'message',
  'resourceId',
  'count',
  'eventId',
  'preSignedLogUrl',
] as const;

export interface ExportOptions {
  /** Presigned URLs are bearer links; by default they are left out of exports. */
  readonly includeLogUrls?: boolean;
}

/** The one JSON shape of an event: ISO time, its category and severity; no `fetchedAt`. */
export function eventJson(e: FleetEvent, options: ExportOptions = {}): Record<string, unknown> {
  const info = lookupEventCode(e.eventCode);
  return {
    eventId: e.eventId,
    eventCode: e.eventCode,
    category: info.category,
    severity: info.severity,
    eventTime: e.eventTime !== undefined ? new Date(e.eventTime).toISOString() : undefined,
    message: e.message,
    resourceId: e.resourceId,
    count: e.count,
    ...(options.includeLogUrls && e.preSignedLogUrl ? { preSignedLogUrl: e.preSignedLogUrl } : {}),
  };
}

/** One event as indented JSON for the clipboard, without its log link (a bearer URL). */
export function eventJsonText(event: FleetEvent): string {
  return JSON.stringify(eventJson(event), null, 2);
}

export function eventsToJson(
  events: readonly FleetEvent[],
  fleet: FleetSummary | { fleetId: string },
  options: ExportOptions = {},
): string {
  const document = { fleet, exportedEvents: events.length, events: events.map((e) => eventJson(e, options)) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function eventsToCsv(events: readonly FleetEvent[], options: ExportOptions = {}): string {
  const columns = options.includeLogUrls ? CSV_COLUMNS : CSV_COLUMNS.filter((c) => c !== 'preSignedLogUrl');
  const rows = [columns.map(csvCell).join(',')];
  for (const e of events) {
    const info = lookupEventCode(e.eventCode);
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      eventTime: e.eventTime !== undefined ? new Date(e.eventTime).toISOString() : '',
      eventCode: e.eventCode,
      category: info.category,
      severity: info.severity,
      message: e.message ?? '',
      resourceId: e.resourceId ?? '',
      count: e.count !== undefined ? String(e.count) : '',
      eventId: e.eventId,
      preSignedLogUrl: e.preSignedLogUrl ?? '',
    };
    rows.push(columns.map((c) => csvCell(values[c])).join(','));
  }
  // RFC 4180: records end with CRLF.
  return `${rows.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised if it could start a formula, quoted if it holds , " CR or LF. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
