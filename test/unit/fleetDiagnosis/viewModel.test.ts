// The diagnosis page's view model and protocol: the phase strip's states, evidence with its
// event's code, time and place in the tree, the runtime configuration beside a launch-path
// finding, bidi controls marked, no log link; and the page's messages checked.
import * as assert from 'node:assert/strict';
import { diagnoseFleet } from '../../../src/diagnosis';
import { isPageMessage, isPersistedState } from '../../../src/fleetDiagnosis/protocol';
import { buildDiagnosisViewModel, phaseSteps } from '../../../src/fleetDiagnosis/viewModel';
import type { FleetEvent } from '../../../src/gamelift/types';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../../emulator/fixtures';
import { storyInput } from '../diagnosis/storyInput';

const ref = (fleetId: string) => ({ target: { region: DIAGNOSIS_REGION, profile: 'local-dev' }, fleetId });

function viewOf(fleetId: string, inTree: (id: string) => boolean = () => false) {
  const input = storyInput(fleetId);
  const events: FleetEvent[] = input.events.map((e) => ({
    ...e,
    fetchedAt: input.now,
    preSignedLogUrl: 'https://b.s3.us-east-2.amazonaws.com/k?X-Amz-Signature=deadbeef&X-Amz-Credential=AKIAEXAMPLE',
  }));
  const diagnosis = diagnoseFleet(input);
  return {
    diagnosis,
    model: buildDiagnosisViewModel({
      ref: ref(fleetId),
      fleet: input.fleet,
      diagnosis,
      events,
      runtimeConfiguration: input.runtimeConfiguration,
      eventsComplete: true,
      logCount: input.logs?.length ?? 0,
      gaps: [],
      inTree,
    }),
  };
}

describe('fleet diagnosis: view model', () => {
  it('draws the phase strip: reached phases done, the stopping phase marked, the rest not reached', () => {
    const { model } = viewOf(DIAGNOSIS_FLEETS.executableFailure);
    assert.deepEqual(
      model.phase.steps.map((s) => `${s.name}:${s.state}`),
      ['NEW:done', 'DOWNLOADING:done', 'VALIDATING:stopped', 'BUILDING:todo', 'ACTIVATING:todo', 'ACTIVE:todo'],
    );
    const healthy = phaseSteps(diagnoseFleet(storyInput(DIAGNOSIS_FLEETS.healthy)));
    assert.ok(
      healthy.every((s) => s.state === 'done'),
      JSON.stringify(healthy),
    );
  });

  it('gives each piece of evidence its event code, time, log line and whether the tree has it', () => {
    const marked = diagnosis0(DIAGNOSIS_FLEETS.installerCrlf);
    const { model, diagnosis } = viewOf(DIAGNOSIS_FLEETS.installerCrlf, (id) => id === marked);
    const log = model.evidence.find((e) => e.kind === 'log');
    assert.ok(
      log?.eventId && log.line === 2 && log.eventCode === 'FLEET_CREATION_FAILED_INSTALLER',
      JSON.stringify(log),
    );
    assert.match(log.eventTimeUtc ?? '', / UTC$/);
    const event = model.evidence.find((e) => e.kind === 'event');
    assert.ok(event?.eventCode);
    assert.equal(model.story, diagnosis.id);
    assert.equal(model.verdict, 'failed');
    for (const e of model.evidence) assert.equal(e.inTree, e.eventId === marked, JSON.stringify(e));
    assert.ok(model.evidence.some((e) => e.inTree));
  });

  it('puts the runtime configuration beside a launch-path finding', () => {
    const { model } = viewOf(DIAGNOSIS_FLEETS.launchPathWindows);
    assert.equal(model.runtime?.besideFinding, true);
    assert.ok(model.runtime.launchPaths.some((l) => l.launchPath.startsWith('C:\\') && l.problems.length > 0));
    assert.equal(viewOf(DIAGNOSIS_FLEETS.installerCrlf).model.runtime?.besideFinding, false);
  });

  it('never carries a log link, and marks bidi controls in service text', () => {
    const { model } = viewOf(DIAGNOSIS_FLEETS.activationFailed);
    assert.doesNotMatch(JSON.stringify(model), /X-Amz|deadbeef|AKIAEXAMPLE|https?:\/\//);
    const input = storyInput(DIAGNOSIS_FLEETS.validationTimeout);
    const tricky = { ...input, fleet: { ...input.fleet, name: 'evil\u202Egnp.exe' } };
    const diagnosis = diagnoseFleet(tricky);
    const m = buildDiagnosisViewModel({
      ref: ref(input.fleet.fleetId),
      fleet: tricky.fleet,
      diagnosis: { ...diagnosis, headline: `${diagnosis.headline} \u2066x\u2069` },
      events: [],
      eventsComplete: false,
      logCount: 0,
      gaps: ['The log \u202Ecould not be read'],
      inTree: () => false,
    });
    assert.equal(m.fleet.name, 'evil[U+202E]gnp.exe');
    assert.match(m.headline, /\[U\+2066\]x\[U\+2069\]$/);
    assert.equal(m.gaps[0], 'The log [U+202E]could not be read');
    assert.doesNotMatch(JSON.stringify(m), /[\u202A-\u202E\u2066-\u2069]/);
  });
});

/** The first evidence event of a fleet's diagnosis (to mark it as loaded in the tree). */
function diagnosis0(fleetId: string): string {
  return diagnoseFleet(storyInput(fleetId)).evidence.find((e) => e.kind === 'event')!.eventId!;
}

describe('fleet diagnosis: page messages', () => {
  it('accepts what the page may say', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'copyMarkdown' },
      { type: 'rediagnose' },
      { type: 'cancel' },
      { type: 'openEvent', eventId: 'e1' },
      { type: 'revealEvent', eventId: 'e1' },
      { type: 'openLogLine', eventId: 'e1', line: 2 },
      { type: 'openLogLine', eventId: 'e1', line: 2, file: 'logs/server.log' },
    ])
      assert.equal(isPageMessage(m), true, JSON.stringify(m));
  });
  it('refuses anything else', () => {
    for (const m of [
      null,
      'copyMarkdown',
      { type: 'openLog' },
      { type: 'openEvent' },
      { type: 'openEvent', eventId: '' },
      { type: 'openEvent', eventId: 'x'.repeat(300) },
      { type: 'openLogLine', eventId: 'e1', line: 0 },
      { type: 'openLogLine', eventId: 'e1', line: 1.5 },
      { type: 'openLogLine', eventId: 'e1', line: '2' },
      { type: 'openLogLine', eventId: 'e1', line: 2, file: '' },
      { type: 'openLogLine', eventId: 'e1', line: 2, file: 7 },
      { type: 'openUrl', url: 'https://example.com' },
    ])
      assert.equal(isPageMessage(m), false, JSON.stringify(m));
    assert.equal(isPersistedState({ kind: 'diagnosis', ref: ref('fleet-1') }), true);
    assert.equal(isPersistedState({ kind: 'timeline', ref: ref('fleet-1') }), false);
  });
});
