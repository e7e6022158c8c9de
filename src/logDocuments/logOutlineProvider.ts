// The outline of a GameLift log (Outline view, breadcrumbs, Go to Symbol): its sections, steps
// and error lines from src/logs/outline.ts. Steps and errors nest under the section they are in.
import * as vscode from 'vscode';
import { outlineLog, type OutlineEntry } from '../logs/outline';

const KIND: Record<OutlineEntry['kind'], vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  step: vscode.SymbolKind.Function,
  error: vscode.SymbolKind.Event,
};

export class LogOutlineProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const entries = outlineLog(document.getText());
    const roots: vscode.DocumentSymbol[] = [];
    // A section runs to the line before the next section (its children are inside it).
    const sectionEnd = new Array<number>(entries.length);
    let end = document.lineCount - 1;
    for (let i = entries.length - 1; i >= 0; i--) {
      sectionEnd[i] = end;
      if (entries[i].kind === 'section') end = Math.max(0, entries[i].line - 2);
    }
    let section: vscode.DocumentSymbol | undefined;
    for (const [i, entry] of entries.entries()) {
      const line = Math.min(entry.line - 1, document.lineCount - 1);
      const last = entry.kind === 'section' ? Math.max(line, Math.min(sectionEnd[i], document.lineCount - 1)) : line;
      const range = new vscode.Range(line, 0, last, document.lineAt(last).text.length);
      const symbol = new vscode.DocumentSymbol(
        entry.title,
        entry.kind === 'error' ? 'error' : '',
        KIND[entry.kind],
        range,
        document.lineAt(line).range,
      );
      if (entry.kind === 'section') {
        roots.push(symbol);
        section = symbol;
      } else if (section) section.children.push(symbol);
      else roots.push(symbol);
    }
    return roots;
  }
}
