// Builds the HTML shell of a details/timeline webview: a strict CSP with a fresh nonce, the
// stylesheets and the page script. The shell holds no service text at all; the page script
// renders everything with textContent once the host has sent the view model.
// Pure: URIs arrive as strings (from asWebviewUri) so this is testable in plain Node.
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly nonce: string;
  /** Static title for the document (never service text). */
  readonly title: string;
  readonly styleUris: readonly string[];
  readonly scriptUri: string;
  /** Static text shown until the page has rendered. */
  readonly loadingText: string;
}

/** 128 bits from the OS CSPRNG, base64: a new one for every render. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// Only our own static strings and webview URIs go through here, but escape anyway so a
// strange extension path cannot break out of an attribute.
function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function buildShellHtml(o: ShellOptions): string {
  const styles = o.styleUris.map((u) => `  <link rel="stylesheet" href="${escapeAttr(u)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
  <title>${escapeAttr(o.title)}</title>
</head>
<body>
  <div id="app" aria-busy="true"><p class="loading">${escapeAttr(o.loadingText)}</p></div>
  <script nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>`;
}
