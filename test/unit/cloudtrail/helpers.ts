// Shared builders for the CloudTrail core tests: a clean GameLift record, a Records file,
// diagnostics by rule, and applying quick-fix edits.

import {
  validateCloudTrail,
  type CtDiagnostic,
  type CtTextEdit,
  type CtValidateOptions,
} from '../../../src/cloudtrail';

export function cleanRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAJ45Q7YFFAREXMPLQ',
      arn: 'arn:aws:iam::350421987654:user/alice',
      accountId: '350421987654',
      accessKeyId: 'AKIAJ45Q7YFFAREXMPLQ',
      userName: 'alice',
    },
    eventTime: '2026-11-20T08:15:42Z',
    eventSource: 'gamelift.amazonaws.com',
    eventName: 'UpdateFleetPortSettings',
    awsRegion: 'us-west-2',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1',
    requestParameters: {
      fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa',
      inboundPermissionAuthorizations: [{ fromPort: 33435, toPort: 33445, ipRange: '10.24.34.0/23', protocol: 'UDP' }],
    },
    responseElements: { fleetId: 'fleet-2222bbbb-33cc-44dd-55ee-6666ffff77aa' },
    requestID: '9b6c8a4e-1d2f-4e3a-8b7c-0a1b2c3d4e5f',
    eventID: '5f1d3c2b-7a8e-4b9c-a0d1-e2f3a4b5c6d7',
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '350421987654',
    eventCategory: 'Management',
    ...overrides,
  };
}

export function recordsFile(records: unknown[], pretty = true): string {
  return JSON.stringify({ Records: records }, null, pretty ? 2 : undefined);
}

export function diags(text: string, ruleId?: string, options?: CtValidateOptions): CtDiagnostic[] {
  const all = validateCloudTrail(text, options).diagnostics;
  return ruleId ? all.filter((d) => d.ruleId === ruleId) : all;
}

/** Applies non-overlapping edits (any order). */
export function applyEdits(text: string, edits: CtTextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** 1-based line:column of an offset, as editors show it. */
export function pos(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
