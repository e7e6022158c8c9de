// gzip decoding of CloudTrail deliveries, including the errors a person must be able to act on.
import * as assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  gunzipText,
  gunzipTextBytes,
  gunzipTextSync,
  isGzip,
  GzDecodeError,
} from '../../../src/cloudtrail/editor/gz/gzDecode';

const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'cloudtrail-editor');

async function rejectsWith(p: Promise<unknown>, kind: string): Promise<GzDecodeError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof GzDecodeError, String(e));
    assert.equal(e.kind, kind, e.message);
    return e;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('cloudtrail editor: gzDecode', () => {
  const text = '{"Records":[{"eventName":"CreateFleet","note":"é ✓ 𝄞"}]}';

  it('round-trips UTF-8 text, async and sync', async () => {
    const gz = gzipSync(Buffer.from(text, 'utf8'));
    assert.ok(isGzip(gz));
    assert.equal(await gunzipText(gz), text);
    assert.equal(gunzipTextSync(gz), text);
  });

  it('drops a UTF-8 byte order mark from the text but keeps the checked bytes as they are', async () => {
    const gz = gzipSync(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    assert.equal(await gunzipText(gz), text);
    assert.equal((await gunzipTextBytes(gz)).length, Buffer.byteLength(text) + 3);
  });

  it('concatenated gzip members decode as one text', async () => {
    const gz = Buffer.concat([gzipSync(Buffer.from('{"Records":')), gzipSync(Buffer.from('[]}'))]);
    assert.equal(await gunzipText(gz), '{"Records":[]}');
  });

  it('says when the bytes are not gzip at all', async () => {
    const e = await rejectsWith(gunzipText(Buffer.from(text)), 'not-gzip');
    assert.match(e.message, /not gzip/);
    await rejectsWith(gunzipText(new Uint8Array()), 'not-gzip');
    assert.throws(
      () => gunzipTextSync(Buffer.from('PK\u0003\u0004')),
      (err: unknown) => err instanceof GzDecodeError && err.kind === 'not-gzip',
    );
  });

  it('says when the gzip data is truncated or damaged', async () => {
    const gz = gzipSync(Buffer.from(text.repeat(50)));
    const e = await rejectsWith(gunzipText(gz.subarray(0, gz.length - 20)), 'corrupt');
    assert.match(e.message, /damaged/);
    const flipped = Buffer.from(gz);
    flipped[12] ^= 0xff;
    flipped[13] ^= 0xff;
    await rejectsWith(gunzipText(flipped), 'corrupt');
  });

  it('refuses binary or non-UTF-8 content', async () => {
    await rejectsWith(gunzipText(gzipSync(Buffer.from([0x7b, 0x00, 0x01, 0x02]))), 'not-text');
    await rejectsWith(gunzipText(gzipSync(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))), 'not-text');
  });

  it('refuses content larger than the limit', async () => {
    const gz = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20));
    await rejectsWith(gunzipText(gz, { maxBytes: 1024 * 1024 }), 'too-large');
    assert.equal((await gunzipText(gz, { maxBytes: 4 * 1024 * 1024 })).length, 2 * 1024 * 1024);
  });

  it('decodes the real delivery fixture to the same text as its uncompressed twin', async function () {
    const gz = join(fixtures, '111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz');
    if (!existsSync(gz)) this.skip();
    const plain = readFileSync(gz.replace(/\.gz$/, ''), 'utf8');
    assert.equal(await gunzipText(readFileSync(gz)), plain);
  });
});
