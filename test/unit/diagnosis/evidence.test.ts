// "It never invents": over every fleet of the default scenario, each piece of evidence names
// something the input holds — an event that exists, a log line at the number given, a launch
// path of the runtime configuration — and each event named in the text is that event.
import * as assert from 'node:assert/strict';
import { diagnoseFleet, type Diagnosis, type DiagnosisInput, type Finding } from '../../../src/diagnosis';
import { quote } from '../../../src/diagnosis/text';
import { TEST_ACCOUNTS } from '../../emulator/credentials';
import { loadScenario, readScenario } from '../../emulator/scenario';
import { EmulatorState } from '../../emulator/state';
import { STORY_NOW, storyInput } from './storyInput';

function allFleetIds(): string[] {
  const state = new EmulatorState(() => STORY_NOW);
  loadScenario(readScenario('default'), TEST_ACCOUNTS, state, STORY_NOW);
  return state.allFleets().map((f) => f.fleetId);
}

function checkFinding(input: DiagnosisInput, f: Pick<Finding, 'evidence' | 'id'>, where: string): void {
  const events = new Map(input.events.map((e) => [e.eventId, e]));
  for (const e of f.evidence) {
    const label = `${where} ${f.id}: ${e.kind} "${e.text.slice(0, 80)}"`;
    assert.ok(e.text.length > 0, label);
    if (e.kind === 'event') {
      const event = events.get(e.eventId ?? '');
      assert.ok(event, `${label}: names an event that exists`);
      assert.ok(e.text.includes(event.eventCode), `${label}: carries its code`);
      if (event.message) assert.ok(e.text.includes(quote(event.message).slice(0, 60)), `${label}: quotes its message`);
    } else if (e.kind === 'log') {
      const logs = (input.logs ?? []).filter((l) => l.eventId === e.eventId);
      assert.ok(logs.length > 0, `${label}: names an event whose log was read`);
      const lines = logs[0].text.split(/\r?\n/);
      assert.ok(e.line !== undefined && e.line >= 1 && e.line <= lines.length, `${label}: line in range`);
      assert.equal(e.text, quote(lines[e.line - 1]), `${label}: is the line at that number`);
    } else {
      assert.equal(e.eventId, undefined, label);
      for (const path of e.text.match(/launch path (\S+)/g) ?? []) {
        const p = path.slice('launch path '.length);
        assert.ok(
          (input.runtimeConfiguration?.serverProcesses ?? []).some((s) => s.launchPath === p),
          `${label}: ${p} is a configured launch path`,
        );
      }
    }
  }
}

describe('diagnosis evidence names only what the input holds', () => {
  const ids = allFleetIds();
  const results: Array<{ id: string; input: DiagnosisInput; d: Diagnosis }> = [];
  before(() => {
    for (const id of ids) {
      const input = storyInput(id);
      results.push({ id, input, d: diagnoseFleet(input) });
    }
  });

  it(`covers all ${ids.length} fleets of the default scenario`, () => {
    assert.ok(ids.length >= 30, String(ids.length));
    assert.equal(results.length, ids.length);
  });

  it('every main and further finding’s evidence points at real events, log lines and settings', () => {
    for (const { id, input, d } of results) {
      checkFinding(input, d, id);
      for (const f of d.also) checkFinding(input, f, `${id} (also)`);
    }
  });

  it('every failed, stuck or degraded fleet gives evidence and a next step', () => {
    for (const { id, d } of results) {
      if (d.verdict === 'healthy') continue;
      assert.ok(d.evidence.length > 0, id);
      assert.ok(d.nextSteps.length > 0, id);
      assert.ok(d.headline.endsWith('.'), `${id}: one sentence`);
    }
  });

  it('the verdict follows the status: ERROR is failed, ACTIVE is never failed', () => {
    for (const { id, input, d } of results) {
      if (input.fleet.status === 'ERROR') assert.equal(d.verdict, 'failed', id);
      if (input.fleet.status === 'ACTIVE') assert.ok(d.verdict === 'healthy' || d.verdict === 'degraded', id);
    }
  });

  it('the phase names only steps of the fleet’s own track', () => {
    for (const { id, d } of results) {
      assert.ok(d.phase.steps.includes(d.phase.reached), id);
      if (d.phase.stoppedAt) assert.ok(d.phase.steps.includes(d.phase.stoppedAt), id);
    }
  });
});
