// Incremental re-validation must never differ from a full run: hundreds of seeded random edits
// (single characters, value replacements, broken quotes, edits across two records and at record
// boundaries, several edits in a row) on generated pretty and compact files; whenever the fast
// path answers, its result is deepStrictEqual to validateCloudTrail of the new text. It must also
// answer for most edits inside a record, and decline (with its reason) in each case it cannot handle.

import * as assert from 'node:assert/strict';
import { validateCloudTrail, type CtValidateOptions, type CtValidationResult } from '../../../src/cloudtrail';
import { tryIncremental, type CtEdit } from '../../../src/cloudtrail/incremental';
import { makeCloudTrailText } from '../../../bench/cloudtrail-data';
import { seededRandom } from '../../support/seededRandom';

function apply(text: string, edits: readonly CtEdit[]): string {
  for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

const CHARS = ['a', 'Z', '0', '7', ' ', '-', '"', ',', ':', '{', '}', '[', ']', '\\', '\n', 'é'];
const BAD_VALUES: Array<[string, string]> = [
  ['"awsRegion": "', 'uswest2'],
  ['"awsRegion":"', 'moon-1'],
  ['"eventName": "', 'DescribeFleetAtributes'],
  ['"eventName":"', 'CreateFleet'],
  ['"eventTime": "', '2026-13-40T99:00:00Z'],
  ['"eventTime":"', '2026-11-20T08:00:00.5Z'],
  ['"sourceIPAddress": "', 'not an ip'],
  ['"recipientAccountId":"', '123456789012'],
  ['"eventType": "', 'AwsApiCal'],
  ['"fleetId": "', 'fleet-9999aaaa-33cc-44dd-55ee-6666ffff77aa'],
  ['"fleetId":"', 'not-a-fleet'],
];

interface Kind {
  name: string;
  /** Edits of this kind lie strictly inside one record (they may still break its JSON). */
  inRecord: boolean;
  make(rnd: () => number, text: string, result: CtValidationResult): CtEdit[] | undefined;
}

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

function inside(rnd: () => number, r: { start: number; end: number }): number {
  return r.start + 1 + Math.floor(rnd() * (r.end - r.start - 1)); // (start, end - 1]: an insert before the closing brace is inside
}

/** Replaces the value after `key` inside the record with `value` (undefined when the key is not there). */
function replaceValue(text: string, r: { start: number; end: number }, key: string, value: string): CtEdit | undefined {
  const at = text.indexOf(key, r.start);
  if (at < 0 || at >= r.end) return undefined;
  const from = at + key.length;
  const to = text.indexOf('"', from);
  if (to < 0 || to >= r.end) return undefined;
  return { start: from, end: to, newText: value };
}

const KINDS: Kind[] = [
  {
    name: 'insert one character',
    inRecord: true,
    make: (rnd, _t, res) => {
      const at = inside(rnd, pick(rnd, res.records));
      return [{ start: at, end: at, newText: pick(rnd, CHARS) }];
    },
  },
  {
    name: 'delete one character',
    inRecord: true,
    make: (rnd, _t, res) => {
      const r = pick(rnd, res.records);
      const at = r.start + 1 + Math.floor(rnd() * (r.end - r.start - 2));
      return [{ start: at, end: at + 1, newText: '' }];
    },
  },
  {
    name: 'replace a value',
    inRecord: true,
    make: (rnd, t, res) => {
      const r = pick(rnd, res.records);
      const [key, value] = pick(rnd, BAD_VALUES);
      const e = replaceValue(t, r, key, value);
      return e ? [e] : undefined;
    },
  },
  {
    name: 'break a quote',
    inRecord: true,
    make: (rnd, t, res) => {
      const r = pick(rnd, res.records);
      const q = t.indexOf('"', inside(rnd, r));
      return q > r.start && q < r.end - 1 ? [{ start: q, end: q + 1, newText: '' }] : undefined;
    },
  },
  {
    name: 'several edits in one record',
    inRecord: true,
    make: (rnd, t, res) => {
      const picked = pick(rnd, res.records);
      const r = { start: picked.start, end: picked.end };
      const edits: CtEdit[] = [];
      let text = t;
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
        const [key, value] = pick(rnd, BAD_VALUES);
        const e = replaceValue(text, r, key, value) ?? { start: inside(rnd, r), end: 0, newText: ' ' };
        if (e.end === 0) e.end = e.start;
        edits.push(e);
        text = apply(text, [e]);
        r.end += e.newText.length - (e.end - e.start);
      }
      return edits;
    },
  },
  {
    name: 'change the eventID',
    inRecord: true,
    make: (rnd, t, res) => {
      const r = pick(rnd, res.records);
      const fresh = `00000000-1111-4222-a333-${String(Math.floor(rnd() * 1e12)).padStart(12, '0')}`;
      const e = replaceValue(t, r, t.includes('"eventID": "') ? '"eventID": "' : '"eventID":"', fresh);
      return e ? [e] : undefined;
    },
  },
  {
    name: 'span two records',
    inRecord: false,
    make: (rnd, _t, res) => {
      const i = Math.floor(rnd() * (res.records.length - 1));
      const a = inside(rnd, res.records[i]);
      const b = inside(rnd, res.records[i + 1]);
      return [{ start: a, end: b, newText: rnd() < 0.5 ? '' : 'x' }];
    },
  },
  {
    name: 'at a record boundary',
    inRecord: false,
    make: (rnd, _t, res) => {
      const r = pick(rnd, res.records);
      const at = pick(rnd, [r.start, r.end, r.end - 1]);
      return at === r.end - 1
        ? [{ start: at, end: at + 1, newText: '' }]
        : [{ start: at, end: at, newText: pick(rnd, [' ', ',', '{}', 'x']) }];
    },
  },
  {
    name: 'anywhere',
    inRecord: false,
    make: (rnd, t) => {
      const at = Math.floor(rnd() * t.length);
      return [{ start: at, end: Math.min(t.length, at + Math.floor(rnd() * 3)), newText: pick(rnd, CHARS) }];
    },
  },
];

