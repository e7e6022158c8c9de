// Exports fleet events as JSON (with the fleet's details) or CSV. CSV follows RFC 4180
// and is safe to open in a spreadsheet: cells that a spreadsheet would run as a formula
// are prefixed with an apostrophe (OWASP "CSV injection").
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

export function eventsToJson(
  events: readonly FleetEvent[],
  fleet: FleetSummary | { fleetId: string },
  options: ExportOptions = {},
): string {
  const document = {
    fleet,
    exportedEvents: events.length,
    events: events.map((e) => ({
      eventId: e.eventId,
      eventCode: e.eventCode,
      category: lookupEventCode(e.eventCode).category,
      severity: lookupEventCode(e.eventCode).severity,
      eventTime: e.eventTime !== undefined ? new Date(e.eventTime).toISOString() : undefined,
      message: e.message,
      resourceId: e.resourceId,
      count: e.count,
      ...(options.includeLogUrls && e.preSignedLogUrl ? { preSignedLogUrl: e.preSignedLogUrl } : {}),
    })),
  };
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
