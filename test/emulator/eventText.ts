// Believable text for emulated fleet events: a Message per event code (in the style the
// service writes them) and the game-server/instance log served behind PreSignedLogUrl.
// Everything is derived from a seeded random source so scenarios are the same every run.

import { seededRandom } from '../support/seededRandom';
export { seededRandom } from '../support/seededRandom';

/** A small stable hash of a string, for seeding. */
export function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface TextContext {
  readonly fleetId: string;
  readonly region: string;
  readonly buildId?: string;
  readonly instanceType?: string;
  /** Picks Windows or Linux launch paths. */
  readonly operatingSystem?: string;
  /** The fleet's own launch paths (its runtime configuration), used instead of the stock ones. */
  readonly launchPaths?: readonly string[];
  readonly random: () => number;
}

/** n random hex digits. */
export function hexDigits(random: () => number, n: number): string {
  let s = '';
  while (s.length < n)
    s += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, n);
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function instanceId(random: () => number): string {
  return `i-0${hexDigits(random, 16)}`;
}

const LINUX_LAUNCH_PATHS = ['/local/game/bin/ArenaServer', '/local/game/GameServer.x86_64'];
const WINDOWS_LAUNCH_PATHS = ['C:\\game\\Binaries\\Win64\\ArenaServer.exe', 'C:\\game\\GameServer.exe'];
const EXIT_CODES = [
  ['139', 'SIGSEGV'],
  ['134', 'SIGABRT'],
  ['137', 'SIGKILL'],
  ['1', 'exit'],
] as const;