describe('CloudTrail incremental re-validation', function () {
  this.timeout(120_000);

  const files: Array<[string, string]> = [
    ['pretty', makeCloudTrailText(60_000, true, 7)],
    ['compact', makeCloudTrailText(60_000, false, 11)],
  ];
  const optionSets: CtValidateOptions[] = [
    {},
    { maxDiagnostics: 1000, severities: { region: 'error', placeholder: 'off' } },
    { maxDiagnostics: 12 },
  ];

  for (const [label, original] of files) {
    it(`agrees with a full run after random edits (${label})`, () => {
      const rnd = seededRandom(label === 'pretty' ? 1234 : 5678);
      let fast = 0;
      let inRecordEligible = 0;
      let inRecordFast = 0;
      const reasons = new Map<string, number>();
      for (const options of optionSets) {
        let text = original;
        let result = validateCloudTrail(text, options);
        for (let step = 0; step < 150; step++) {
          const kind = pick(rnd, KINDS);
          const edits = kind.make(rnd, text, result);
          if (!edits) continue;
          const next = apply(text, edits);
          const attempt = tryIncremental(text, result, next, edits, options);
          const full = validateCloudTrail(next, options);
          if (attempt.result) {
            assert.deepStrictEqual(
              attempt.result,
              full,
              `${label}, step ${step}, ${kind.name}: ${JSON.stringify(edits)}`,
            );
            fast++;
          } else {
            reasons.set(attempt.reason, (reasons.get(attempt.reason) ?? 0) + 1);
          }
          // Edits inside a record of a clean text that keep it valid JSON with the same eventID:
          // the fast path should answer for nearly all of them.
          const clean = !result.truncated && !result.diagnostics.some((d) => d.ruleId === 'syntax');
          if (
            kind.inRecord &&
            kind.name !== 'change the eventID' &&
            clean &&
            !full.diagnostics.some((d) => d.ruleId === 'syntax') &&
            !full.truncated
          ) {
            inRecordEligible++;
            if (attempt.result) inRecordFast++;
          }
          if (kind.name === 'span two records' || kind.name === 'at a record boundary')
            assert.equal(attempt.result, undefined, `${kind.name} never takes the fast path`);
          if (kind.name === 'change the eventID')
            assert.equal(attempt.result, undefined, 'a changed eventID is never patched');
          text = next;
          result = full;
          // Keep the file mostly valid so most edits can use the fast path: start over when broken.
          if (full.diagnostics.some((d) => d.ruleId === 'syntax') || full.records.length < 5) {
            text = original;
            result = validateCloudTrail(text, options);
          }
        }
      }
      console.log(
        `      ${label}: ${fast} fast, ${inRecordFast}/${inRecordEligible} eligible in-record edits fast; declined: ${[...reasons].map(([r, n]) => `${r} ×${n}`).join(', ')}`,
      );
      assert.ok(inRecordEligible >= 100, `enough eligible edits were tried (${inRecordEligible})`);
      assert.ok(
        inRecordFast >= inRecordEligible * 0.9,
        `fast path for most eligible in-record edits (${inRecordFast}/${inRecordEligible})`,
      );
      assert.ok(fast >= 100, `the fast path answered often (${fast})`);
    });
  }

  it('chains: a result from the fast path is a valid base for the next edit', () => {
    const options: CtValidateOptions = {};
    let text = makeCloudTrailText(30_000, true, 3);
    let result = validateCloudTrail(text, options);
    const rnd = seededRandom(99);
    let chained = 0;
    for (let step = 0; step < 60; step++) {
      const r = pick(rnd, result.records);
      const [key, value] = pick(
        rnd,
        BAD_VALUES.filter(([k]) => k.includes(': ')),
      );
      const e = replaceValue(text, r, key, value);
      if (!e) continue;
      const next = apply(text, [e]);
      const attempt = tryIncremental(text, result, next, [e], options);
      assert.ok(attempt.result, `step ${step} took the fast path (${attempt.result ? '' : attempt.reason})`);
      text = next;
      result = attempt.result; // never re-validated in full until the end
      chained++;
    }
    assert.ok(chained > 30);
    assert.deepStrictEqual(result, validateCloudTrail(text, options));
  });

  describe('declines, with its reason', () => {
    const text = makeCloudTrailText(20_000, true, 5);
    const result = validateCloudTrail(text, {});
    const r = result.records[2];
    const regionEdit = (t: string, rec = r): CtEdit => replaceValue(t, rec, '"awsRegion": "', 'uswest2') as CtEdit;

    function reason(
      prevText: string,
      prev: CtValidationResult,
      edits: CtEdit[],
      options: CtValidateOptions = {},
    ): string {
      const attempt = tryIncremental(prevText, prev, apply(prevText, edits), edits, options);
      assert.equal(attempt.result, undefined);
      return attempt.reason;
    }

    it('takes the fast path for the plain case (control)', () => {
      const e = regionEdit(text);
      const attempt = tryIncremental(text, result, apply(text, [e]), [e], {});
      assert.ok(attempt.result);
      assert.equal(attempt.record, 2);
      assert.ok(
        attempt.result.diagnostics.some((d) => d.ruleId === 'region' && d.start === e.start - 1),
        'the new problem is placed in the full text',
      );
    });
    it('no edits', () => assert.equal(reason(text, result, []), 'no edits'));
    it('a format other than a records array', () => {
      const single = JSON.stringify(JSON.parse(text).Records[0], null, 2);
      const res = validateCloudTrail(single, {});
      assert.equal(res.format, 'single-record');
      assert.equal(reason(single, res, [{ start: 10, end: 10, newText: ' ' }]), 'format single-record');
    });
    it('a truncated previous result', () => {
      const bad = apply(text, [regionEdit(text, result.records[0])]);
      const capped = validateCloudTrail(bad, { maxDiagnostics: 0 });
      assert.ok(capped.truncated);
      const prevRecord = capped.records[2];
      assert.equal(
        reason(bad, capped, [regionEdit(bad, prevRecord)], { maxDiagnostics: 0 }),
        'previous result truncated',
      );
    });
    it('new diagnostics would pass maxDiagnostics', () => {
      const options = { maxDiagnostics: result.totalDiagnostics };
      const prev = validateCloudTrail(text, options);
      assert.equal(reason(text, prev, [regionEdit(text)], options), 'the diagnostics would be capped');
    });
    it('the syntax rule is off', () => {
      const options: CtValidateOptions = { severities: { syntax: 'off' } };
      assert.equal(reason(text, validateCloudTrail(text, options), [regionEdit(text)], options), 'rule syntax is off');
    });
    it('the previous text has a syntax error', () => {
      const broken = text.slice(0, r.start) + text.slice(r.start + 1); // the record lost its opening brace
      const prev = validateCloudTrail(broken, {});
      const later = prev.records[prev.records.length - 1];
      assert.equal(reason(broken, prev, [regionEdit(broken, later)]), 'previous text has syntax problems');
    });
    it('the previous text has duplicate event IDs', () => {
      const doc = JSON.parse(text) as { Records: unknown[] };
      doc.Records.push(doc.Records[0]);
      const dup = JSON.stringify(doc, null, 2);
      const prev = validateCloudTrail(dup, {});
      assert.ok(prev.diagnostics.some((d) => d.ruleId === 'duplicate-event-id'));
      assert.equal(reason(dup, prev, [regionEdit(dup, prev.records[1])]), 'previous text has duplicate event IDs');
    });
    it('an edit outside every record', () =>
      assert.equal(reason(text, result, [{ start: 2, end: 2, newText: ' ' }]), 'edit outside any record'));
    it('an edit on the record braces or across records', () => {
      assert.equal(
        reason(text, result, [{ start: r.end - 1, end: r.end, newText: '' }]),
        'edit not strictly inside one record',
      );
      assert.equal(
        reason(text, result, [{ start: r.start + 5, end: result.records[3].start + 5, newText: '' }]),
        'edit not strictly inside one record',
      );
      const e = regionEdit(text);
      assert.equal(
        reason(text, result, [
          e,
          { start: result.records[5].start + 3, end: result.records[5].start + 3, newText: ' ' },
        ]),
        'edit not strictly inside one record',
        'a second edit in another record',
      );
    });
    it('edits that do not match the texts', () => {
      const e = regionEdit(text);
      assert.equal(tryIncremental(text, result, apply(text, [e]) + ' ', [e], {}).result, undefined);
      assert.equal(
        (tryIncremental(text, result, apply(text, [e]) + ' ', [e], {}) as { reason: string }).reason,
        'text length does not match the edits',
      );
    });
    it('texts that do not fit the record (its braces are elsewhere)', () => {
      const e: CtEdit = { start: r.start + 1, end: r.start + 1, newText: ' ' };
      const shifted = ' ' + text; // the right length, but not the text the edit made
      assert.equal(
        (tryIncremental(text, result, shifted, [e], {}) as { reason: string }).reason,
        'record braces moved',
      );
    });
    it('nesting deeper than the parser follows is handled as a full run handles it', () => {
      const deep = `"deep": ${'['.repeat(250)}${']'.repeat(250)}, `;
      const e: CtEdit = { start: r.start + 1, end: r.start + 1, newText: deep };
      const next = apply(text, [e]);
      const first = tryIncremental(text, result, next, [e], {});
      assert.ok(first.result);
      assert.deepStrictEqual(first.result, validateCloudTrail(next, {}));
      const bad = replaceValue(next, first.result.records[2], '"awsRegion": "', 'uswest2') as CtEdit;
      const second = tryIncremental(next, first.result, apply(next, [bad]), [bad], {});
      assert.ok(second.result);
      assert.deepStrictEqual(second.result, validateCloudTrail(apply(next, [bad]), {}));
    });
    it('the edited record is no longer valid JSON', () => {
      const q = text.indexOf('"', r.start + 10);
      assert.equal(reason(text, result, [{ start: q, end: q + 1, newText: '' }]), 'edited record is not valid JSON');
    });
    it('the edited record is no longer a record', () => {
      // Every key renamed away: valid JSON, but no CloudTrail field is left.
      const body = '{"a": 1}';
      const edits: CtEdit[] = [{ start: r.start + 1, end: r.end - 1, newText: body.slice(1, -1) }];
      assert.equal(reason(text, result, edits), 'edited record is no longer a plain record');
    });
    it('the eventID changed', () => {
      const e = replaceValue(text, r, '"eventID": "', '00000000-1111-4222-a333-444444444444') as CtEdit;
      assert.equal(reason(text, result, [e]), 'eventID changed');
    });
  });
});
