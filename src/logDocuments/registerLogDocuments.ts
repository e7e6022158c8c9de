// Registers `gamelift-log:` documents at activation (src/deps.ts makes the opener a shared
// service): the read-only in-memory file system (so a tab restored after a reload has a
// provider) and the GameLift Log outline. Light: no AWS SDK, no download code.
import * as vscode from 'vscode';
import { LOG_LANGUAGE, LOG_SCHEME } from '../ids';
import { createLogDocuments, type LogDocuments } from './logDocuments';
import { LogFileSystem } from './logFileSystem';
import { LogOutlineProvider } from './logOutlineProvider';

export function registerLogDocuments(context: vscode.ExtensionContext): LogDocuments {
  const files = new LogFileSystem();
  context.subscriptions.push(
    files,
    vscode.workspace.registerFileSystemProvider(LOG_SCHEME, files, { isReadonly: true, isCaseSensitive: true }),
    vscode.languages.registerDocumentSymbolProvider({ language: LOG_LANGUAGE }, new LogOutlineProvider()),
  );
  return createLogDocuments(files);
}
