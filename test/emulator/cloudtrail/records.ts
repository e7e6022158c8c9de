// CloudTrail records as AWS writes them (field order, userIdentity shapes, GameLift's
// camelCase request parameters and Java-style times in responseElements), built from a call
// description and a seeded PRNG, so the endpoint's LookupEvents and the delivery generator
// produce the same kind of record every run.
import { hexDigits } from '../eventText';

/** Who made a call: the identities a studio's trail typically shows. */
export type Actor =
  | { readonly type: 'IAMUser'; readonly userName: string }
  | { readonly type: 'AssumedRole'; readonly role: string; readonly session: string }
  | { readonly type: 'AWSService'; readonly service: string }
  | { readonly type: 'Root' };

/** The named people and pipelines of the generated histories (the "who" of "who changed it"). */
export const ACTORS: readonly Actor[] = [
  { type: 'AssumedRole', role: 'GameOps', session: 'alice@example.com' },
  { type: 'AssumedRole', role: 'GameOps', session: 'bob@example.com' },
  { type: 'IAMUser', userName: 'carol' },
  { type: 'AssumedRole', role: 'github-deployer', session: 'GitHubActions' },
  { type: 'IAMUser', userName: 'live-ops-bot' },
  { type: 'AWSService', service: 'autoscaling.amazonaws.com' },
  { type: 'Root' },
];

export interface TrailCall {
  /** Epoch ms; written as whole seconds, as CloudTrail does. */
  readonly time: number;
  readonly accountId: string;
  readonly region: string;
  readonly actor: Actor;
  readonly eventSource: string;
  readonly eventName: string;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
  readonly readOnly: boolean;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly resources?: ReadonlyArray<{ readonly ARN: string; readonly accountId: string; readonly type: string }>;
}

const USER_AGENTS = [
  'aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe command/gamelift.update-fleet-capacity',
  'aws-sdk-js/3.1133.0 ua/2.1 os/linux#6.8.0 lang/js md/nodejs#20.19.0 api/gamelift#3.1133.0 m/E',
  'Boto3/1.35.0 md/Botocore#1.35.0 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.4 Botocore/1.35.0',
  'AWS Internal',
];

