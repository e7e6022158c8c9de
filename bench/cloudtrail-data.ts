// Deterministic CloudTrail log files for the benchmarks: a seeded generator of realistic records
// (GameLift fleet operations mixed with S3, EC2, STS and IAM calls), written as {"Records":[...]}
// pretty or compact, in three profiles: clean; one mistake the checker reports per 200 records
// (sparse, the default); and that plus a documentation placeholder account on every record (every).

import { existsSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { seededRandom as mulberry32 } from '../test/support/seededRandom';
export { seededRandom as mulberry32 } from '../test/support/seededRandom';

function hex(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)];
  return s;
}
function uuid(rnd: () => number): string {
  return `${hex(rnd, 8)}-${hex(rnd, 4)}-4${hex(rnd, 3)}-a${hex(rnd, 3)}-${hex(rnd, 12)}`;
}
function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

const REGIONS = ['us-west-2', 'us-east-1', 'eu-central-1', 'ap-northeast-1'];
const USERS = ['alice', 'bob', 'deploy-bot', 'ops'];
const ACCOUNT = '350421987654';

function identity(rnd: () => number): Record<string, unknown> {
  if (rnd() < 0.5) {
    const user = pick(rnd, USERS);
    return {
      type: 'IAMUser',
      principalId: 'AIDA' + hex(rnd, 16).toUpperCase(),
      arn: `arn:aws:iam::${ACCOUNT}:user/${user}`,
      accountId: ACCOUNT,
      accessKeyId: 'AKIA' + hex(rnd, 16).toUpperCase(),
      userName: user,
    };
  }
  const role = pick(rnd, ['GameOps', 'FleetDeployer', 'ReadOnly']);
  return {
    type: 'AssumedRole',
    principalId: `AROA${hex(rnd, 16).toUpperCase()}:${pick(rnd, USERS)}`,
    arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${pick(rnd, USERS)}`,
    accountId: ACCOUNT,
    accessKeyId: 'ASIA' + hex(rnd, 16).toUpperCase(),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROA' + hex(rnd, 16).toUpperCase(),
        arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
        accountId: ACCOUNT,
        userName: role,
      },
      webIdFederationData: {},
      attributes: { creationDate: '2026-11-20T08:00:00Z', mfaAuthenticated: 'false' },
    },
  };
}

function time(rnd: () => number): string {
  const d = new Date(Date.UTC(2026, 10, 20, 0, 0, 0) + Math.floor(rnd() * 86400) * 1000);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function gameliftCall(rnd: () => number, fleetId: string): [string, unknown, unknown, boolean] {
  const r = rnd();
  if (r < 0.3) return ['DescribeFleetAttributes', { fleetIds: [fleetId] }, null, true];
  if (r < 0.45) return ['DescribeFleetEvents', { fleetId, limit: 50 }, null, true];
  if (r < 0.55) return ['DescribeFleetCapacity', { fleetIds: [fleetId] }, null, true];
  if (r < 0.65)
    return [
      'UpdateFleetCapacity',
      { fleetId, desiredInstances: Math.floor(rnd() * 10), minSize: 0, maxSize: 20 },
      { fleetId, fleetArn: `arn:aws:gamelift:us-west-2:${ACCOUNT}:fleet/${fleetId}` },
      false,
    ];
  if (r < 0.75) {
    const from = 33430 + Math.floor(rnd() * 100);
    return [
      'UpdateFleetPortSettings',
      {
        fleetId,
        inboundPermissionAuthorizations: [
          { fromPort: from, toPort: from + 10, ipRange: '10.24.34.0/23', protocol: 'UDP' },
        ],
      },
      { fleetId },
      false,
    ];
  }
  if (r < 0.85)
    return [
      'UpdateFleetAttributes',
      { fleetId, name: 'fleet-main', newGameSessionProtectionPolicy: 'FullProtection' },
      { fleetId },
      false,
    ];
  const build = `build-${uuid(rnd)}`;
  return [
    'CreateFleet',
    {
      name: 'SampleFleet',
      description: 'A sample fleet',
      buildId: build,
      eC2InstanceType: pick(rnd, ['c5.large', 'c5.xlarge', 'm5.large']),
      eC2InboundPermissions: [{ fromPort: 33435, toPort: 33435, ipRange: '0.0.0.0/0', protocol: 'UDP' }],
      newGameSessionProtectionPolicy: 'NoProtection',
      runtimeConfiguration: {
        serverProcesses: [{ launchPath: '/local/game/server', parameters: '-port 33435', concurrentExecutions: 1 }],
      },
      fleetType: 'ON_DEMAND',
      computeType: 'EC2',
    },
    {
      fleetAttributes: {
        fleetId,
        fleetArn: `arn:aws:gamelift:us-west-2:${ACCOUNT}:fleet/${fleetId}`,
        fleetType: 'ON_DEMAND',
        instanceType: 'c5.large',
        name: 'SampleFleet',
        status: 'NEW',
        buildId: build,
        operatingSystem: 'AMAZON_LINUX_2023',
        computeType: 'EC2',
        creationTime: 'Nov 20, 2026 11:40:14 PM',
      },
    },
    false,
  ];
}

function otherCall(rnd: () => number): [string, string, unknown, unknown, boolean] {
  const r = rnd();
  if (r < 0.3)
    return [
      's3.amazonaws.com',
      'GetBucketAcl',
      { bucketName: 'game-assets-' + hex(rnd, 6), Host: 'game-assets.s3.us-west-2.amazonaws.com', acl: '' },
      null,
      true,
    ];
  if (r < 0.6)
    return [
      'ec2.amazonaws.com',
      'DescribeInstances',
      { instancesSet: { items: [{ instanceId: 'i-' + hex(rnd, 17) }] }, filterSet: {} },
      null,
      true,
    ];
  if (r < 0.8)
    return [
      'sts.amazonaws.com',
      'AssumeRole',
      { roleArn: `arn:aws:iam::${ACCOUNT}:role/GameOps`, roleSessionName: pick(rnd, USERS) },
      {
        credentials: {
          accessKeyId: 'ASIA' + hex(rnd, 16).toUpperCase(),
          expiration: 'Nov 21, 2026 1:00:00 AM',
          sessionToken: hex(rnd, 120),
        },
      },
      false,
    ];
  return ['iam.amazonaws.com', 'ListRoles', { maxItems: 100 }, null, true];
}

/** How many records carry a finding: none, one in 200, or every one. */
export type DataProfile = 'clean' | 'sparse' | 'every';
export const DATA_PROFILES: readonly DataProfile[] = ['clean', 'sparse', 'every'];

export function makeRecord(rnd: () => number, i: number, profile: DataProfile = 'sparse'): Record<string, unknown> {
  const region = pick(rnd, REGIONS);
  const gamelift = rnd() < 0.5;
  let source: string, name: string, req: unknown, res: unknown, readOnly: boolean;
  if (gamelift) {
    const fleetId = `fleet-${uuid(rnd)}`;
    [name, req, res, readOnly] = gameliftCall(rnd, fleetId);
    source = 'gamelift.amazonaws.com';
  } else {
    [source, name, req, res, readOnly] = otherCall(rnd);
  }
  const rec: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: identity(rnd),
    eventTime: time(rnd),
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: `${10 + Math.floor(rnd() * 200)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}`,
    userAgent: pick(rnd, [
      'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64',
      'aws-sdk-js/3.600.0 ua/2.1 os/linux lang/js md/nodejs#20.11.0',
      'console.amazonaws.com',
    ]),
    requestParameters: req,
    responseElements: res,
    requestID: uuid(rnd),
    eventID: uuid(rnd),
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${source.split('.')[0]}.${region}.amazonaws.com`,
    },
  };
  if (rnd() < 0.05) {
    rec.errorCode = 'ThrottlingException';
    rec.errorMessage = 'Rate exceeded';
  }
  // About 1 in 200 records carries a mistake the checker reports.
  if (profile !== 'clean' && i % 200 === 199) {
    if (gamelift) rec.eventName = 'DescribeFleetAtributes';
    else rec.eventTime = (rec.eventTime as string).replace('Z', '.123Z');
  }
  if (profile === 'every') rec.recipientAccountId = '111122223333';
  return rec;
}

