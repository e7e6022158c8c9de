// The Markdown of a hover on a CloudTrail document: what the field under the cursor means, what a
// known value means, and for GameLift records what the operation does. Values from the file are
// shown only inside code spans sized to never close early, so a log cannot inject Markdown.
// The one command link is "Fetch events for fleet-…", built only for IDs that match the GameLift
// API's FleetId pattern, with its argument URI-encoded; the hover trusts that command alone
// (hoverProvider.ts). Pure: no `vscode` import.
import { COMMAND } from '../../../ids';
import operations from '../../../gamelift/data/operations.json';
import { fieldDocFor, valueDocFor, recordRelativeKey } from './fieldDocs';
import { fleetPlace, type FleetPlace } from '../fleetPlace';
import type { CtLocation } from '../../index';

interface Operation {
  name: string;
  readOnly: boolean;
  classification: string;
  note?: string;
}

const GAMELIFT_SOURCE = 'gamelift.amazonaws.com';
const OPERATIONS = new Map((operations as Operation[]).map((o) => [o.name, o]));
const FLEET_ID = /^fleet-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FLEET_ARN = /^arn:aws[a-z-]*:gamelift:[a-z0-9-]+:\d{12}:fleet\/(fleet-[0-9a-f-]{36})$/;
/** The FleetId pattern of the GameLift API (DescribeFleetEvents), checked again before a link is built. */
const API_FLEET_ID = /^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/;
const API_FLEET_ID_MAX = 512;

/** The explorer command a hover may run (the hover's only trusted command). */

export interface HoverOptions {
  /** Add a "Fetch events for fleet-…" command link for fleet IDs (setting `gamelift.cloudtrail.fleetLinks`; default true). */
  fleetLinks?: boolean;
  /** The text of the record under the cursor (where a fleet link finds the record's account). */
  recordText?: string;
}

/** Markdown for the location, or undefined when there is nothing useful to say. */
export function hoverMarkdown(location: CtLocation, options: HoverOptions = {}): string | undefined {
  const fleetLinks = options.fleetLinks ?? true;
  const parts: string[] = [];
  const path = location.path;
  const field = recordRelativeKey(path);
  const doc = fieldDocFor(path);
  const value = location.onKey ? undefined : location.value;

  if (field && doc) {
    parts.push(`**${field}** — ${doc.summary}`);
    if (doc.details) parts.push(doc.details);
    if (doc.since) parts.push(`_Since record version ${doc.since}._`);
  }
  const meaning = valueDocFor(path, value);
  if (meaning) parts.push(`${code(String(value))}: ${meaning}`);

  const key = location.key;
  const source = location.record?.eventSource;
  if (key === 'eventName' && typeof value === 'string' && (source === undefined || source === GAMELIFT_SOURCE)) {
    const op = OPERATIONS.get(value);
    if (op) parts.push(operationText(op));
    else if (source === GAMELIFT_SOURCE)
      parts.push(`${code(value)} is not a GameLift operation this extension knows (it may be newer).`);
  }
  if (key === 'eventSource' && value === GAMELIFT_SOURCE) {
    parts.push('Amazon GameLift. Every GameLift API call is logged as a management event.');
  }
  if (typeof value === 'string') {
    const fleet = fleetIdOf(value);
    if (fleet) {
      const place = fleetPlace(value, location.record?.awsRegion, options.recordText);
      const link = fleetLinks ? fetchFleetEventsLink(fleet, place) : undefined;
      parts.push(
        link
          ? `GameLift fleet ${code(fleet)}. ${link} to see its fleet events in the GameLift explorer.`
          : `GameLift fleet ${code(fleet)}. Fetch its fleet events in the GameLift explorer with **GameLift: Fetch fleet events**.`,
      );
    }
    if (key === 'eventTime') {
      const when = readableTime(value);
      if (when) parts.push(when);
    }
    if (key === 'accessKeyId' && /^(AKIA|ASIA)/.test(value)) {
      parts.push(
        value.startsWith('AKIA')
          ? 'A long-term access key (IAM user or root).'
          : 'A temporary access key (from AWS STS).',
      );
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

function operationText(op: Operation): string {
  const effect = op.readOnly ? 'reads only; it changes nothing' : 'changes resources in the account';
  const note = op.note ? ` ${op.note}` : '';
  return `GameLift operation ${code(op.name)}: ${effect} (${op.classification}).${note}`;
}

/**
 * A Markdown link running `gamelift.fetchFleetEvents` with `{ fleetId, region?, accountId? }` (the
 * record's place, so the fetch asks the right Region and account), or undefined when the value is
 * not a fleet ID the GameLift API would accept (so nothing else can become a link).
 */
export function fetchFleetEventsLink(fleetId: string, place: FleetPlace = {}): string | undefined {
  if (fleetId.length > API_FLEET_ID_MAX || !API_FLEET_ID.test(fleetId)) return undefined;
  // encodeURIComponent leaves ( ) ' ! * alone; encode them too so nothing can end the link target.
  const args = encodeURIComponent(JSON.stringify([{ fleetId, ...place }])).replace(
    /[()'!*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `[Fetch events for ${escapeMarkdown(fleetId)}](command:${COMMAND.fetchFleetEvents}?${args} "Open this fleet's events in the GameLift explorer")`;
}

/** Backslash-escapes Markdown punctuation so text shows literally (link text, never code). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>!|~]/g, (c) => `\\${c}`);
}

/** The bare fleet ID of a fleet ID or fleet ARN. */
export function fleetIdOf(value: string): string | undefined {
  if (FLEET_ID.test(value)) return value;
  return FLEET_ARN.exec(value)?.[1];
}

function readableTime(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${date.toUTCString()} (UTC).`;
}

/** A Markdown code span that holds any text literally. */
export function code(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
