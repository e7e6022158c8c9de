// The webview shell: strict CSP with a fresh nonce, no inline code, and no service text.
import * as assert from 'node:assert/strict';
import { buildShellHtml, contentSecurityPolicy, createNonce } from '../../../src/panel/html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function shell(nonce = createNonce()): string {
  return buildShellHtml({
    cspSource: CSP_SOURCE,
    nonce,
    title: 'GameLift event details',
    loadingText: 'Loading event details…',
    styleUris: [`${CSP_SOURCE}/ext/media/details.css`],
    scriptUri: `${CSP_SOURCE}/ext/dist/webview/details.js`,
  });
}

describe('webview HTML shell', () => {
  it('uses a fresh, long nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.ok(Buffer.from(n, 'base64').length >= 16);
  });

  it('has the strict CSP and the nonce on its only script', () => {
    const nonce = createNonce();
    const html = shell(nonce);
    const csp = contentSecurityPolicy(CSP_SOURCE, nonce);
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`img-src ${CSP_SOURCE}`));
    assert.ok(csp.includes(`style-src ${CSP_SOURCE}`));
    assert.ok(csp.includes(`font-src ${CSP_SOURCE}`));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    assert.ok(scripts[0].includes('src="'));
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/, 'no inline script body');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /\sstyle=/i, 'no inline styles');
    assert.doesNotMatch(html, /unsafe-inline/);
  });

  it('contains only static text (no event or fleet data)', () => {
    const text = shell()
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    assert.equal(text, 'GameLift event details Loading event details…');
  });

  it('escapes attribute values it is given', () => {
    const html = buildShellHtml({
      cspSource: CSP_SOURCE,
      nonce: 'n',
      title: 't',
      loadingText: 'l',
      styleUris: ['x" onload="alert(1)'],
      scriptUri: 'y',
    });
    assert.doesNotMatch(html, /" onload="/);
  });
});