/** The Message GameLift would write for `code` (unknown codes get a generic sentence). */
export function messageFor(code: string, ctx: TextContext): string {
  const r = ctx.random;
  const fleet = ctx.fleetId;
  const windows = ctx.operatingSystem?.startsWith('WINDOWS') ?? false;
  const build = ctx.buildId ?? 'build-00000000-0000-4000-8000-000000000000';
  // Parts are made on demand: big generated histories call this 100,000 times.
  const inst = () => instanceId(r);
  const path = () =>
    pick(
      r,
      ctx.launchPaths && ctx.launchPaths.length > 0
        ? ctx.launchPaths
        : windows
          ? WINDOWS_LAUNCH_PATHS
          : LINUX_LAUNCH_PATHS,
    );
  const pid = () => 1000 + Math.floor(r() * 30000);
  const location = () => pick(r, ['us-east-1', 'eu-central-1', 'ap-northeast-1', 'sa-east-1']);
  const gameSession = () =>
    `arn:aws:gamelift:${ctx.region}::gamesession/${fleet}/gsess-${hexDigits(r, 8)}-${hexDigits(r, 4)}-${hexDigits(r, 4)}-${hexDigits(r, 4)}-${hexDigits(r, 12)}`;
  const state = (from: string, to: string) => `Fleet ${fleet} changed state from ${from} to ${to}.`;
  const location_ = (to: string) => `Fleet location ${location()} for fleet ${fleet} changed state to ${to}.`;
  switch (code) {
    case 'GENERIC_EVENT':
      return pick(r, [
        `Runtime configuration for fleet ${fleet} updated: 3 server processes per instance, 1 concurrent activation.`,
        `Inbound permissions for fleet ${fleet} updated: UDP 7777-7877 from 0.0.0.0/0.`,
        `Fleet ${fleet} metric group changed to "arena-prod".`,
      ]);
    case 'FLEET_CREATED':
      return `Fleet ${fleet} created with build ${build}.`;
    case 'FLEET_DELETED':
      return `Deletion of fleet ${fleet} requested.`;
    case 'FLEET_EXPIRED':
      return `Fleet ${fleet} has expired and can no longer host game sessions.`;
    case 'FLEET_SCALING_EVENT': {
      const from = 1 + Math.floor(r() * 8);
      const to = Math.max(0, from + pick(r, [-2, -1, 1, 2, 3]));
      return `Desired instances for fleet ${fleet} changed from ${from} to ${to} by scaling policy "${pick(r, ['target-20pct-available', 'evening-peak', 'manual'])}".`;
    }
    case 'FLEET_STATE_DOWNLOADING':
      return state('NEW', 'DOWNLOADING');
    case 'FLEET_STATE_VALIDATING':
      return state('DOWNLOADING', 'VALIDATING');
    case 'FLEET_STATE_BUILDING':
      return state('VALIDATING', 'BUILDING');
    case 'FLEET_STATE_ACTIVATING':
      return state('BUILDING', 'ACTIVATING');
    case 'FLEET_STATE_ACTIVE':
      return state('ACTIVATING', 'ACTIVE');
    case 'FLEET_STATE_ERROR':
      return state('ACTIVATING', 'ERROR');
    case 'FLEET_STATE_PENDING':
      return `Container fleet ${fleet} changed state to PENDING.`;
    case 'FLEET_STATE_CREATING':
      return `Container fleet ${fleet} changed state from PENDING to CREATING.`;
    case 'FLEET_STATE_CREATED':
      return `Container fleet ${fleet} changed state from CREATING to CREATED.`;
    case 'FLEET_STATE_UPDATING':
      return `Container fleet ${fleet} changed state from ACTIVE to UPDATING: deploying container group definition version 3.`;
    case 'FLEET_INITIALIZATION_FAILED':
      return `Fleet ${fleet} failed to initialize: could not attach the instance role to instance ${inst()}.`;
    case 'FLEET_BINARY_DOWNLOAD_FAILED':
      return `Failed to download build ${build} to instance ${inst()}: the build archive is corrupt (unexpected end of zip file).`;
    case 'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND':
      return `Launch path ${path()} was not found in build ${build}. Check the runtime configuration.`;
    case 'FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE':
      return `Executable ${path()} exited with code 127 during validation on instance ${inst()}: error while loading shared libraries: libssl.so.1.1.`;
    case 'FLEET_VALIDATION_TIMED_OUT':
      return `Validation of fleet ${fleet} timed out after 30 minutes.`;
    case 'FLEET_ACTIVATION_FAILED':
      return `Fleet ${fleet} failed to activate: no server process reported ProcessReady within 5 minutes on instance ${inst()}.`;
    case 'FLEET_ACTIVATION_FAILED_NO_INSTANCES':
      return `Fleet ${fleet} failed to activate: no ${ctx.instanceType ?? 'c5.large'} instances were available in ${ctx.region}.`;
    case 'FLEET_NEW_GAME_SESSION_PROTECTION_POLICY_UPDATED':
      return `New game session protection policy for fleet ${fleet} changed from NoProtection to FullProtection.`;
    case 'SERVER_PROCESS_INVALID_PATH':
      return `Server process launch path ${path()} on instance ${inst()} is invalid or not executable.`;
    case 'SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT':
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} did not call InitSDK within 5 minutes and was terminated.`;
    case 'SERVER_PROCESS_PROCESS_READY_TIMEOUT':
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} did not call ProcessReady within 5 minutes and was terminated.`;
    case 'SERVER_PROCESS_CRASHED': {
      const [exit, signal] = pick(r, EXIT_CODES);
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} crashed with exit code ${exit} (${signal}).`;
    }
    case 'SERVER_PROCESS_TERMINATED_UNHEALTHY':
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} reported unhealthy for 3 consecutive health checks and was terminated.`;
    case 'SERVER_PROCESS_FORCE_TERMINATED':
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} was force-terminated: it did not shut down after OnProcessTerminate.`;
    case 'SERVER_PROCESS_PROCESS_EXIT_TIMEOUT':
      return `Server process ${path()} (pid ${pid()}) on instance ${inst()} did not exit within 30 seconds of calling ProcessEnding.`;
    case 'SERVER_PROCESS_SDK_INITIALIZATION_FAILED':
      return `Server process in container "game-server" on compute ${inst()} failed to initialize the server SDK: connection to the GameLift Servers agent refused.`;
    case 'SERVER_PROCESS_MISCONFIGURED_CONTAINER_PORT':
      return `Container "game-server" listens on port 7777, which is outside its container port range 4192-4282.`;
    case 'GAME_SESSION_ACTIVATION_TIMEOUT':
      return `Game session ${gameSession()} on instance ${inst()} was not activated within 60 seconds (OnStartGameSession did not call ActivateGameSession).`;
    case 'FLEET_CREATION_EXTRACTING_BUILD':
      return `Extracting build ${build} to ${windows ? 'C:\\game' : '/local/game'} on instance ${inst()}.`;
    case 'FLEET_CREATION_RUNNING_INSTALLER':
      return `Running install script ${windows ? 'install.bat' : 'install.sh'} for build ${build} on instance ${inst()}.`;
    case 'FLEET_CREATION_VALIDATING_RUNTIME_CONFIG':
      return `Validating runtime configuration: launch path ${path()} with 2 concurrent executions.`;
    case 'FLEET_CREATION_COMPLETED_INSTALLER':
      return `Install script for build ${build} completed successfully on instance ${inst()}.`;
    case 'FLEET_CREATION_FAILED_INSTALLER':
      return `Install script for build ${build} exited with code 1 on instance ${inst()}.`;
    case 'FLEET_VPC_PEERING_SUCCEEDED':
      return `VPC peering connection pcx-${hexDigits(r, 17)} between fleet ${fleet} and vpc-${hexDigits(r, 17)} is active.`;
    case 'FLEET_VPC_PEERING_FAILED':
      return `VPC peering for fleet ${fleet} failed: the CIDR block 10.0.0.0/16 of vpc-${hexDigits(r, 17)} overlaps the fleet's CIDR block.`;
    case 'FLEET_VPC_PEERING_DELETED':
      return `VPC peering connection pcx-${hexDigits(r, 17)} for fleet ${fleet} was deleted.`;
    case 'INSTANCE_INTERRUPTED':
      return `Spot instance ${inst()} in fleet ${fleet} was interrupted by EC2; ${1 + Math.floor(r() * 6)} game sessions ended.`;
    case 'INSTANCE_RECYCLED':
      return `Spot instance ${inst()} in fleet ${fleet} is being recycled after an EC2 rebalance recommendation.`;
    case 'INSTANCE_REPLACED_UNHEALTHY':
      return `Instance ${inst()} in fleet ${fleet} failed health checks and was replaced.`;
    case 'COMPUTE_LOG_UPLOAD_FAILED':
      return `Logs from compute ${inst()} could not be uploaded: the log directory exceeds the 2 GB upload limit.`;
    case 'GAME_SERVER_CONTAINER_GROUP_CRASHED':
      return `Game server container group on compute ${inst()} crashed: essential container "game-server" exited with code 139.`;
    case 'PER_INSTANCE_CONTAINER_GROUP_CRASHED':
      return `Per-instance container group on compute ${inst()} crashed: essential container "metrics-sidecar" exited with code 1.`;
    case 'GAME_SERVER_CONTAINER_GROUP_REPLACED_UNHEALTHY':
      return `Game server container group on compute ${inst()} failed its health check 3 times and was replaced.`;
    case 'LOCATION_STATE_PENDING':
      return location_('PENDING');
    case 'LOCATION_STATE_CREATING':
      return location_('CREATING');
    case 'LOCATION_STATE_CREATED':
      return location_('CREATED');
    case 'LOCATION_STATE_ACTIVATING':
      return location_('ACTIVATING');
    case 'LOCATION_STATE_ACTIVE':
      return location_('ACTIVE');
    case 'LOCATION_STATE_UPDATING':
      return location_('UPDATING');
    case 'LOCATION_STATE_ERROR':
      return `${location_('ERROR')} Insufficient capacity for ${ctx.instanceType ?? 'c5.large'} in ${location()}.`;
    case 'LOCATION_STATE_DELETING':
      return location_('DELETING');
    case 'LOCATION_STATE_DELETED':
      return location_('DELETED');
    default:
      return `Event ${code} for fleet ${fleet}.`;
  }
}

