// The worker's delta protocol against the real compiled worker: once the worker holds a version
// of a document, an edit sends only the edits (incremental where one record changed, else a full
// check of the worker's copy), always with the result inline validation gives; a worker holding
// another version asks for the whole text, a terminated worker's copy is never relied on, and a
// superseded run that only sent edits is not cancelled by terminating the worker.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { WorkerValidator } from '../../../src/cloudtrail/editor/worker/workerClient';
import { validateAndPosition, type PositionedResult } from '../../../src/cloudtrail/editor/worker/positionedResult';
import { validateCloudTrail, type CtEdit, type CtValidateOptions } from '../../../src/cloudtrail';
import { makeCloudTrailText } from '../../../bench/cloudtrail-data';
import { seededRandom } from '../../support/seededRandom';

// Compiled next to the sources by tsc: out/src/cloudtrail/editor/worker/validationWorker.js.
const WORKER = join(__dirname, '..', '..', '..', 'src', 'cloudtrail', 'editor', 'worker', 'validationWorker.js');

function apply(text: string, edits: readonly CtEdit[]): string {
  for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** Same as inline validation, apart from `how` (which only the worker sets). */
function assertSameAsInline(
  result: PositionedResult | undefined,
  text: string,
  options: CtValidateOptions,
  label: string,
): void {
  assert.ok(result, `${label}: a result`);
  const inline = validateAndPosition(text, options);
  const { how: _how, ...rest } = result;
  assert.deepStrictEqual(
    {
      ...rest,
      recordPositions: Array.from(rest.recordPositions),
      folding: Array.from(rest.folding),
      fleetRefPositions: Array.from(rest.fleetRefPositions),
    },
    {
      ...inline,
      recordPositions: Array.from(inline.recordPositions),
      folding: Array.from(inline.folding),
      fleetRefPositions: Array.from(inline.fleetRefPositions),
    },
    label,
  );
}

/** An edit replacing the awsRegion value of record `n` (pretty text). */
function regionEdit(text: string, n: number, value: string): CtEdit {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf('"awsRegion": "', at + 1);
  const start = at + '"awsRegion": "'.length;
  return { start, end: text.indexOf('"', start), newText: value };
}

describe('cloudtrail worker: edits instead of the whole text', function () {
  this.timeout(60_000);
  const text = makeCloudTrailText(200_000, true, 21);
  let validator: WorkerValidator;
  const errors: string[] = [];

  beforeEach(() => {
    errors.length = 0;
    validator = new WorkerValidator(WORKER, (m) => errors.push(m));
  });
  afterEach(() => {
    validator.dispose();
    assert.deepEqual(errors, []);
  });

  /** Validates `t` as version `version` of the document. */
  function validateAt(
    t: string,
    version: number,
    options: CtValidateOptions = {},
  ): Promise<PositionedResult | undefined> {
    return validator.validate('doc', t, options, { version, length: t.length });
  }

  /** Records `edits` as the change event that made `version` of `t`, and validates the text they make (not awaited: a run can be superseded). */
  function editTo(
    t: string,
    version: number,
    edits: CtEdit[],
  ): { text: string; result: Promise<PositionedResult | undefined> } {
    const next = apply(t, edits);
    validator.noteEdits('doc', version, edits);
    return { text: next, result: validateAt(next, version) };
  }

  it('sends only the edits once the worker holds the base version, and re-checks one record', async () => {
    const first = await validateAt(text, 1);
    assert.equal(first?.how, 'full');
    assert.equal(validator.heldVersion('doc'), 1);
    const edit = regionEdit(text, 3, 'uswest2');
    const { text: next, result: pending } = editTo(text, 2, [edit]);
    const second = await pending;
    assert.equal(second?.how, 'incremental');
    assert.deepEqual(validator.sent, { text: 1, edits: 1, resyncs: 0 });
    assertSameAsInline(second, next, {}, 'after the edit');
    assert.ok(
      second?.diagnostics.some((d) => d.ruleId === 'region'),
      'the new problem is reported',
    );
    // Undo: back to the first text, again by edits.
    const undo: CtEdit = {
      start: edit.start,
      end: edit.start + 'uswest2'.length,
      newText: text.slice(edit.start, edit.end),
    };
    validator.noteEdits('doc', 3, [undo]);
    const third = await validateAt(text, 3);
    assert.equal(third?.how, 'incremental');
    assertSameAsInline(third, text, {}, 'after the undo');
    assert.equal(validator.sent.text, 1, 'the text went over once');
  });

  it('applies several change events in order, and checks the copy in full when the edits span records', async () => {
    await validateAt(text, 7);
    const a = regionEdit(text, 1, 'eu-west-1');
    let t = apply(text, [a]);
    validator.noteEdits('doc', 8, [a]);
    const records = validateCloudTrail(t, {}).records;
    const across: CtEdit = { start: records[2].start + 5, end: records[3].start + 5, newText: 'x' }; // from record 2 into record 3
    t = apply(t, [across]);
    validator.noteEdits('doc', 9, [across]);
    const result = await validateAt(t, 9);
    assert.equal(result?.how, 'edits');
    assertSameAsInline(result, t, {}, 'after an edit across records');
    assert.ok(result?.diagnostics.some((d) => d.ruleId === 'syntax'));
    assert.equal(validator.sent.text, 1);
  });

  it('a settings change re-checks the worker copy without sending the text', async () => {
    await validateAt(text, 1);
    const options: CtValidateOptions = { severities: { 'event-time-format': 'off' }, maxDiagnostics: 3 };
    const result = await validateAt(text, 1, options);
    assert.equal(result?.how, 'edits');
    assertSameAsInline(result, text, options, 'with other options');
    assert.equal(validator.sent.text, 1);
  });

  it('sends the whole text when the worker holds another text (length check) or a change event is missing', async () => {
    await validateAt(text, 1);
    const edit = regionEdit(text, 0, 'moon-1');
    const next = apply(text, [edit]);
    validator.noteEdits('doc', 2, [edit]);
    // The host's text is not what the edits make of the worker's copy: the worker must ask for it.
    const other = next + '\n';
    const result = await validateAt(other, 2);
    assert.equal(validator.sent.resyncs, 1);
    assert.equal(result?.how, 'full');
    assertSameAsInline(result, other, {}, 'after the resync');
    // Version 4 without the change event of version 3: no delta is attempted.
    const edit4 = regionEdit(other, 2, 'moon-2');
    const { text: v4, result: pending } = editTo(other, 4, [edit4]);
    const fourth = await pending;
    assert.equal(fourth?.how, 'full');
    assertSameAsInline(fourth, v4, {}, 'after a gap');
    assert.deepEqual(validator.sent, { text: 3, edits: 1, resyncs: 1 });
  });

  it('a worker terminated to cancel a run has lost its copies: the next run sends the text', async () => {
    await validateAt(text, 1);
    assert.equal(validator.heldVersion('doc'), 1);
    const big = makeCloudTrailText(3_000_000, true, 3);
    const running = validateAt(big, 2);
    await new Promise((r) => setTimeout(r, 30));
    validator.cancel('doc');
    assert.equal(await running, undefined);
    assert.equal(validator.cancelledRuns, 1);
    assert.equal(validator.heldVersion('doc'), undefined);
    const edit = regionEdit(big, 0, 'uswest2');
    const { text: next, result: pending } = editTo(big, 3, [edit]);
    const result = await pending;
    assert.equal(result?.how, 'full');
    assertSameAsInline(result, next, {}, 'after the cancellation');
  });

  it('an edit superseding a run that sent only edits does not terminate the worker', async () => {
    await validateAt(text, 1);
    const e2 = regionEdit(text, 4, 'uswest2');
    const { text: t2, result: stale } = editTo(text, 2, [e2]);
    const e3 = regionEdit(t2, 5, 'uswest3');
    const t3 = apply(t2, [e3]);
    validator.noteEdits('doc', 3, [e3]);
    validator.cancel('doc'); // as the editor does on every change
    const fresh = validateAt(t3, 3);
    assert.equal(await stale, undefined);
    const result = await fresh;
    assert.equal(validator.cancelledRuns, 0);
    assert.equal(result?.how, 'incremental');
    assertSameAsInline(result, t3, {}, 'after two quick edits');
    assert.deepEqual(validator.sent, { text: 1, edits: 2, resyncs: 0 });
  });

  it('places every result as inline validation does over a run of random edits (line breaks, new arrays, values, across records)', async () => {
    const rnd = seededRandom(4242);
    let t = makeCloudTrailText(60_000, true, 8);
    let version = 1;
    await validateAt(t, version);
    const hows: Record<string, number> = {};
    for (let step = 0; step < 60; step++) {
      const records = validateCloudTrail(t, {}).records;
      const r = records[Math.floor(rnd() * records.length)];
      const comma = t.indexOf(',', r.start + 1 + Math.floor(rnd() * (r.end - r.start - 2)));
      const at = comma > r.start && comma < r.end - 1 ? comma + 1 : r.start + 1;
      const choices: CtEdit[] = [
        { start: at, end: at, newText: '\n' }, // a line break between members
        { start: at, end: at, newText: ' "extra": [\n 1,\n 2\n ],' }, // a new multi-line array
        { start: at, end: at, newText: ' "flat": [1, 2],' },
        regionEdit(t, Math.floor(rnd() * records.length), rnd() < 0.5 ? 'uswest2' : 'eu-west-1'),
        { start: r.start + 2, end: records[Math.min(records.length - 1, r.index + 1)].start + 2, newText: '' }, // across records
        { start: at, end: at + 1, newText: '' },
      ];
      const edit = choices[Math.floor(rnd() * choices.length)];
      version++;
      const edited = editTo(t, version, [edit]);
      t = edited.text;
      const result = await edited.result;
      hows[result?.how ?? 'none'] = (hows[result?.how ?? 'none'] ?? 0) + 1;
      assertSameAsInline(result, t, {}, `step ${step}: ${JSON.stringify(edit)}`);
      if (validateCloudTrail(t, {}).diagnostics.some((d) => d.ruleId === 'syntax')) {
        t = makeCloudTrailText(60_000, true, 8 + step); // start over from a valid text (whole text sent)
        version++;
        await validateAt(t, version);
      }
    }
    assert.ok((hows.incremental ?? 0) >= 20, `incremental runs: ${JSON.stringify(hows)}`);
  });

  it('forget() drops the copy, and runs without a version never use edits', async () => {
    await validateAt(text, 1);
    validator.forget('doc');
    assert.equal(validator.heldVersion('doc'), undefined);
    validator.noteEdits('doc', 2, [{ start: 10, end: 10, newText: ' ' }]); // ignored: nothing held, nothing running
    const result = await validateAt(text, 2);
    assert.equal(result?.how, 'full');
    await validator.validate('plain', text, {});
    assert.equal(validator.heldVersion('plain'), undefined);
    // Forgotten while a run that sent only edits is under way: its answer does not bring the copy back.
    const edit = regionEdit(text, 1, 'uswest2');
    const pending = editTo(text, 3, [edit]).result;
    validator.forget('doc');
    assert.equal(await pending, undefined);
    await validator.validate('other', text, {}, { version: 1, length: text.length }); // runs after the forgotten one answered
    assert.equal(validator.heldVersion('doc'), undefined);
    assert.equal(validator.cancelledRuns, 0);
    assert.equal(validator.sent.edits, 1);
  });
});
