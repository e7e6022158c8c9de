// `.json.gz` deliveries as read-only documents: a `cloudtrail-gz:` URI names the compressed file
// (in its query) and its path is the file's path without `.gz`, so the tab reads like the log's
// own name. It is a FileSystemProvider registered read-only, so the editor shows the lock, refuses
// typing and never offers to save a decompressed copy over anything.
import * as vscode from 'vscode';
import { gunzipTextBytes, GzDecodeError } from './gzDecode';
import { ReadOnlyFileSystem } from '../readOnlyFileSystem';

export const GZ_SCHEME = 'cloudtrail-gz';

/** The read-only decompressed view of a gzip file. */
export function decompressedUri(gzFile: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: GZ_SCHEME, path: gzFile.path.replace(/\.gz$/i, ''), query: gzFile.toString() });
}

/** The gzip file behind a `cloudtrail-gz:` URI. */
export function compressedUriOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(uri.query, true);
}

export function isGzPath(uri: vscode.Uri): boolean {
  return /\.gz$/i.test(uri.path);
}

export function basename(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, '');
}

interface Decoded {
  mtime: number;
  size: number;
  bytes: Uint8Array;
}

/** Decoded files kept for stat() followed by readFile(): a couple is plenty. */
const CACHE_LIMIT = 2;

export class GzFileSystemProvider extends ReadOnlyFileSystem {
  private readonly cache = new Map<string, Decoded>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    super();
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const source = compressedUriOf(uri);
    const sourceStat = await this.sourceStat(source);
    const decoded = await this.decode(source, sourceStat);
    return {
      type: vscode.FileType.File,
      ctime: sourceStat.ctime,
      mtime: sourceStat.mtime,
      size: decoded.bytes.length,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const source = compressedUriOf(uri);
    return (await this.decode(source, await this.sourceStat(source))).bytes;
  }

  override dispose(): void {
    super.dispose();
    this.cache.clear();
  }

  private async sourceStat(source: vscode.Uri): Promise<vscode.FileStat> {
    try {
      return await vscode.workspace.fs.stat(source);
    } catch {
      throw vscode.FileSystemError.FileNotFound(source);
    }
  }

  private async decode(source: vscode.Uri, stat: vscode.FileStat): Promise<Decoded> {
    const key = source.toString();
    const hit = this.cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit;
    const compressed = await vscode.workspace.fs.readFile(source);
    let bytes: Uint8Array;
    try {
      bytes = await gunzipTextBytes(compressed);
    } catch (err) {
      const reason =
        err instanceof GzDecodeError
          ? err.message
          : `Decompressing failed: ${err instanceof Error ? err.message : String(err)}`;
      this.log.warn(`${source.fsPath || source.path}: ${reason}`);
      // FileSystemError keeps the message, so the editor's "Unable to open" notice explains it.
      throw new vscode.FileSystemError(`${basename(source)}: ${reason}`);
    }
    const decoded: Decoded = { mtime: stat.mtime, size: stat.size, bytes };
    this.log.info(
      `Decompressed ${source.fsPath || source.path} (${compressed.length} → ${decoded.bytes.length} bytes)`,
    );
    this.cache.delete(key);
    this.cache.set(key, decoded);
    while (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return decoded;
  }
}
