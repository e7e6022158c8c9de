// Gives the core only as much text as a request needs. Small documents are passed whole; in a
// large one, hovers and semantic tokens work record by record (each record is a JSON object of
// its own), found through the last analysis, so no request rescans tens of megabytes on the
// extension host's main thread.
import * as vscode from 'vscode';
import { recordSpan } from '../worker/resultReader';
import { RECORD_STRIDE, RecordSlot } from '../worker/positionedResult';
import type { CloudTrailValidation } from '../validation';
import { documentLength } from '../documentLength';

/** Documents up to this many UTF-16 units are handed to the core whole. */
export const WHOLE_TEXT_LIMIT = 1_000_000;
/** Most text handed to the core for one range request in a large document. */
const MAX_WINDOW = 4_000_000;

export interface TextPiece {
  /** Text given to the core. */
  text: string;
  /** Offset of text[0] in the document. */
  base: number;
}

/**
 * Pieces of text covering [from, to) that the core can work on independently: the whole
 * document when it is small, else one piece per record overlapping the range (undefined when
 * the large document has no analysis of its current version yet).
 */
export function piecesFor(
  document: vscode.TextDocument,
  validation: CloudTrailValidation,
  from: number,
  to: number,
): TextPiece[] | undefined {
  if (documentLength(document) <= WHOLE_TEXT_LIMIT) return [{ text: document.getText(), base: 0 }];
  const analysis = validation.current(document);
  if (!analysis) return undefined;
  const span = recordSpan(analysis.result, from, to);
  if (!span) return [];
  const pieces: TextPiece[] = [];
  let budget = MAX_WINDOW;
  for (let i = span.first; i <= span.last && budget > 0; i++) {
    const { start, end } = recordOffsets(analysis.result.recordPositions, i);
    const text = document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
    budget -= text.length;
    pieces.push({ text, base: start });
  }
  return pieces;
}

function recordOffsets(positions: Int32Array, index: number): { start: number; end: number } {
  const o = index * RECORD_STRIDE;
  return { start: positions[o + RecordSlot.StartOffset], end: positions[o + RecordSlot.EndOffset] };
}