/** Codes whose events usually carry a log (PreSignedLogUrl). */
export const CODES_WITH_LOGS: ReadonlySet<string> = new Set([
  'FLEET_BINARY_DOWNLOAD_FAILED',
  'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND',
  'FLEET_VALIDATION_EXECUTABLE_RUNTIME_FAILURE',
  'FLEET_VALIDATION_TIMED_OUT',
  'FLEET_ACTIVATION_FAILED',
  'FLEET_CREATION_FAILED_INSTALLER',
  'FLEET_CREATION_COMPLETED_INSTALLER',
  'FLEET_INITIALIZATION_FAILED',
]);

/** A plausible log file for an event (what the presigned URL serves). */
export function logTextFor(
  event: { eventCode: string; eventTime: number; message: string; eventId: string },
  fleetId: string,
): string {
  const r = seededRandom(hashSeed(event.eventId));
  const t0 = event.eventTime - 5 * 60 * 1000;
  const at = (sec: number) => new Date(t0 + sec * 1000).toISOString();
  const lines = [
    `${at(0)} [INFO] gamelift-agent: instance ${instanceId(r)} starting server processes for fleet ${fleetId}`,
    `${at(1)} [INFO] launcher: /local/game/bin/ArenaServer -port 7777 -log=/local/game/logs/server.log`,
    `${at(2)} [INFO] ArenaServer: build 1.14.${Math.floor(r() * 300)} (${hexDigits(r, 8)}) starting`,
    `${at(3)} [INFO] ArenaServer: loading map "harbor_v3" (312 MB)`,
    `${at(9)} [INFO] ArenaServer: GameLiftServerAPI.InitSDK() -> success`,
  ];
  switch (event.eventCode) {
    case 'FLEET_BINARY_DOWNLOAD_FAILED':
      lines.push(`${at(10)} [ERROR] downloader: s3 GetObject failed after 3 attempts: unexpected end of zip file`);
      break;
    case 'FLEET_VALIDATION_LAUNCH_PATH_NOT_FOUND':
      lines.push(`${at(10)} [ERROR] validator: launch path does not exist: /local/game/bin/ArenaServer`);
      lines.push(`${at(10)} [INFO] validator: build root contains: ArenaServer.x86_64, Content/, install.sh`);
      break;
    case 'FLEET_CREATION_FAILED_INSTALLER':
    case 'FLEET_CREATION_COMPLETED_INSTALLER': {
      const ok = event.eventCode === 'FLEET_CREATION_COMPLETED_INSTALLER';
      lines.push(`${at(10)} [INFO] installer: running /local/game/install.sh`);
      lines.push(`${at(14)} [INFO] install.sh: yum install -y openssl11-libs`);
      lines.push(
        ok
          ? `${at(40)} [INFO] installer: install.sh exited with code 0`
          : `${at(40)} [ERROR] installer: install.sh exited with code 1: No package openssl11-libs available.`,
      );
      break;
    }
    default:
      lines.push(`${at(11)} [INFO] ArenaServer: GameLiftServerAPI.ProcessReady(port=7777)`);
      lines.push(`${at(30)} [WARN] ArenaServer: tick took 212 ms (budget 33 ms)`);
      lines.push(`${at(31)} [ERROR] ArenaServer: Segmentation fault in PhysicsWorld::Step (physics.cpp:418)`);
      lines.push(
        `${at(31)} [ERROR] ArenaServer: backtrace: #0 0x00000000004f2a1c #1 0x00000000004e11b0 #2 0x00007f3a2b1c2d90`,
      );
      lines.push(`${at(32)} [INFO] gamelift-agent: server process exited with code 139`);
  }
  lines.push(`${at(300)} [INFO] gamelift-agent: event ${event.eventCode}: ${event.message}`);
  return `${lines.join('\n')}\n`;
}
