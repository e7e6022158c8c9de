// The pure editor pieces: positions in the packed result, record lookup, folding and hover text.
import * as assert from 'node:assert/strict';
import {
  capNote,
  validateAndPosition,
  RECORD_STRIDE,
  RecordSlot,
} from '../../../src/cloudtrail/editor/worker/positionedResult';
import { fleetRefsOf, recordAt, recordLabel, recordSpan } from '../../../src/cloudtrail/editor/worker/resultReader';
import { foldingRegions } from '../../../src/cloudtrail/editor/worker/folding';
import {
  hoverMarkdown,
  code,
  fleetIdOf,
  fetchFleetEventsLink,
  escapeMarkdown,
} from '../../../src/cloudtrail/editor/hover/hoverText';
import { LineIndex, validateCloudTrail, type CtLocation } from '../../../src/cloudtrail/index';
import { makeCloudTrailText } from '../../../bench/cloudtrail-data';

const FLEET = 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777';
const rec = (name: string, user: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventVersion: '1.08',
  userIdentity: {
    type: 'IAMUser',
    arn: `arn:aws:iam::403987211056:user/${user}`,
    accountId: '403987211056',
    userName: user,
  },
  eventTime: '2024-03-11T08:11:42Z',
  eventSource: 'gamelift.amazonaws.com',
  eventName: name,
  awsRegion: 'us-west-2',
  sourceIPAddress: '198.51.100.23',
  requestParameters: { fleetId: FLEET },
  responseElements: null,
  eventID: '7c9e6679-7425-40de-944b-e07fc1f90ae1',
  eventType: 'AwsApiCall',
  eventCategory: 'Management',
  recipientAccountId: '403987211056',
  ...extra,
});

function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split(/\r\n|\n/);
  return [before.length - 1, before[before.length - 1].length];
}

describe('cloudtrail editor: validateAndPosition', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`places records, names and diagnostics by line and column (${JSON.stringify(eol)} line ends)`, () => {
      const text = JSON.stringify(
        { Records: [rec('CreateFleet', 'alice'), rec('DescribeFleetAttribute', 'bob')] },
        null,
        2,
      ).replace(/\n/g, eol);
      const r = validateAndPosition(text, {});
      assert.equal(r.recordCount, 2);
      assert.equal(r.textLength, text.length);
      const second = recordAt(r, 1);
      assert.deepEqual(second.range.slice(0, 2), lineCol(text, second.startOffset));
      assert.deepEqual(second.range.slice(2), lineCol(text, second.endOffset));
      assert.equal(text[second.startOffset], '{');
      assert.ok(second.nameRange);
      assert.deepEqual(second.nameRange.slice(0, 2), lineCol(text, text.indexOf('"DescribeFleetAttribute"')));
      assert.equal(recordLabel(second), 'DescribeFleetAttribute · 2024-03-11T08:11:42Z · bob');
      const op = r.diagnostics.find((d) => d.ruleId === 'gamelift-operation');
      assert.ok(op, JSON.stringify(r.diagnostics));
      assert.deepEqual(op.range.slice(0, 2), lineCol(text, text.indexOf('"DescribeFleetAttribute"')));
      const edit = op.fixes?.[0]?.edits[0];
      assert.ok(edit);
      assert.deepEqual(edit.range.slice(0, 2), op.range.slice(0, 2));
      assert.ok(fleetRefsOf(r).some((f) => f.fleetId === FLEET && f.record === 0));
      const ref = fleetRefsOf(r).find((f) => f.record === 1);
      assert.ok(ref);
      assert.deepEqual(ref.range.slice(0, 2), lineCol(text, text.lastIndexOf(FLEET)));
    });
  }

  it('keeps the first reference to each fleet per record', () => {
    const twice = rec('UpdateFleetAttributes', 'alice', { responseElements: { fleetId: FLEET } });
    const text = JSON.stringify([twice, rec('DescribeFleetEvents', 'bob')], null, 2);
    const refs = fleetRefsOf(validateAndPosition(text, {}));
    assert.deepEqual(
      refs.map((f) => [f.fleetId, f.record]),
      [
        [FLEET, 0],
        [FLEET, 1],
      ],
    );
    assert.deepEqual(refs[0].range.slice(0, 2), lineCol(text, text.indexOf(FLEET)));
  });

  it('keeps labels one per record even when values hold tabs and line breaks', () => {
    const text = JSON.stringify([rec('Create\tFleet', 'a\nb'), rec('ListFleets', 'c')]);
    const r = validateAndPosition(text, {});
    assert.equal(r.recordCount, 2);
    assert.equal(recordAt(r, 0).eventName, 'Create Fleet');
    assert.equal(recordAt(r, 0).user, 'a b');
    assert.equal(recordAt(r, 1).eventName, 'ListFleets');
  });

  it('finds the records a range touches by binary search', () => {
    const text = JSON.stringify({ Records: [rec('A', 'u'), rec('B', 'u'), rec('C', 'u'), rec('D', 'u')] }, null, 2);
    const r = validateAndPosition(text, {});
    const p = r.recordPositions;
    const start = (i: number): number => p[i * RECORD_STRIDE + RecordSlot.StartOffset];
    const end = (i: number): number => p[i * RECORD_STRIDE + RecordSlot.EndOffset];
    assert.deepEqual(recordSpan(r, start(1) + 5, start(1) + 6), { start: start(1), end: end(1), first: 1, last: 1 });
    assert.deepEqual(recordSpan(r, start(1) + 5, start(3) + 1), { start: start(1), end: end(3), first: 1, last: 3 });
    assert.equal(recordSpan(r, 0, 3), undefined, 'before the first record');
    assert.equal(recordSpan(r, end(1), start(2)), undefined, 'between two records');
    assert.equal(recordSpan(validateAndPosition('{"Records": []}', {}), 0, 10), undefined);
  });
});

