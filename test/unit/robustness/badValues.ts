// The bad-values table: hostile or mistaken values for the three things users (or the
// service) hand the extension as text: the `gamelift.endpoint` setting (endpointPolicy.ts),
// presigned log links from the service (gamelift/urlPolicy.ts) and pasted fleet IDs/ARNs
// (fleetIds.ts). Each case says whether it must be accepted, and what the refusal must (and
// must not) say. Used by badValues.test.ts and bench/badValues.ts.
import { checkExternalUrl } from '../../../src/gamelift/urlPolicy';
import { validateEndpoint } from '../../../src/gamelift/endpointPolicy';
import { parseFleetIdOrArn } from '../../../src/gamelift/fleetIds';

export type BadValueGroup = 'endpoint setting' | 'presigned log URL' | 'fleet ID / ARN';

export interface BadValueCase {
  readonly group: BadValueGroup;
  /** What the case is, for the table. */
  readonly what: string;
  readonly value: unknown;
  readonly accept: boolean;
  /** The refusal (or warning) must match this. */
  readonly says?: RegExp;
  /** Text the message must never contain (e.g. a password from the value). */
  readonly never?: readonly string[];
}

export interface Verdict {
  readonly accepted: boolean;
  /** The refusal reason, or a warning for an accepted value. */
  readonly message?: string;
}

const SIGNED =
  'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLEKEY12345%2F20261121%2Fus-west-2%2Fs3%2Faws4_request&X-Amz-Signature=0123456789abcdef';
const LONG = 'a'.repeat(9000);

