// Hovers on CloudTrail documents: the core says what is under the cursor (on one record's text
// in a large document), hover/hoverText.ts says what it means. The Markdown trusts exactly one
// command, the fleet link's `gamelift.fetchFleetEvents`; everything from the file is escaped.
import { COMMAND } from '../../../ids';
import * as vscode from 'vscode';
import { locate } from '../../index';
import { hoverMarkdown } from '../hover/hoverText';
import { piecesFor } from './textWindow';
import type { CloudTrailValidation } from '../validation';

export class CloudTrailHoverProvider implements vscode.HoverProvider {
  constructor(private readonly validation: CloudTrailValidation) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const piece = piecesFor(document, this.validation, offset, offset + 1)?.[0];
    if (!piece) return undefined;
    const location = locate(piece.text, offset - piece.base);
    if (!location) return undefined;
    const fleetLinks = this.validation.settings.get('cloudtrail.fleetLinks', document.uri);
    const record = location.record;
    const recordText = record ? piece.text.slice(record.start, record.end) : undefined;
    const markdown = hoverMarkdown(location, { fleetLinks, ...(recordText ? { recordText } : {}) });
    if (!markdown) return undefined;
    const content = new vscode.MarkdownString(markdown);
    content.isTrusted = fleetLinks ? { enabledCommands: [COMMAND.fetchFleetEvents] } : false;
    content.supportHtml = false;
    const start = location.onKey ? location.keyStart : location.valueStart;
    const end = location.onKey ? location.keyEnd : location.valueEnd;
    const range =
      start !== undefined && end !== undefined
        ? new vscode.Range(document.positionAt(piece.base + start), document.positionAt(piece.base + end))
        : undefined;
    return new vscode.Hover(content, range);
  }
}
