// Exports: RFC 4180 CSV that a spreadsheet cannot turn into formulas, and JSON with the fleet.
import * as assert from 'node:assert/strict';
import { csvCell, eventsToCsv, eventsToJson } from '../../../src/gamelift/exportEvents';
import type { FleetEvent } from '../../../src/gamelift/types';

const T = Date.UTC(2026, 10, 20, 8, 0, 0);
const events: FleetEvent[] = [
  {
    eventId: 'e-1',
    eventCode: 'SERVER_PROCESS_CRASHED',
    message: 'Crashed, "badly"\nsee log',
    eventTime: T,
    resourceId: 'fleet-1',
    fetchedAt: T,
    preSignedLogUrl: 'https://logs.example/x?X-Amz-Signature=abc',
  },
  {
    eventId: 'e-2',
    eventCode: 'GENERIC_EVENT',
    message: '=HYPERLINK("http://evil","click")',
    eventTime: T - 1000,
    count: 3,
    fetchedAt: T,
  },
  { eventId: 'e-3', eventCode: 'NEW_CODE_FROM_THE_FUTURE', fetchedAt: T },
];

/** A small RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('exportEvents', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}1+1`);
      assert.ok(cell.replace(/^"/, '').startsWith("'"), `cell starting with ${JSON.stringify(start)}: ${cell}`);
    }
    assert.equal(csvCell('plain text'), 'plain text');
    assert.equal(csvCell('1-2'), '1-2');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(' padded '), '" padded "');
  });

  it('writes a CSV that reads back to the same cells, CRLF-terminated, without log URLs by default', () => {
    const csv = eventsToCsv(events);
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!csv.includes('X-Amz-Signature'));
    const rows = parseCsv(csv);
    assert.deepEqual(rows[0], [
      'eventTime',
      'eventCode',
      'category',
      'severity',
      'message',
      'resourceId',
      'count',
      'eventId',
    ]);
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[1], [
      '2026-11-20T08:00:00.000Z',
      'SERVER_PROCESS_CRASHED',
      'server_process',
      'error',
      'Crashed, "badly"\nsee log',
      'fleet-1',
      '',
      'e-1',
    ]);
    assert.equal(rows[2][4], `'=HYPERLINK("http://evil","click")`);
    assert.equal(rows[2][6], '3');
    assert.deepEqual(rows[3].slice(1, 4), ['NEW_CODE_FROM_THE_FUTURE', 'other', 'info']);
  });

  it('includes log URLs only when asked', () => {
    const rows = parseCsv(eventsToCsv(events, { includeLogUrls: true }));
    assert.equal(rows[0][8], 'preSignedLogUrl');
    assert.equal(rows[1][8], 'https://logs.example/x?X-Amz-Signature=abc');
  });

  it('writes JSON with the fleet and ISO times', () => {
    const parsed = JSON.parse(eventsToJson(events, { fleetId: 'fleet-1', name: 'Demo' }));
    assert.deepEqual(parsed.fleet, { fleetId: 'fleet-1', name: 'Demo' });
    assert.equal(parsed.exportedEvents, 3);
    assert.equal(parsed.events[0].eventTime, '2026-11-20T08:00:00.000Z');
    assert.equal(parsed.events[0].severity, 'error');
    assert.equal(parsed.events[0].preSignedLogUrl, undefined);
    assert.equal(parsed.events[1].message, '=HYPERLINK("http://evil","click")');
    assert.equal(parsed.events[2].eventTime, undefined);
  });
});