export const BAD_VALUE_CASES: readonly BadValueCase[] = [
  // gamelift.endpoint
  { group: 'endpoint setting', what: 'ftp: scheme', value: 'ftp://127.0.0.1:21', accept: false, says: /"ftp:"/ },
  {
    group: 'endpoint setting',
    what: 'javascript: URL',
    value: 'javascript:alert(1)',
    accept: false,
    says: /"javascript:"/,
  },
  { group: 'endpoint setting', what: 'file: URL', value: 'file:///etc/passwd', accept: false, says: /"file:"/ },
  { group: 'endpoint setting', what: 'data: URL', value: 'data:text/plain,hi', accept: false, says: /"data:"/ },
  {
    group: 'endpoint setting',
    what: 'not a URL',
    value: 'gamelift-local',
    accept: false,
    says: /not a URL.*http:\/\/127\.0\.0\.1:4566/,
  },
  {
    group: 'endpoint setting',
    what: 'host:port without scheme',
    value: '127.0.0.1:4566',
    accept: false,
    says: /not a URL/,
  },
  {
    group: 'endpoint setting',
    what: 'bare host:port read as a scheme',
    value: 'localhost:4566',
    accept: false,
    says: /"localhost:"/,
  },
  { group: 'endpoint setting', what: 'scheme only', value: 'http://', accept: false, says: /not a URL/ },
  {
    group: 'endpoint setting',
    what: 'user and password in the URL',
    value: 'http://admin:hunter2secret@127.0.0.1:4566',
    accept: false,
    says: /user name or password/,
    never: ['hunter2secret', 'admin'],
  },
  {
    group: 'endpoint setting',
    what: 'access keys as URL user info',
    value: 'https://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMIbPxRfiCYEXAMPLEKEY@gamelift.us-west-2.amazonaws.com',
    accept: false,
    says: /user name or password/,
    never: ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMIbPxRfiCYEXAMPLEKEY'],
  },
  {
    group: 'endpoint setting',
    what: 'unparsable, with a secret after @',
    value: 'http//key:topsecretvalue@host',
    accept: false,
    says: /not a URL/,
    never: ['topsecretvalue'],
  },
  {
    group: 'endpoint setting',
    what: 'query string',
    value: `http://127.0.0.1:4566/?${SIGNED}`,
    accept: false,
    says: /query/,
    never: ['0123456789abcdef'],
  },
  { group: 'endpoint setting', what: 'fragment', value: 'http://127.0.0.1:4566/#top', accept: false, says: /fragment/ },
  {
    group: 'endpoint setting',
    what: 'newline inside',
    value: 'https://gamelift.us-west-2.amazon\naws.com',
    accept: false,
    says: /control characters/,
  },
  {
    group: 'endpoint setting',
    what: 'NUL byte',
    value: 'http://127.0.0.1\u0000.evil:4566',
    accept: false,
    says: /control characters/,
  },
  {
    group: 'endpoint setting',
    what: 'right-to-left override',
    value: 'https://gamelift.\u202Emoc.swanozama',
    accept: false,
    says: /control characters/,
  },
  {
    group: 'endpoint setting',
    what: '5,000 characters',
    value: `https://${'a'.repeat(5000)}.com`,
    accept: false,
    says: /at most 2048/,
  },
  { group: 'endpoint setting', what: 'a number, not a string', value: 4566, accept: false, says: /string/ },
  {
    group: 'endpoint setting',
    what: 'a list, not a string',
    value: ['http://127.0.0.1:4566'],
    accept: false,
    says: /a list/,
  },
  {
    group: 'endpoint setting',
    what: 'plain http to a remote host (allowed, warned)',
    value: 'http://10.0.0.5:4566',
    accept: true,
    says: /unencrypted/,
  },
  { group: 'endpoint setting', what: 'empty (AWS default)', value: '', accept: true },
  { group: 'endpoint setting', what: 'local endpoint', value: 'http://127.0.0.1:4566', accept: true },
  {
    group: 'endpoint setting',
    what: 'AWS endpoint, trailing newline',
    value: 'https://gamelift.us-west-2.amazonaws.com\n',
    accept: true,
  },

  // presigned log URLs (PreSignedLogUrl from DescribeFleetEvents)
  {
    group: 'presigned log URL',
    what: 'javascript: URL',
    value: 'javascript:alert(document.cookie)',
    accept: false,
    says: /https/,
  },
  {
    group: 'presigned log URL',
    what: 'command: URI',
    value: 'command:workbench.action.terminal.new',
    accept: false,
    says: /https/,
  },
  { group: 'presigned log URL', what: 'vscode: URI', value: 'vscode://file/etc/passwd', accept: false, says: /https/ },
  { group: 'presigned log URL', what: 'file: URL', value: 'file:///etc/passwd', accept: false, says: /https/ },
  {
    group: 'presigned log URL',
    what: 'plain http to S3',
    value: `http://bucket.s3.amazonaws.com/log.txt?${SIGNED}`,
    accept: false,
    says: /instead of https/,
  },
  {
    group: 'presigned log URL',
    what: 'non-AWS host',
    value: `https://evil.example.com/log.txt?${SIGNED}`,
    accept: false,
    says: /AWS host/,
  },
  {
    group: 'presigned log URL',
    what: 'AWS name as a subdomain of another host',
    value: 'https://s3.amazonaws.com.evil.example/log.txt',
    accept: false,
    says: /AWS host/,
  },
  {
    group: 'presigned log URL',
    what: 'look-alike host (Cyrillic а)',
    value: 'https://bucket.s3.amazon\u0430ws.com/log.txt',
    accept: false,
    says: /AWS host/,
  },
  {
    group: 'presigned log URL',
    what: 'bare amazonaws.com',
    value: 'https://amazonaws.com/log.txt',
    accept: false,
    says: /AWS host/,
  },
  {
    group: 'presigned log URL',
    what: 'trailing dot host',
    value: 'https://bucket.s3.amazonaws.com./log.txt',
    accept: false,
    says: /AWS host/,
  },
  {
    group: 'presigned log URL',
    what: 'odd port on an AWS host',
    value: 'https://bucket.s3.amazonaws.com:8443/log.txt',
    accept: false,
    says: /port/,
  },
  {
    group: 'presigned log URL',
    what: 'user info',
    value: 'https://user:pw@bucket.s3.amazonaws.com/log.txt',
    accept: false,
    says: /user name or password/,
  },
  {
    group: 'presigned log URL',
    what: 'NUL byte',
    value: 'https://bucket.s3.amazonaws.com/log\u0000.txt',
    accept: false,
    says: /not a valid URL/,
  },
  {
    group: 'presigned log URL',
    what: '9,000 characters',
    value: `https://bucket.s3.amazonaws.com/${LONG}`,
    accept: false,
    says: /too long/,
  },
  { group: 'presigned log URL', what: 'empty', value: '', accept: false, says: /empty/ },
  {
    group: 'presigned log URL',
    what: 'not a string',
    value: { href: 'https://bucket.s3.amazonaws.com/' },
    accept: false,
    says: /empty/,
  },
  {
    group: 'presigned log URL',
    what: 'real S3 presigned URL',
    value: `https://gamelift-logs.s3.us-west-2.amazonaws.com/fleet-1/log.txt?${SIGNED}`,
    accept: true,
  },

  // pasted fleet IDs and ARNs
  { group: 'fleet ID / ARN', what: 'empty', value: '', accept: false, says: /Enter a fleet ID/ },
  { group: 'fleet ID / ARN', what: 'blanks only', value: '   \t ', accept: false, says: /Enter a fleet ID/ },
  {
    group: 'fleet ID / ARN',
    what: '"fleet-" and nothing more',
    value: 'fleet-',
    accept: false,
    says: /not a fleet ID/,
  },
  { group: 'fleet ID / ARN', what: 'underscore', value: 'fleet_1234', accept: false, says: /not a fleet ID/ },
  {
    group: 'fleet ID / ARN',
    what: 'path traversal',
    value: 'fleet-1234/../../etc/passwd',
    accept: false,
    says: /not a fleet ID/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'newline inside',
    value: 'fleet-1234\nfleet-5678',
    accept: false,
    says: /not a fleet ID/,
    never: ['\n'],
  },
  {
    group: 'fleet ID / ARN',
    what: 'HTML',
    value: '<img src=x onerror=alert(1)>',
    accept: false,
    says: /not a fleet ID/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'full-width digits',
    value: 'fleet-\uff11\uff12\uff13',
    accept: false,
    says: /not a fleet ID/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'right-to-left override',
    value: 'fleet-1234\u202E',
    accept: false,
    says: /not a fleet ID/,
    never: ['\u202E'],
  },
  {
    group: 'fleet ID / ARN',
    what: '600 characters',
    value: `fleet-${'a'.repeat(594)}`,
    accept: false,
    says: /at most 512/,
  },
  { group: 'fleet ID / ARN', what: 'S3 ARN', value: 'arn:aws:s3:::my-bucket', accept: false, says: /not a fleet ARN/ },
  {
    group: 'fleet ID / ARN',
    what: 'alias ARN',
    value: 'arn:aws:gamelift:us-west-2:111122223333:alias/alias-1234',
    accept: false,
    says: /not a fleet ARN/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'fleet ARN of another service',
    value: 'arn:aws:ec2:us-west-2:111122223333:fleet/fleet-1234',
    accept: false,
    says: /ec2, not for GameLift/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'an access key pasted by mistake',
    value: 'AKIAIOSFODNN7EXAMPLE',
    accept: false,
    says: /not a fleet ID/,
  },
  {
    group: 'fleet ID / ARN',
    what: 'fleet ID with blanks around',
    value: '  fleet-1234abcd-5678-90ef-abcd-1234567890ab \n',
    accept: true,
  },
  {
    group: 'fleet ID / ARN',
    what: 'fleet ARN',
    value: 'arn:aws:gamelift:eu-west-1:111122223333:fleet/fleet-1234abcd',
    accept: true,
  },
  { group: 'fleet ID / ARN', what: 'container fleet ID', value: 'containerfleet-1234abcd', accept: true },
];

export function judge(c: BadValueCase): Verdict {
  switch (c.group) {
    case 'endpoint setting': {
      const v = validateEndpoint(c.value);
      return v.ok
        ? { accepted: true, ...(v.warning ? { message: v.warning } : {}) }
        : { accepted: false, message: v.reason };
    }
    case 'presigned log URL': {
      const v = checkExternalUrl(c.value, 'log', { customEndpoints: [] });
      return v.allowed ? { accepted: true } : { accepted: false, message: `Refused: ${v.reason}` };
    }
    case 'fleet ID / ARN': {
      const v = parseFleetIdOrArn(String(c.value));
      return 'error' in v ? { accepted: false, message: v.error } : { accepted: true };
    }
  }
}

/** The value as the table shows it: escaped, short. */
export function showValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  // Invisible and look-alike characters are shown as escapes, so the table shows what they are.
  const text = json.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 48 ? `${text.slice(0, 45)}…"` : text;
}