/** Builds a {"Records":[...]} text of about `bytes` bytes. */
export function makeCloudTrailText(bytes: number, pretty: boolean, seed = 42, profile: DataProfile = 'sparse'): string {
  const rnd = mulberry32(seed);
  const parts: string[] = [];
  let size = 0;
  const indent = pretty ? 2 : undefined;
  for (let i = 0; size < bytes; i++) {
    let s = JSON.stringify(makeRecord(rnd, i, profile), null, indent);
    if (pretty) s = s.replace(/\n/g, '\n    ');
    parts.push(s);
    size += s.length + 6;
  }
  return pretty ? `{\n  "Records": [\n    ${parts.join(',\n    ')}\n  ]\n}\n` : `{"Records":[${parts.join(',')}]}`;
}

/**
 * Writes (once) and returns the path of a generated file under bench/.data/ of about `mb` million
 * bytes: 50 MB stays under the 50 MiB (52,428,800 bytes) above which VS Code does not hand a
 * document to extensions.
 */
export function ensureBenchFile(root: string, mb: number, pretty: boolean, profile: DataProfile = 'sparse'): string {
  const dir = join(root, 'bench', '.data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `cloudtrail-${profile}-${mb}mb-${pretty ? 'pretty' : 'compact'}.json`);
  if (!existsSync(file) || statSync(file).size < mb * 1e6 * 0.95) {
    writeFileSync(file, makeCloudTrailText(mb * 1e6, pretty, 42, profile));
  }
  return file;
}
