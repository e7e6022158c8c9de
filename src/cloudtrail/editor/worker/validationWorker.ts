// Worker thread that validates CloudTrail text off the extension host's main thread. The text
// arrives as UTF-8 chunks (begin, chunk…, end), or — when this worker already holds the
// document's previous version — as the edits since then (delta), applied to its own copy and
// re-checked incrementally where only one record changed; then the line table and record index
// of the previous run are updated instead of rebuilt from the whole text. The answer is a
// PositionedResult with ranges already in line/column, its typed arrays transferred rather than
// copied. Bundled to dist/cloudtrail.worker.js.
import { parentPort } from 'node:worker_threads';
import { placeResult, type ValidateRequest, type ValidateResponse } from './positionedResult';
import {
  LineIndex,
  indexRecords,
  reindexRecord,
  tryIncremental,
  validateCloudTrail,
  type CtEdit,
  type CtRecordIndex,
  type CtValidateOptions,
  type CtValidationResult,
} from '../../index';

const port = parentPort;
const decoder = new TextDecoder('utf-8');
let current: { id: number; options: CtValidateOptions; parts: string[]; key?: string; version?: number } | undefined;

/** The last text and result per document, the base of the next delta. */
interface Held extends Placement {
  version: number;
  text: string;
  /** validateCloudTrail's result for the text (the base of tryIncremental). */
  result: CtValidationResult;
  /** The options the result was computed with (JSON), since the incremental path needs the same ones. */
  options: string;
}

/** What placing a result needs beyond the text: kept to be updated after the next small edit. */
interface Placement {
  /** The result's eventName ranges and fleet references (indexRecords). */
  index: CtRecordIndex;
  lines: LineIndex;
}
const held = new Map<string, Held>();
/** Documents held at most (least recently validated dropped first): each costs its text's size. */
const MAX_HELD = 4;

function hold(key: string, entry: Held): void {
  held.delete(key);
  held.set(key, entry);
  for (const oldest of held.keys()) {
    if (held.size <= MAX_HELD) break;
    held.delete(oldest);
  }
}

function answer(response: ValidateResponse): void {
  const transfer = response.ok
    ? [
        response.result.recordPositions.buffer as ArrayBuffer,
        response.result.folding.buffer as ArrayBuffer,
        response.result.fleetRefPositions.buffer as ArrayBuffer,
      ]
    : [];
  port?.postMessage(response, transfer);
}

function failure(id: number, err: unknown): ValidateResponse {
  return { id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
}

/** Applies the edits in order; undefined when one does not fit the text (the copies disagree). */
function applyEdits(text: string, edits: readonly CtEdit[]): string | undefined {
  for (const e of edits) {
    if (!(
      Number.isInteger(e.start) &&
      Number.isInteger(e.end) &&
      e.start >= 0 &&
      e.start <= e.end &&
      e.end <= text.length &&
      typeof e.newText === 'string'
    ))
      return undefined;
    text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  }
  return text;
}

/** Everything placing needs, from scratch. */
function placementOf(text: string, result: CtValidationResult): Placement {
  return { index: indexRecords(text, result.records), lines: new LineIndex(text) };
}

/**
 * The placement after an incremental re-check of record `k` (`result` is the new result): the
 * index with only record k searched again, the line table spliced.
 */
function placementAfter(base: Held, text: string, result: CtValidationResult, k: number): Placement {
  const index = reindexRecord(base.index, text, result.records, k, text.length - base.text.length);
  const before = base.result.records[k];
  const lines = base.lines.replaced(text, before.start, before.end, result.records[k].end);
  return { index, lines };
}

function full(
  id: number,
  text: string,
  options: CtValidateOptions,
  key: string | undefined,
  version: number | undefined,
): void {
  const result = validateCloudTrail(text, options);
  const placement = placementOf(text, result);
  if (key !== undefined && version !== undefined)
    hold(key, { version, text, result, options: JSON.stringify(options), ...placement });
  const positioned = placeResult(text, result, placement.index, placement.lines);
  positioned.how = 'full';
  answer({ id, ok: true, result: positioned });
}

function delta(request: Extract<ValidateRequest, { type: 'delta' }>): void {
  const { id, key, options } = request;
  const base = held.get(key);
  const text = base && base.version === request.baseVersion ? applyEdits(base.text, request.edits) : undefined;
  if (!base || text === undefined || text.length !== request.length) {
    held.delete(key);
    const why = !base
      ? 'does not hold the document'
      : base.version !== request.baseVersion
        ? `holds version ${base.version}, not ${request.baseVersion}`
        : 'could not apply the edits';
    answer({ id, ok: false, resync: true, error: `The worker ${why}: send the whole text.` });
    return;
  }
  const optionsKey = JSON.stringify(options);
  const attempt =
    optionsKey === base.options ? tryIncremental(base.text, base.result, text, request.edits, options) : undefined;
  const result = attempt?.result ?? validateCloudTrail(text, options);
  const placement = attempt?.result
    ? placementAfter(base, text, attempt.result, attempt.record)
    : placementOf(text, result);
  hold(key, { version: request.version, text, result, options: optionsKey, ...placement });
  const positioned = placeResult(text, result, placement.index, placement.lines);
  positioned.how = attempt?.result ? 'incremental' : 'edits';
  answer({ id, ok: true, result: positioned });
}

port?.on('message', (request: ValidateRequest) => {
  switch (request.type) {
    case 'begin':
      current = { id: request.id, options: request.options, parts: [], key: request.key, version: request.version };
      if (request.key !== undefined) held.delete(request.key); // replaced by this text once it is complete
      break;
    case 'chunk':
      if (current?.id === request.id) current.parts.push(decoder.decode(request.bytes));
      break;
    case 'abort':
      if (current?.id === request.id) current = undefined;
      break;
    case 'end': {
      if (current?.id !== request.id) break;
      const { id, options, parts, key, version } = current;
      current = undefined;
      try {
        full(id, parts.join(''), options, key, version);
      } catch (err) {
        if (key !== undefined) held.delete(key);
        answer(failure(id, err));
      }
      break;
    }
    case 'delta':
      try {
        delta(request);
      } catch (err) {
        held.delete(request.key);
        answer(failure(request.id, err));
      }
      break;
    case 'forget':
      held.delete(request.key);
      break;
  }
});

/** What the worker computes for a whole text, exported from the bundle for the benchmark. */
export { validateAndPosition } from './positionedResult';
