// redactSecrets: what must go (keys, tokens, presigned queries, named secrets and passwords)
// and what must stay (ordinary text, the names themselves, fleet IDs).
import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/gamelift/redact';

describe('gamelift: redactSecrets', () => {
  const cases: Array<[string, string, string]> = [
    ['bare secret=', 'connect secret=hunter2abc done', 'connect secret=<redacted> done'],
    [
      'JSON "secret"',
      '{"secret": "s3cr3t value with spaces", "fleet": "fleet-1"}',
      '{"secret": "<redacted>", "fleet": "fleet-1"}',
    ],
    ['JSON "secret" with an escaped quote', '{"secret":"a\\"b c"}', '{"secret":"<redacted>"}'],
    ['single-quoted', "password: 'p@ss w0rd'", "password: '<redacted>'"],
    [
      'password= in a query',
      'https://127.0.0.1/x?user=a&password=Tr0ub4dor&mode=1',
      'https://127.0.0.1/x?user=a&password=<redacted>&mode=1',
    ],
    ['prefixed names', 'client_secret=abc123 dbPassword=xyz', 'client_secret=<redacted> dbPassword=<redacted>'],
    ['suffixed names', 'secretKey=abc SECRET_VALUE=def', 'secretKey=<redacted> SECRET_VALUE=<redacted>'],
    ['upper case', 'PASSWORD=letmein', 'PASSWORD=<redacted>'],
    ['passwd and passphrase', 'passwd=a1 passphrase="long phrase here"', 'passwd=<redacted> passphrase="<redacted>"'],
  ];
  for (const [what, input, expected] of cases) {
    it(`redacts ${what}`, () => {
      assert.equal(redactSecrets(input), expected);
    });
  }

  it('keeps the existing redactions (secret access keys, tokens, access key IDs, presigned URLs)', () => {
    const out = redactSecrets(
      'aws_secret_access_key=wJalrXUtnFEMI/K7MDENG sessionToken: IQoJb3JpZ2lu AKIAIOSFODNN7EXAMPLE https://b.s3.amazonaws.com/k?X-Amz-Signature=abc&X-Amz-Credential=def',
    );
    assert.doesNotMatch(out, /wJalrXUtnFEMI|IQoJb3JpZ2lu|IOSFODNN7EXAMPLE|X-Amz-Signature=abc/);
    assert.match(out, /aws_secret_access_key=<redacted>/);
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      'Fleet fleet-123 is ACTIVE; 3 instances.',
      'The secret is safe', // no "=" or ":" after the name
      'secrets manager integration enabled',
      'password reset required: contact admin', // "password reset" is not "password:"
      'Setting "gamelift.endpoint" is not usable',
    ]) {
      assert.equal(redactSecrets(text), text);
    }
  });

  it('does not redact twice or leave the value behind', () => {
    const once = redactSecrets('secret=abc');
    assert.equal(redactSecrets(once), once);
    assert.doesNotMatch(redactSecrets('{"Secret" : "abc"}'), /abc/);
  });
});