describe('cloudtrail editor: the note on a capped list', () => {
  it('says how many of each severity are not shown', () => {
    const records = Array.from({ length: 6 }, (_, i) =>
      rec('DescribeFleetEvents', 'alice', {
        eventID: `5f1d3c2b-7a8e-4b9c-a0d1-${String(i).padStart(12, '0')}`,
        recipientAccountId: '111122223333',
        ...(i === 5 ? { awsRegion: 'nowhere' } : {}),
      }),
    );
    const result = validateAndPosition(JSON.stringify({ Records: records }), { maxDiagnostics: 3 });
    assert.deepEqual(
      result.diagnostics.map((d) => d.severity),
      ['hint', 'hint', 'warning'],
    );
    assert.equal(
      capNote(result, 3),
      'Showing the 3 most severe of 7 problems; not shown: 4 hints. Raise the setting "gamelift.cloudtrail.maxDiagnostics" (now 3) to see more.',
    );
    assert.equal(capNote(validateAndPosition(JSON.stringify({ Records: records }), {}), 1000), undefined);
  });
});

describe('cloudtrail editor: foldingRegions', () => {
  const pairs = (a: Int32Array): number[][] => Array.from({ length: a.length / 2 }, (_, k) => [a[2 * k], a[2 * k + 1]]);
  const fold = (text: string, max?: number): number[][] =>
    pairs(foldingRegions(text, validateCloudTrail(text).records, new LineIndex(text), max));

  /** The plain way: one bracket scan of the whole text (strings skipped, recovering at line breaks). */
  function scanAll(text: string): number[][] {
    const open: Array<[number, string]> = [];
    const found: number[][] = [];
    let line = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        line++;
        inString = false;
      } else if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') open.push([line, c === '{' ? '}' : ']']);
      else if (open.length > 0 && c === open[open.length - 1][1]) {
        const [start] = open.pop() as [number, string];
        if (line > start) found.push([start, line]);
      }
    }
    return found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  }

  it('folds multi-line objects and arrays, not single-line ones, ignoring brackets in strings', () => {
    const text = [
      '{',
      '  "Records": [',
      '    {',
      '      "a": "{[ not a bracket",',
      '      "b": [1, 2],',
      '      "c": {"d": 1}',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    assert.deepEqual(fold(text), [
      [0, 8],
      [1, 7],
      [2, 6],
    ]);
  });

  it('survives broken JSON: unmatched closers and strings cut by a line end', () => {
    const text = ['{', '  "a": "unterminated', '  ]', '  "b": [', '    1', '  ]', '}'].join('\n');
    assert.deepEqual(fold(text), [
      [0, 6],
      [3, 5],
    ]);
  });

  it('finds what one scan of the whole text finds, from the records and the text between them', () => {
    for (const pretty of [true, false]) {
      const text = makeCloudTrailText(40_000, pretty, 3);
      assert.deepEqual(fold(text), scanAll(text));
    }
    const single = JSON.stringify(cleanRecordForFolding(), null, 2);
    assert.deepEqual(fold(single), scanAll(single));
    const lines = [1, 2, 3].map((i) => JSON.stringify({ ...cleanRecordForFolding(), eventID: `id-${i}` })).join('\n');
    assert.deepEqual(fold(lines), scanAll(lines));
  });

  it('keeps whole levels, outermost first, then the first regions of the next level', () => {
    const record = { eventVersion: '1.09', eventTime: '2026-11-20T08:15:42Z', a: { b: 1 } };
    const text = JSON.stringify({ Records: Array.from({ length: 50 }, () => record) }, null, 2);
    const kept = fold(text, 10);
    assert.equal(kept.length, 10);
    assert.deepEqual(kept[0], [0, text.split('\n').length - 1]);
    assert.deepEqual(kept[1][0], 1, 'the Records array comes before any record');
    assert.deepEqual(
      kept.slice(2).map((r) => r[1] - r[0]),
      Array(8).fill(6),
      'then the first eight records, none of their members',
    );
    const fits = fold(text, 102);
    assert.equal(fits.length, 102, 'with room for all, the members inside the records too');
    assert.equal(fold(text, 101).length, 52, 'without room for all members, none of them');
  });
});

