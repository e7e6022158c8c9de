// The pure side of logs: a presigned URL's own expiry, sniffing gzip/zip/text, and the outline.
import { strToU8, zipSync } from 'fflate';
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeLog, decodeText } from '../../../src/logs/decode';
import { outlineLog } from '../../../src/logs/outline';
import { isPresignedUrlExpired, presignedUrlExpiry } from '../../../src/gamelift/logUrl';

const MB = 1024 * 1024;

describe('logs: presigned URL expiry', () => {
  const base =
    'https://b.s3.us-east-2.amazonaws.com/k.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=A%2F20260511%2Fus-east-2%2Fs3%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=ab';

  it('reads X-Amz-Date + X-Amz-Expires', () => {
    const url = `${base}&X-Amz-Date=20260511T100000Z&X-Amz-Expires=900`;
    const signedAt = Date.UTC(2026, 4, 11, 10, 0, 0);
    assert.deepEqual(presignedUrlExpiry(url), { signedAt, expiresAt: signedAt + 900_000 });
    assert.equal(isPresignedUrlExpired(url, signedAt + 899_999), false);
    assert.equal(isPresignedUrlExpired(url, signedAt + 900_000), true);
  });

  it('reads a SigV2 Expires, and says nothing about links that do not tell', () => {
    assert.deepEqual(
      presignedUrlExpiry('https://b.s3.amazonaws.com/k?AWSAccessKeyId=A&Expires=1778500000&Signature=x'),
      {
        expiresAt: 1778500000_000,
      },
    );
    for (const url of [
      'https://b.s3.amazonaws.com/k',
      `${base}&X-Amz-Date=20261399T100000Z&X-Amz-Expires=900`,
      `${base}&X-Amz-Date=20260511T100000Z&X-Amz-Expires=-5`,
      `${base}&X-Amz-Date=20260511T100000Z&X-Amz-Expires=99999999`,
      'not a url',
    ]) {
      assert.equal(presignedUrlExpiry(url), undefined, url);
      assert.equal(isPresignedUrlExpired(url, Date.now()), false, url);
    }
  });
});

describe('logs: content sniffing', () => {
  it('plain UTF-8, UTF-8 with BOM, UTF-16LE with BOM (PowerShell), and Latin-1 when UTF-8 fails', () => {
    assert.deepEqual(decodeText(strToU8('héllo ✓')), { text: 'héllo ✓', encoding: 'utf-8' });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), { text: 'A', encoding: 'utf-8' });
    assert.deepEqual(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00])), {
      text: 'AB',
      encoding: 'utf-16le',
    });
    assert.deepEqual(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), { text: 'café', encoding: 'latin1' });
  });

  it('unpacks gzip and names the file without .gz', () => {
    const out = decodeLog(gzipSync(Buffer.from('line 1\nline 2\n')), { name: 'install.log.gz', maxBytes: MB });
    assert.deepEqual(out, {
      kind: 'ok',
      container: 'gzip',
      files: [{ name: 'install.log', text: 'line 1\nline 2\n', encoding: 'utf-8' }],
    });
  });

  it('gives one file per zip entry (folders left out, a .gz entry unpacked)', () => {
    const zip = zipSync({
      'logs/': new Uint8Array(0),
      'logs/server.log': strToU8('server\n'),
      'install.log.gz': new Uint8Array(gzipSync(Buffer.from('installer\n'))),
    });
    const out = decodeLog(zip, { name: 'x.zip', maxBytes: MB });
    assert.equal(out.kind, 'ok');
    assert.equal(out.kind === 'ok' && out.container, 'zip');
    assert.deepEqual(out.kind === 'ok' && out.files.map((f) => [f.name, f.text]), [
      ['install.log', 'installer\n'],
      ['logs/server.log', 'server\n'],
    ]);
  });

  it('refuses what unpacks past the cap before holding it all, with a clear message', () => {
    const bomb = gzipSync(Buffer.alloc(50 * MB, 0x41));
    assert.ok(bomb.length < 100_000, 'a small download');
    const out = decodeLog(bomb, { name: 'x.gz', maxBytes: MB });
    assert.equal(out.kind, 'tooLarge');
    assert.match(out.kind === 'tooLarge' ? out.message : '', /more than 1 MB/);
    const zipBomb = zipSync({ 'a.log': new Uint8Array(3 * MB).fill(0x42) });
    assert.equal(decodeLog(zipBomb, { name: 'x.zip', maxBytes: MB }).kind, 'tooLarge');
    assert.equal(decodeLog(new Uint8Array(MB + 1), { name: 'x', maxBytes: MB }).kind, 'tooLarge');
  });

  it('says a damaged archive is unreadable instead of throwing', () => {
    const gz = gzipSync(Buffer.from('some text that is long enough to cut '.repeat(20)));
    const out = decodeLog(gz.subarray(0, gz.length - 12), { name: 'x.gz', maxBytes: MB });
    assert.equal(out.kind, 'unreadable');
    const zip = zipSync({ 'a.log': strToU8('a'.repeat(1000)) });
    assert.equal(decodeLog(zip.subarray(0, 60), { name: 'x.zip', maxBytes: MB }).kind, 'unreadable');
  });
});

describe('logs: outline', () => {
  it('lists sections, steps, shell and batch commands and errors with 1-based lines', () => {
    const log = [
      '2026-05-11T10:00:00.000Z [INFO] Running install script /local/game/install.sh',
      '2026-05-11T10:00:01.000Z [INFO] + sudo dnf install -y make',
      '===== Building glibc =====',
      'Step 2/3: configure',
      'checking for make... no',
      'configure: error:',
      'C:\\game>vc_redist.x64.exe /quiet',
      '## Done',
      '2026-05-11T10:00:09.000Z [ERROR] Install script exited with code 1: installation failed',
    ].join('\n');
    assert.deepEqual(
      outlineLog(log).map((e) => [e.line, e.kind, e.title]),
      [
        [2, 'step', '$ sudo dnf install -y make'],
        [3, 'section', 'Building glibc'],
        [4, 'step', 'Step 2: configure'],
        [6, 'error', 'configure: error:'],
        [7, 'step', '> vc_redist.x64.exe /quiet'],
        [8, 'section', 'Done'],
        [9, 'error', 'Install script exited with code 1: installation failed'],
      ],
    );
  });

  it('caps the entries of a huge log', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `[ERROR] e${i}`).join('\n');
    assert.equal(outlineLog(big).length, 2000);
  });
});
