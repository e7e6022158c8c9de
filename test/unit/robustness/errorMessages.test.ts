// Error messages name the profile and region once (in the "(profile "x", region)" part), for
// every kind that mentions them.
import * as assert from 'node:assert/strict';
import { classifyError } from '../../../src/gamelift/errors';

const serviceError = (name: string, message: string, status: number) =>
  Object.assign(new Error(message), { name, $fault: 'client' as const, $metadata: { httpStatusCode: status } });

describe('Error messages name the profile once', () => {
  const context = { action: 'Listing fleets in us-west-2', profile: 'local-dev', region: 'us-west-2' };
  for (const [name, status] of [
    ['AccessDeniedException', 400],
    ['UnauthorizedException', 400],
    ['ExpiredTokenException', 400],
    ['InvalidSignatureException', 403],
    ['UnrecognizedClientException', 403],
  ] as const) {
    it(name, () => {
      const c = classifyError(serviceError(name, 'The service says no.', status), context);
      // A command to run (`aws sso login --profile …`) may repeat it; the sentence may not.
      const prose = c.message.replace(/`[^`]*`/g, '');
      assert.equal((prose.match(/local-dev/g) ?? []).length, 1, c.message);
      assert.match(c.message, /^Listing fleets in us-west-2: /);
    });
  }
});
