// Every catalog code has its own explanation and next steps; unknown codes get generic text.
import * as assert from 'node:assert/strict';
import { KNOWN_EVENT_CODES } from '../../../src/gamelift/eventCatalog';
import { CODES_WITH_GUIDANCE, FLEET_EVENTS_DOCS_URL, guidanceForCode } from '../../../src/gamelift/eventGuidance';

describe('eventGuidance', () => {
  it('covers exactly the 57 catalog codes', () => {
    assert.equal(KNOWN_EVENT_CODES.length, 57);
    assert.deepEqual([...CODES_WITH_GUIDANCE].sort(), [...KNOWN_EVENT_CODES].sort());
  });

  for (const code of KNOWN_EVENT_CODES) {
    it(`has an explanation and next steps for ${code}`, () => {
      const g = guidanceForCode(code);
      assert.equal(g.known, true);
      assert.ok(g.explanation.length >= 30, 'explanation is a real sentence');
      assert.ok(g.nextSteps.length >= 1);
      for (const step of g.nextSteps) assert.ok(step.trim().length >= 10, `step "${step}" says something`);
    });
  }

  it('gives specific advice where the cause is well known', () => {
    const sdk = guidanceForCode('SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT');
    assert.match(sdk.nextSteps.join(' '), /InitSDK/);
    assert.match(sdk.explanation, /5 minutes/);
    assert.match(sdk.nextSteps.join(' '), /log/i);
    assert.match(guidanceForCode('FLEET_VPC_PEERING_FAILED').nextSteps.join(' '), /overlapping CIDR/i);
    assert.match(guidanceForCode('SERVER_PROCESS_PROCESS_EXIT_TIMEOUT').explanation, /30 seconds/);
  });

  it('explanations are not copy-paste duplicates across different kinds of event', () => {
    const failures = [
      'FLEET_BINARY_DOWNLOAD_FAILED',
      'FLEET_ACTIVATION_FAILED',
      'SERVER_PROCESS_CRASHED',
      'FLEET_VPC_PEERING_FAILED',
    ];
    const texts = new Set(failures.map((c) => guidanceForCode(c).explanation));
    assert.equal(texts.size, failures.length);
  });

  it('gives generic guidance for an unknown or missing code', () => {
    for (const code of ['FLEET_SOMETHING_NEW', undefined, '', '__proto__', 'toString']) {
      const g = guidanceForCode(code);
      assert.equal(g.known, false, String(code));
      assert.match(g.explanation, /not known/);
      assert.ok(g.nextSteps.length >= 2);
    }
  });

  it('links to the AWS fleet events page', () => {
    assert.equal(
      FLEET_EVENTS_DOCS_URL,
      'https://docs.aws.amazon.com/gamelift/latest/developerguide/monitoring-events.html',
    );
  });
});