function cleanRecordForFolding(): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    eventTime: '2026-11-20T08:15:42Z',
    eventSource: 'gamelift.amazonaws.com',
    eventName: 'DescribeFleetAttributes',
    awsRegion: 'us-west-2',
    requestParameters: { fleetIds: ['fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa'] },
    userIdentity: { type: 'IAMUser', sessionContext: { attributes: { mfaAuthenticated: 'false' } } },
  };
}

describe('cloudtrail editor: hover text', () => {
  const at = (path: (string | number)[], value?: unknown, extra: Partial<CtLocation> = {}): CtLocation => ({
    path,
    key: String(path[path.length - 1]),
    value,
    ...extra,
  });

  it('explains a GameLift operation and whether it changes anything', () => {
    const create = hoverMarkdown(
      at(['Records', 0, 'eventName'], 'CreateFleet', {
        record: { index: 0, start: 0, end: 1, eventSource: 'gamelift.amazonaws.com' },
      }),
    );
    assert.match(create ?? '', /\*\*eventName\*\*/);
    assert.match(create ?? '', /changes resources/);
    const describe = hoverMarkdown(at(['Records', 0, 'eventName'], 'DescribeFleetAttributes'));
    assert.match(describe ?? '', /reads only/);
    const s3 = hoverMarkdown(
      at(['Records', 0, 'eventName'], 'GetObject', {
        record: { index: 0, start: 0, end: 1, eventSource: 's3.amazonaws.com' },
      }),
    );
    assert.doesNotMatch(s3 ?? '', /GameLift operation/);
  });

  it('explains enumerated values and fleet IDs, and stays quiet on unknown places', () => {
    assert.match(
      hoverMarkdown(at(['Records', 0, 'userIdentity', 'type'], 'AssumedRole')) ?? '',
      /assuming an IAM role/,
    );
    assert.match(
      hoverMarkdown(at(['Records', 0, 'requestParameters', 'fleetId'], FLEET)) ?? '',
      /Fetch events for fleet-2222bbbb/,
    );
    const arn = `arn:aws:gamelift:us-west-2:403987211056:fleet/${FLEET}`;
    assert.equal(fleetIdOf(arn), FLEET);
    assert.equal(fleetIdOf('fleet-nope'), undefined);
    assert.equal(hoverMarkdown(at(['Records', 0, 'requestParameters', 'name'], 'blue-arena')), undefined);
  });

  it('shows on-key hovers without value meanings', () => {
    const onKey = hoverMarkdown(at(['Records', 0, 'eventType'], 'AwsApiCall', { onKey: true }));
    assert.match(onKey ?? '', /What kind of event/);
    assert.doesNotMatch(onKey ?? '', /A call to an AWS API/);
  });

  it('never lets a value close its code span or inject Markdown', () => {
    assert.equal(code('plain'), '`plain`');
    assert.equal(code('a`b'), '``a`b``');
    assert.equal(code('`x`'), '`` `x` ``');
    const evil = 'x` [click](command:workbench.action.terminal.new) `';
    const md = hoverMarkdown(at(['Records', 0, 'userIdentity', 'type'], evil)) ?? '';
    assert.doesNotMatch(md, /\[click\]\(command:/);
  });

  it('links a valid fleet ID to gamelift.fetchFleetEvents with the fleet as URI-encoded JSON', () => {
    const expectedArgs = encodeURIComponent(JSON.stringify([{ fleetId: FLEET }]));
    const md = hoverMarkdown(at(['Records', 0, 'requestParameters', 'fleetId'], FLEET)) ?? '';
    const links = [...md.matchAll(/\]\((command:[^) ]*)/g)].map((m) => m[1]);
    assert.deepEqual(links, [`command:gamelift.fetchFleetEvents?${expectedArgs}`]);
    assert.deepEqual(JSON.parse(decodeURIComponent(links[0].split('?')[1])), [{ fleetId: FLEET }]);
    assert.match(md, /\[Fetch events for fleet-2222bbbb-33cc-44dd-55ee-6666ffff7777\]/);
    // An ARN in the file links the bare fleet ID, like the CodeLens, with the ARN's Region and account.
    const fromArn =
      hoverMarkdown(
        at(['Records', 0, 'responseElements', 'fleetArn'], `arn:aws:gamelift:us-west-2:403987211056:fleet/${FLEET}`),
      ) ?? '';
    const arnArgs = encodeURIComponent(
      JSON.stringify([{ fleetId: FLEET, region: 'us-west-2', accountId: '403987211056' }]),
    );
    assert.ok(fromArn.includes(`command:gamelift.fetchFleetEvents?${arnArgs}`), fromArn);
    // The setting off: the fleet is still explained, without a link.
    const off = hoverMarkdown(at(['Records', 0, 'requestParameters', 'fleetId'], FLEET), { fleetLinks: false }) ?? '';
    assert.match(off, /GameLift fleet/);
    assert.doesNotMatch(off, /command:/);
  });

  it('builds no fleet link from a malicious value and escapes what it shows', () => {
    const evil = [
      `${FLEET}) [run](command:workbench.action.terminal.new)`,
      `${FLEET}"](command:workbench.action.terminal.new)`,
      'fleet-1\n[x](command:workbench.action.terminal.new)',
      'fleet-<img src=x>',
      `arn:aws:gamelift:us-west-2:403987211056:fleet/${FLEET}/../x`,
      'not-a-fleet',
      'fleet-' + 'a'.repeat(600),
    ];
    for (const value of evil) {
      assert.equal(fetchFleetEventsLink(value), undefined, value);
      const md = hoverMarkdown(at(['Records', 0, 'requestParameters', 'fleetId'], value)) ?? '';
      assert.doesNotMatch(md, /\]\(command:/, value);
    }
    // The API pattern allows anything between "arn:" and ":fleet/": the link must still hold it inert.
    const odd = 'arn:x) [run](command:workbench.action.terminal.new) `y`:fleet/fleet-1';
    const link = fetchFleetEventsLink(odd) ?? '';
    assert.equal([...link.matchAll(/\]\(command:/g)].length, 1, 'exactly one link');
    const target = /\]\((command:[^ )]*)/.exec(link)?.[1] ?? '';
    assert.match(target, /^command:gamelift\.fetchFleetEvents\?[A-Za-z0-9%_.~-]+$/, 'the target is fully encoded');
    assert.deepEqual(JSON.parse(decodeURIComponent(target.split('?')[1])), [{ fleetId: odd }]);
    assert.equal(escapeMarkdown('a[b](c)`d`*e*'), 'a\\[b\\]\\(c\\)\\`d\\`\\*e\\*');
  });
});
