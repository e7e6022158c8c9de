// Every rule in RULES fires on a failing case and stays silent on a passing one; severities
// can be overridden and rules switched off; fixes replace the right range.

import * as assert from 'node:assert/strict';
import { RULES, validateCloudTrail } from '../../../src/cloudtrail';
import { applyEdits, cleanRecord, diags, recordsFile } from './helpers';

type Case = { bad: string; good: string; badAt?: string };

const rec = (o: Record<string, unknown> = {}, drop: string[] = []): Record<string, unknown> => {
  const r = cleanRecord(o);
  for (const k of drop) delete r[k];
  return r;
};
const file = (...records: unknown[]): string => recordsFile(records);
const withIdentity = (ui: Record<string, unknown>): Record<string, unknown> =>
  rec({ userIdentity: { ...(cleanRecord().userIdentity as object), ...ui } });
const gl = (name: string, req: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  rec({ eventName: name, requestParameters: req, responseElements: null, ...extra });

const insight = {
  eventVersion: '1.07',
  eventTime: '2026-11-20T08:00:00Z',
  awsRegion: 'us-west-2',
  eventID: '0b9a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  eventType: 'AwsCloudTrailInsight',
  recipientAccountId: '350421987654',
  sharedEventID: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  insightDetails: {
    state: 'Start',
    eventSource: 'gamelift.amazonaws.com',
    eventName: 'DescribeFleetEvents',
    insightType: 'ApiCallRateInsight',
  },
  eventCategory: 'Insight',
};

const CASES: Record<string, Case> = {
  syntax: { bad: '{"Records":[{"eventVersion":"1.08",}]}', good: file(rec()) },
  // Deep nesting only matters where the offset-tracking parser runs: in a record with a syntax error.
  'max-depth': {
    bad: `{"Records":[${JSON.stringify(rec({ additionalEventData: JSON.parse('['.repeat(300) + ']'.repeat(300)) })).replace(/}$/, ',}')}]}`,
    good: file(rec({ additionalEventData: { a: { b: { c: [1, [2, [3]]] } } } })),
  },
  'no-records': { bad: '{"hello":"world"}', good: file(rec()) },
  'record-type': { bad: '{"Records":["not a record"]}', good: file(rec()) },
  'required-field': { bad: file(rec({}, ['eventTime'])), good: file(insight) },
  'field-type': { bad: file(rec({ readOnly: 'false' })), good: file(rec({ readOnly: false })) },
  'field-version': {
    bad: file(rec({ eventVersion: '1.04' }, ['eventCategory'])),
    good: file(rec({ eventVersion: '1.06' }, ['eventCategory'])),
  },
  'event-version': { bad: file(rec({ eventVersion: 'v1' })), good: file(rec({ eventVersion: '1.11' })) },
  'event-time-format': {
    bad: file(rec({ eventTime: '2026-11-20 08:15:42' })),
    good: file(rec({ eventTime: '2024-02-29T23:59:59Z' })),
  },
  'event-time-invalid': {
    bad: file(rec({ eventTime: '2026-02-30T08:15:42Z' })),
    good: file(rec({ eventTime: '2026-02-28T08:15:42Z' })),
  },
  'event-id': {
    bad: file(rec({ eventID: 'not-a-uuid' })),
    good: file(rec({ eventID: 'A1B2C3D4-1111-4222-8333-444455556666' })),
  },
  'request-id': { bad: file(rec({ requestID: '' })), good: file(rec({ requestID: '018A74440EEDDFE4' })) },
  'account-id': {
    bad: file(rec({ recipientAccountId: '35042198765' })),
    good: file(withIdentity({ type: 'AWSAccount', accountId: 'ANONYMOUS_PRINCIPAL' })),
  },
  region: { bad: file(rec({ awsRegion: 'US West (Oregon)' })), good: file(rec({ awsRegion: 'us-gov-west-1' })) },
  'event-type': {
    bad: file(rec({ eventType: 'AwsApiCal' })),
    good: file(rec({ eventType: 'AwsServiceEvent' }, ['userIdentity', 'sourceIPAddress'])),
  },
  'event-category': { bad: file(rec({ eventCategory: 'Managment' })), good: file(rec({ eventCategory: 'Data' })) },
  'identity-type': {
    bad: file(withIdentity({ type: 'IamUser' })),
    good: file(withIdentity({ type: 'IdentityCenterUser' })),
  },
  'duplicate-event-id': {
    bad: file(
      rec(),
      rec({
        eventName: 'DescribeFleetAttributes',
        requestParameters: { fleetIds: ['fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa'] },
        responseElements: null,
      }),
    ),
    good: file(rec(), rec({ eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8' })),
  },
  'error-code-without-message': {
    bad: file(rec({ errorCode: 'ThrottlingException' })),
    good: file(rec({ errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' })),
  },
  'error-message-without-code': { bad: file(rec({ errorMessage: 'Rate exceeded' })), good: file(rec()) },
  'source-ip': {
    bad: file(rec({ sourceIPAddress: '300.1.2.3' })),
    good: file(
      rec({ sourceIPAddress: '2001:db8::1' }),
      rec({ eventID: '6a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8', sourceIPAddress: 'gamelift.amazonaws.com' }),
      rec({ eventID: '7a2e4d3c-8b9f-4c0d-b1e2-f3a4b5c6d7e8', sourceIPAddress: 'AWS Internal' }),
    ),
  },
  'resource-arn': {
    bad: file(rec({ resources: [{ ARN: 'fleet-1234', accountId: '350421987654', type: 'AWS::GameLift::Fleet' }] })),
    good: file(
      rec({
        resources: [
          {
            ARN: 'arn:aws:gamelift:us-west-2:350421987654:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
            accountId: '350421987654',
            type: 'AWS::GameLift::Fleet',
          },
        ],
      }),
    ),
  },
  placeholder: { bad: file(rec({ recipientAccountId: '111122223333' })), good: file(rec()) },
  'gamelift-operation': {
    bad: file(rec({ eventName: 'DescribeFleetAtributes', requestParameters: null, responseElements: null })),
    good: file(rec({ eventName: 'DescribeFleetAttributes', requestParameters: null, responseElements: null })),
  },
  'gamelift-parameter': {
    bad: file(gl('DeleteFleet', { fleetId: 'my-fleet' })),
    good: file(
      gl('DeleteFleet', {
        fleetId: 'arn:aws:gamelift:us-west-2:350421987654:fleet/fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
      }),
    ),
  },
  'gamelift-required-parameter': {
    bad: file(gl('UpdateFleetCapacity', { desiredInstances: 2 })),
    good: file(
      gl('UpdateFleetCapacity', {
        fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
        desiredInstances: 2,
        minSize: 0,
        maxSize: 4,
        location: 'us-west-2',
      }),
    ),
  },
  'gamelift-unknown-parameter': {
    bad: file(gl('DeleteFleet', { fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa', force: true })),
    good: file(gl('DeleteFleet', { fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa' })),
  },
  'gamelift-port-range': {
    bad: file(
      gl('UpdateFleetPortSettings', {
        fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
        inboundPermissionAuthorizations: [{ fromPort: 70000, toPort: 70010, ipRange: '0.0.0.0/0', protocol: 'TCP' }],
      }),
    ),
    good: file(
      gl('UpdateFleetPortSettings', {
        fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
        inboundPermissionAuthorizations: [{ fromPort: 1, toPort: 60000, ipRange: '0.0.0.0/0', protocol: 'TCP' }],
      }),
    ),
  },
  'gamelift-instance-type': {
    bad: file(
      gl('CreateFleet', {
        name: 'f',
        buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff',
        eC2InstanceType: 'c5.larg',
      }),
    ),
    good: file(
      gl('CreateFleet', {
        name: 'f',
        buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff',
        eC2InstanceType: 'c5.large',
      }),
    ),
  },
  'gamelift-enum': {
    bad: file(
      gl('CreateFleet', {
        name: 'f',
        buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff',
        eC2InstanceType: 'c5.large',
        fleetType: 'ONDEMAND',
      }),
    ),
    good: file(
      gl('CreateFleet', {
        name: 'f',
        buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff',
        eC2InstanceType: 'c5.large',
        fleetType: 'SPOT',
        computeType: 'EC2',
        newGameSessionProtectionPolicy: 'FullProtection',
      }),
    ),
  },
};

describe('CloudTrail rules', () => {
  it('has a failing and a passing case for every rule in RULES', () => {
    assert.deepEqual(Object.keys(CASES).sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id}: reports the failing case with its default severity and not the passing one`, () => {
      const c = CASES[rule.id];
      const bad = diags(c.bad, rule.id);
      assert.ok(bad.length > 0, `expected ${rule.id} on the failing case`);
      assert.ok(
        bad.some(
          (d) => d.severity === rule.defaultSeverity || rule.id === 'duplicate-event-id' || rule.id === 'event-version',
        ),
        `severity of ${rule.id}`,
      );
      for (const d of bad) {
        assert.ok(d.start >= 0 && d.end <= c.bad.length && d.start <= d.end, 'range inside the document');
        assert.ok(d.message.length > 10);
      }
      assert.deepEqual(diags(c.good, rule.id), [], `no ${rule.id} on the passing case`);
    });
  }

  it('finds any kind of blank in a requestID (as /\\s/ would), not only spaces', () => {
    for (const requestID of ['a b', 'ab\t', '\u00a0ab', 'a\u2003b', '\u0001 ab', 'ab\u3000']) {
      assert.equal(diags(file(rec({ requestID })), 'request-id').length, 1, JSON.stringify(requestID));
    }
    for (const requestID of ['018A74440EEDDFE4', 'a\u0001b', 'ab-cd_ef']) {
      assert.equal(diags(file(rec({ requestID })), 'request-id').length, 0, JSON.stringify(requestID));
    }
  });

  it('reports nothing at all on a clean GameLift record', () => {
    assert.deepEqual(diags(file(rec())), []);
  });

  it('underlines the offending value: eventTime, the resource ARN, the fleet ID', () => {
    const text = file(rec({ eventTime: '2026-13-01T00:00:00Z' }));
    const [d] = diags(text, 'event-time-invalid');
    assert.equal(text.slice(d.start, d.end), '"2026-13-01T00:00:00Z"');
    const t2 = CASES['gamelift-parameter'].bad;
    const [d2] = diags(t2, 'gamelift-parameter');
    assert.equal(t2.slice(d2.start, d2.end), '"my-fleet"');
    const t3 = CASES['resource-arn'].bad;
    const [d3] = diags(t3, 'resource-arn');
    assert.equal(t3.slice(d3.start, d3.end), '"fleet-1234"');
  });

  it('suggests the nearest GameLift operation and the fix replaces eventName', () => {
    const text = CASES['gamelift-operation'].bad;
    const [d] = diags(text, 'gamelift-operation');
    assert.match(d.message, /did you mean DescribeFleetAttributes\?/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(
      (JSON.parse(fixed) as { Records: Array<{ eventName: string }> }).Records[0].eventName,
      'DescribeFleetAttributes',
    );
    assert.deepEqual(diags(fixed, 'gamelift-operation'), []);
  });

  it('suggests a valid instance type and enum value', () => {
    assert.match(
      diags(CASES['gamelift-instance-type'].bad, 'gamelift-instance-type')[0].message,
      /did you mean c5\.large/,
    );
    const [e] = diags(CASES['gamelift-enum'].bad, 'gamelift-enum');
    assert.match(e.message, /ON_DEMAND/);
  });

  it('checks fromPort <= toPort and CIDR blocks in eC2InboundPermissions of CreateFleet', () => {
    const text = file(
      gl('CreateFleet', {
        name: 'f',
        buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff',
        eC2InstanceType: 'c5.large',
        eC2InboundPermissions: [{ fromPort: 3000, toPort: 2000, ipRange: '10.0.0.0/33', protocol: 'UDP' }],
      }),
    );
    assert.match(diags(text, 'gamelift-port-range')[0].message, /fromPort 3000 is greater than toPort 2000/);
    assert.match(diags(text, 'gamelift-parameter')[0].message, /ipRange "10\.0\.0\.0\/33" is not a valid CIDR block/);
  });

  it('turns parameter findings into information when the call failed', () => {
    const text = file(
      gl(
        'DeleteFleet',
        { fleetId: 'my-fleet' },
        { errorCode: 'InvalidRequestException', errorMessage: 'bad fleet id' },
      ),
    );
    const [d] = diags(text, 'gamelift-parameter');
    assert.equal(d.severity, 'info');
    assert.match(d.message, /failed with InvalidRequestException/);
  });

  it('checks responseElements statuses against their enums', () => {
    const text = file(
      gl(
        'CreateFleet',
        { name: 'f', buildId: 'build-1111aaaa-22bb-33cc-44dd-5555eeee66ff', eC2InstanceType: 'c5.large' },
        {
          responseElements: {
            fleetAttributes: { fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa', status: 'RUNNING' },
          },
        },
      ),
    );
    const [d] = diags(text, 'gamelift-enum');
    assert.match(d.message, /"RUNNING" is not a FleetStatus value/);
    assert.equal(text.slice(d.start, d.end), '"RUNNING"');
  });

  it('treats an identical duplicate as information and a different one as a warning', () => {
    const same = diags(file(rec(), rec()), 'duplicate-event-id');
    assert.equal(same.length, 1);
    assert.equal(same[0].severity, 'info');
    const different = diags(CASES['duplicate-event-id'].bad, 'duplicate-event-id');
    assert.equal(different[0].severity, 'warning');
  });

  it('honours severity overrides and "off"', () => {
    const text = CASES['event-id'].bad;
    assert.equal(diags(text, 'event-id', { severities: { 'event-id': 'error' } })[0].severity, 'error');
    assert.deepEqual(diags(text, 'event-id', { severities: { 'event-id': 'off' } }), []);
  });

  it('caps the list with maxDiagnostics and says so', () => {
    const records = Array.from({ length: 30 }, (_, i) => rec({ eventID: `bad-${i}` }));
    const r = validateCloudTrail(file(...records), { maxDiagnostics: 5 });
    assert.equal(r.diagnostics.length, 5);
    assert.equal(r.truncated, true);
    assert.equal(r.totalDiagnostics, 30);
    assert.equal(r.counts?.warning, 30);
  });

  it('skips Insights records for the fields they do not have', () => {
    assert.deepEqual(diags(file(insight)), []);
    assert.match(diags(file({ ...insight, insightDetails: undefined }), 'required-field')[0].message, /insightDetails/);
  });

  it('fixes a string boolean with the quick fix', () => {
    const text = CASES['field-type'].bad;
    const [d] = diags(text, 'field-type');
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal((JSON.parse(fixed) as { Records: Array<{ readOnly: unknown }> }).Records[0].readOnly, false);
  });
});

describe('CloudTrail findings that do not mislead', () => {
  /** A failed console sign-in as AWS writes it: errorMessage "Failed authentication" and no errorCode. */
  const failedSignIn = {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAJ45Q7YFFAREXMPLQ',
      accountId: '350421987654',
      userName: 'alice',
    },
    eventTime: '2026-11-20T08:15:42Z',
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
    errorMessage: 'Failed authentication',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: 'No' },
    eventID: '3c8d2a1e-5b7f-4e9a-8c0d-1e2f3a4b5c6d',
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: '350421987654',
    eventCategory: 'Management',
  };

  it('reports nothing on a failed ConsoleLogin (errorMessage without errorCode is how AWS logs it)', () => {
    assert.deepEqual(diags(file(failedSignIn)), []);
  });

  it('still warns when an API call has an errorMessage but no errorCode', () => {
    assert.equal(diags(file(rec({ errorMessage: 'Rate exceeded' })), 'error-message-without-code').length, 1);
  });

  it('shows documentation placeholders as hints by default: AWS sample data is not a problem', () => {
    const sample = rec({
      userIdentity: {
        type: 'IAMUser',
        principalId: 'AIDACKCEVSQ6C2EXAMPLE',
        arn: 'arn:aws:iam::111122223333:user/Mary',
        accountId: '111122223333',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        userName: 'Mary',
      },
      recipientAccountId: '111122223333',
    });
    const found = diags(file(sample));
    assert.equal(found.length, 4, JSON.stringify(found.map((d) => d.message)));
    assert.deepEqual(new Set(found.map((d) => `${d.ruleId}/${d.severity}`)), new Set(['placeholder/hint']));
    assert.equal(validateCloudTrail(file(sample)).counts?.info, 0);
  });
});

describe('CloudTrail diagnostics cap', () => {
  const uuid = (i: number): string => `5f1d3c2b-7a8e-4b9c-a0d1-${String(i).padStart(12, '0')}`;

  it('keeps the most severe first and counts what it leaves out per severity', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => rec({ eventID: uuid(i), recipientAccountId: '111122223333' })),
      rec({ eventID: uuid(30), eventTime: '2026-02-30T08:15:42Z', recipientAccountId: '111122223333' }),
      rec({ eventID: uuid(31), awsRegion: 'nowhere', recipientAccountId: '111122223333' }),
    ];
    const r = validateCloudTrail(file(...records), { maxDiagnostics: 5 });
    assert.deepEqual(
      r.diagnostics.map((d) => d.severity),
      ['hint', 'hint', 'hint', 'error', 'warning'],
      'the error and the warning of the last records, then the first hints, in document order',
    );
    assert.deepEqual(r.counts, { error: 1, warning: 1, info: 0, hint: 32 });
    assert.equal(r.totalDiagnostics, 34);
    assert.equal(r.truncated, true);
  });
});
