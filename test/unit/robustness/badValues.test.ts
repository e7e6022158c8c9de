// Every row of the bad-values table: refused with a clear message that names the problem and
// never echoes a secret from the value; good values accepted.
import * as assert from 'node:assert/strict';
import { validateEndpoint } from '../../../src/gamelift/endpointPolicy';
import { BAD_VALUE_CASES, judge, showValue } from './badValues';

describe('Bad values are refused with a clear message', () => {
  for (const c of BAD_VALUE_CASES) {
    it(`${c.group}: ${c.what} → ${c.accept ? 'accepted' : 'refused'}`, () => {
      const verdict = judge(c);
      assert.equal(verdict.accepted, c.accept, `${showValue(c.value)}: ${verdict.message ?? ''}`);
      if (c.says) assert.match(verdict.message ?? '', c.says);
      if (!c.accept) {
        assert.ok(
          (verdict.message ?? '').length >= 10 && (verdict.message ?? '').length <= 300,
          `a sentence, not a dump: ${verdict.message}`,
        );
      }
      for (const secret of c.never ?? [])
        assert.ok(!(verdict.message ?? '').includes(secret), `does not echo "${secret}": ${verdict.message}`);
    });
  }

  it('normalises an accepted endpoint to scheme, host and port', () => {
    assert.deepEqual(validateEndpoint(' http://LOCALHOST:4566/ '), { ok: true, endpoint: 'http://localhost:4566' });
    assert.deepEqual(validateEndpoint('https://gamelift.us-west-2.amazonaws.com'), {
      ok: true,
      endpoint: 'https://gamelift.us-west-2.amazonaws.com',
    });
    assert.deepEqual(validateEndpoint(undefined), { ok: true, endpoint: undefined });
  });

  it('covers each group with refusals and acceptances', () => {
    for (const group of ['endpoint setting', 'presigned log URL', 'fleet ID / ARN'] as const) {
      const cases = BAD_VALUE_CASES.filter((c) => c.group === group);
      assert.ok(cases.filter((c) => !c.accept).length >= 10, `${group}: at least 10 bad values`);
      assert.ok(
        cases.some((c) => c.accept),
        `${group}: a good value too`,
      );
    }
  });
});