/** Deterministic UUID from the PRNG. */
export function uuidFrom(random: () => number): string {
  const h = hexDigits(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `2026-11-20T10:05:00Z`: CloudTrail's eventTime (UTC, whole seconds). */
export function trailTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** GameLift's responseElements carry times as Java's default text, e.g. `Nov 20, 2026 10:05:00 AM`. */
export function javaTime(ms: number): string {
  const d = new Date(ms);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${month} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h % 12 || 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The IAM user name LookupEvents reports as `Username` (the session name for roles). */
export function lookupUsername(actor: Actor): string | undefined {
  switch (actor.type) {
    case 'IAMUser':
      return actor.userName;
    case 'AssumedRole':
      return actor.session;
    case 'Root':
      return 'root';
    default:
      return undefined;
  }
}

function identity(actor: Actor, accountId: string, random: () => number): Record<string, unknown> {
  const key = () => hexDigits(random, 16).toUpperCase();
  switch (actor.type) {
    case 'IAMUser':
      return {
        type: 'IAMUser',
        principalId: `AIDA${key()}`,
        arn: `arn:aws:iam::${accountId}:user/${actor.userName}`,
        accountId,
        accessKeyId: `AKIA${key()}`,
        userName: actor.userName,
      };
    case 'AssumedRole': {
      const roleId = `AROA${key()}`;
      return {
        type: 'AssumedRole',
        principalId: `${roleId}:${actor.session}`,
        arn: `arn:aws:sts::${accountId}:assumed-role/${actor.role}/${actor.session}`,
        accountId,
        accessKeyId: `ASIA${key()}`,
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: roleId,
            arn: `arn:aws:iam::${accountId}:role/${actor.role}`,
            accountId,
            userName: actor.role,
          },
          attributes: { creationDate: '2026-11-20T08:00:00Z', mfaAuthenticated: 'false' },
        },
      };
    }
    case 'AWSService':
      return { type: 'AWSService', invokedBy: actor.service };
    case 'Root':
      return {
        type: 'Root',
        principalId: accountId,
        arn: `arn:aws:iam::${accountId}:root`,
        accountId,
        accessKeyId: `ASIA${key()}`,
      };
  }
}

function sourceIp(actor: Actor, random: () => number): string {
  if (actor.type === 'AWSService') return actor.service;
  // Documentation ranges (RFC 5737) only.
  const nets = ['192.0.2.', '198.51.100.', '203.0.113.'];
  return `${nets[Math.floor(random() * nets.length)]}${1 + Math.floor(random() * 250)}`;
}

/** The full record for one call, in CloudTrail's field order. */
export function cloudTrailRecord(call: TrailCall, random: () => number): Record<string, unknown> {
  const service = call.eventSource.split('.')[0];
  const record: Record<string, unknown> = {
    eventVersion: '1.11',
    userIdentity: identity(call.actor, call.accountId, random),
    eventTime: trailTime(call.time),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: call.region,
    sourceIPAddress: sourceIp(call.actor, random),
    userAgent:
      call.actor.type === 'AWSService'
        ? call.actor.service
        : USER_AGENTS[Math.floor(random() * (USER_AGENTS.length - 1))],
  };
  if (call.errorCode) {
    record.errorCode = call.errorCode;
    record.errorMessage = call.errorMessage ?? call.errorCode;
  }
  record.requestParameters = call.requestParameters;
  record.responseElements = call.errorCode ? null : call.responseElements;
  record.requestID = uuidFrom(random);
  record.eventID = uuidFrom(random);
  record.readOnly = call.readOnly;
  if (call.resources) record.resources = call.resources;
  record.eventType = 'AwsApiCall';
  record.managementEvent = true;
  record.recipientAccountId = call.accountId;
  record.eventCategory = 'Management';
  if (call.actor.type !== 'AWSService') {
    record.tlsDetails = {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: `${service}.${call.region}.amazonaws.com`,
    };
  }
  return record;
}

/** What a GameLift call on a fleet looks like in CloudTrail: name, parameters, response. */
export interface FleetCallShape {
  readonly eventName: string;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
  readonly readOnly: boolean;
}

export interface FleetFacts {
  readonly fleetId: string;
  readonly fleetArn: string;
  readonly name?: string;
  readonly buildId?: string;
  readonly instanceType?: string;
  readonly operatingSystem?: string;
  readonly fleetType?: string;
}

/** The write and read calls the generated histories use, with GameLift's parameter names. */
export const FLEET_CALLS = {
  create(f: FleetFacts, at: number): FleetCallShape {
    const attributes = {
      fleetId: f.fleetId,
      fleetArn: f.fleetArn,
      fleetType: f.fleetType ?? 'ON_DEMAND',
      instanceType: f.instanceType ?? 'c5.large',
      name: f.name ?? 'arena-fleet',
      creationTime: javaTime(at),
      status: 'NEW',
      buildId: f.buildId ?? 'build-1111aaaa-22bb-33cc-44dd-5555eeee6666',
      operatingSystem: f.operatingSystem ?? 'AMAZON_LINUX_2023',
      newGameSessionProtectionPolicy: 'NoProtection',
      computeType: 'EC2',
    };
    return {
      eventName: 'CreateFleet',
      requestParameters: {
        name: attributes.name,
        buildId: attributes.buildId,
        eC2InstanceType: attributes.instanceType,
        eC2InboundPermissions: [{ fromPort: 7777, toPort: 7787, ipRange: '0.0.0.0/0', protocol: 'UDP' }],
        fleetType: attributes.fleetType,
        runtimeConfiguration: {
          serverProcesses: [
            { launchPath: '/local/game/bin/ArenaServer', parameters: '-port 7777', concurrentExecutions: 1 },
          ],
        },
        newGameSessionProtectionPolicy: 'NoProtection',
      },
      responseElements: {
        fleetAttributes: attributes,
        locationStates: [{ location: f.fleetArn.split(':')[3], status: 'NEW' }],
      },
      readOnly: false,
    };
  },
  scale(f: FleetFacts, desired: number): FleetCallShape {
    return {
      eventName: 'UpdateFleetCapacity',
      requestParameters: { fleetId: f.fleetId, desiredInstances: desired, minSize: 0, maxSize: Math.max(10, desired) },
      responseElements: { fleetId: f.fleetId, fleetArn: f.fleetArn },
      readOnly: false,
    };
  },
  updateAttributes(f: FleetFacts, protection: 'FullProtection' | 'NoProtection'): FleetCallShape {
    return {
      eventName: 'UpdateFleetAttributes',
      requestParameters: { fleetId: f.fleetId, newGameSessionProtectionPolicy: protection },
      responseElements: { fleetId: f.fleetId, fleetArn: f.fleetArn },
      readOnly: false,
    };
  },
  updateRuntime(f: FleetFacts, processes: number): FleetCallShape {
    const runtimeConfiguration = {
      serverProcesses: [
        { launchPath: '/local/game/bin/ArenaServer', parameters: '-port 7777', concurrentExecutions: processes },
      ],
      maxConcurrentGameSessionActivations: 2,
      gameSessionActivationTimeoutSeconds: 300,
    };
    return {
      eventName: 'UpdateRuntimeConfiguration',
      requestParameters: { fleetId: f.fleetId, runtimeConfiguration },
      responseElements: { runtimeConfiguration },
      readOnly: false,
    };
  },
  putScalingPolicy(f: FleetFacts, target: number): FleetCallShape {
    return {
      eventName: 'PutScalingPolicy',
      requestParameters: {
        name: 'keep-20-percent-free',
        fleetId: f.fleetId,
        policyType: 'TargetBased',
        metricName: 'PercentAvailableGameSessions',
        targetConfiguration: { targetValue: target },
      },
      responseElements: { name: 'keep-20-percent-free' },
      readOnly: false,
    };
  },
  delete(f: FleetFacts): FleetCallShape {
    return {
      eventName: 'DeleteFleet',
      requestParameters: { fleetId: f.fleetId },
      responseElements: null,
      readOnly: false,
    };
  },
  describeAttributes(fleetIds: readonly string[]): FleetCallShape {
    return {
      eventName: 'DescribeFleetAttributes',
      requestParameters: { fleetIds },
      responseElements: null,
      readOnly: true,
    };
  },
  describeEvents(f: FleetFacts): FleetCallShape {
    return {
      eventName: 'DescribeFleetEvents',
      requestParameters: { fleetId: f.fleetId, limit: 100 },
      responseElements: null,
      readOnly: true,
    };
  },
  describeCapacity(fleetIds: readonly string[]): FleetCallShape {
    return {
      eventName: 'DescribeFleetCapacity',
      requestParameters: { fleetIds },
      responseElements: null,
      readOnly: true,
    };
  },
  listFleets(): FleetCallShape {
    return { eventName: 'ListFleets', requestParameters: { limit: 50 }, responseElements: null, readOnly: true };
  },
} as const;

/** A few calls of other services, so a trail is not GameLift only (source filters have work to do). */
export function otherServiceCall(
  random: () => number,
  accountId: string,
): Pick<TrailCall, 'eventSource' | 'eventName' | 'requestParameters' | 'responseElements' | 'readOnly'> {
  const r = random();
  if (r < 0.35)
    return {
      eventSource: 'ec2.amazonaws.com',
      eventName: 'DescribeInstances',
      requestParameters: { instancesSet: {}, filterSet: { items: [{ name: 'tag:fleet', valueSet: {} }] } },
      responseElements: null,
      readOnly: true,
    };
  if (r < 0.6)
    return {
      eventSource: 's3.amazonaws.com',
      eventName: 'GetBucketLocation',
      requestParameters: {
        bucketName: 'studio-game-builds',
        Host: 'studio-game-builds.s3.amazonaws.com',
        location: '',
      },
      responseElements: null,
      readOnly: true,
    };
  if (r < 0.8)
    return {
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      requestParameters: {
        roleArn: `arn:aws:iam::${accountId}:role/GameOps`,
        roleSessionName: 'alice@example.com',
        durationSeconds: 3600,
      },
      responseElements: {
        credentials: {
          accessKeyId: `ASIA${hexDigits(random, 16).toUpperCase()}`,
          expiration: 'Nov 21, 2026 1:00:00 AM',
        },
        assumedRoleUser: {
          assumedRoleId: `AROA${hexDigits(random, 16).toUpperCase()}:alice@example.com`,
          arn: `arn:aws:sts::${accountId}:assumed-role/GameOps/alice@example.com`,
        },
      },
      readOnly: false,
    };
  if (r < 0.92)
    return {
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'PutMetricAlarm',
      requestParameters: {
        alarmName: 'arena-prod-crashes',
        metricName: 'ServerProcessAbnormalTerminations',
        namespace: 'AWS/GameLift',
        threshold: 5,
      },
      responseElements: null,
      readOnly: false,
    };
  return {
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListRoles',
    requestParameters: { maxItems: 100 },
    responseElements: null,
    readOnly: true,
  };
}
