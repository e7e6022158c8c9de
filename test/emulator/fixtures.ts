// Well-known fleets of the `default` scenario (test/emulator/scenarios/default.json), so tests
// and the demo can name them without copying IDs around. A unit test checks they exist.

export const DEFAULT_FLEETS = {
  /** local-dev, us-west-2: ACTIVE, thousands of events (generated from a seed), 2 remote locations. */
  busy: 'fleet-9a0e4bd6-4f1d-4560-82f5-34278d3e6fa9',
  /** local-dev, us-west-2: ERROR after a failed activation (created → downloads → validation → crashes → ERROR). */
  failedActivation: 'fleet-fd544dea-987b-455f-957c-f0ce1696497d',
  /** local-dev, us-west-2: ACTIVATING. */
  activating: 'fleet-0462d464-2283-4600-a18a-1a9be386a220',
  /** local-dev, us-west-2: DOWNLOADING (Windows). */
  downloading: 'fleet-110ffec9-c0f6-411a-8e25-2ece11bcccf2',
  /** local-dev, us-west-2: DELETING. */
  deleting: 'fleet-6e78cae0-60d4-472a-af6f-518ac263fa57',
  /** local-dev, us-west-2: managed container fleet (not in DescribeFleetAttributes). */
  container: 'containerfleet-97697bfc-ee22-4cf2-857d-aba7b83cbe62',
  /** local-dev, us-west-2: SPOT fleet with interruptions. */
  spot: 'fleet-295bd142-e054-4417-bd84-983d083d7876',
  /** local-dev, us-west-2: Anywhere fleet; has one unknown future event code (FLEET_HIBERNATION_SCHEDULED). */
  anywhere: 'fleet-74f31725-4687-45a3-9cd7-1d8a052c5091',
  /** local-dev, eu-west-1: ACTIVE with VPC peering and location events. */
  euActive: 'fleet-21e99355-26f7-404b-9124-0533afcc3eec',
  /** local-dev, eu-west-1: ERROR, download and validation failures (Windows). */
  euValidationFailed: 'fleet-5c34cce1-540b-45cb-a23f-529ac23bade3',
  /** local-dev, eu-west-1: ERROR, no instances available. */
  euNoInstances: 'fleet-101c2ca8-88ea-4a31-b05d-fb986aac2b7b',
  /** local-qa, us-west-2: ACTIVE. */
  qaSmoke: 'fleet-055bea40-acab-486e-bad0-66054117e59c',
  /** local-qa, us-west-2: ERROR after the install script failed. */
  qaSoak: 'fleet-ec56e8b9-a7c9-40c1-898b-8b459f8399a9',
} as const;

/** The event code in the default scenario that no catalog knows (must land in "Other"). */
export const UNKNOWN_EVENT_CODE = 'FLEET_HIBERNATION_SCHEDULED';

/** The fleet with hostile strings in the `hostile` scenario (local-dev, us-west-2). */
export const HOSTILE_FLEET = 'fleet-53ad679d-b5c0-4363-869c-fe66337bb388';

/** The 100,000-event fleet of the `large` scenario (local-dev, us-west-2). */
export const FIREHOSE_FLEET = 'fleet-0b1c2d3e-4f50-4617-a829-3a4b5c6d7e8f';

/** The Region (of local-dev in `default`) that holds one fleet per story of the diagnosis (issue 16). */
export const DIAGNOSIS_REGION = 'us-east-2';

/** One fleet per diagnosis story, local-dev / us-east-2 of the `default` scenario. */
export const DIAGNOSIS_FLEETS = {
  /** the build archive is truncated, so it cannot be extracted (log served gzip-compressed). */
  buildDownload: 'fleet-ff249e15-c2b8-4e88-b09c-434795f3c4e9',
  /** install.sh was committed from Windows with CRLF line endings. */
  installerCrlf: 'fleet-c19c5256-0a5a-4b89-84da-215e487a9ea2',
  /** install.sh builds glibc, but make is not installed. */
  installerTools: 'fleet-258beef6-f899-4969-bad8-8a7934b136f3',
  /** a Windows launch path on a Linux fleet. */
  launchPathWindows: 'fleet-e3d36da1-2f88-4ee5-a639-ce782d2fec98',
  /** the launch path points outside /local/game. */
  launchPathOutside: 'fleet-2652ec2c-6479-44a0-99f5-e63672c8f794',
  /** the server needs libssl.so.1.1, which Amazon Linux 2023 does not have. */
  executableFailure: 'fleet-3f3dd2a0-13e6-422f-b240-5f6165bb639f',
  /** validation timed out on a 28 GB build. */
  validationTimeout: 'fleet-5577fca3-5f81-41a4-9476-a2dbaf6b0510',
  /** the server crashes while loading its first map. */
  activationFailed: 'fleet-8d6a66a7-4afc-4723-8dd3-c66d24f89832',
  /** no g5.2xlarge capacity for the fleet. */
  noInstances: 'fleet-4b22c304-1b01-4fee-a89b-dabae4601ff3',
  /** a Unity server launched without -batchmode never calls InitSDK(). */
  noInitSdk: 'fleet-e09e392a-ab17-4db5-9022-e7aa8e880f2e',
  /** an Unreal server calls InitSDK() but never ProcessReady() (still ACTIVATING). */
  noProcessReady: 'fleet-68cb13bb-4a79-4b6c-9bf2-0ed8f6c8e79d',
  /** ACTIVE, crashes rising over the last 12 hours. */
  crashLoop: 'fleet-5055d68e-392e-471d-b8ed-0b8b1bd34ac1',
  /** ACTIVE, game sessions time out before ActivateGameSession(). */
  sessionTimeouts: 'fleet-2e94d3d1-fb83-49e9-b30f-11cb6b5a3b68',
  /** ACTIVE Spot fleet losing instances. */
  spotInterruptions: 'fleet-9d276592-b103-402a-9612-99e317df683d',
  /** ACTIVE, VPC peering failed on overlapping CIDR blocks. */
  vpcPeering: 'fleet-a704c172-79d6-48aa-b373-be22a1fcea55',
  /** ACTIVE at home, ap-southeast-2 in ERROR. */
  locationError: 'fleet-9b59db00-58c4-4317-b937-7dadd102f810',
  /** ACTIVE container fleet whose game server container keeps crashing. */
  containerCrashes: 'containerfleet-9496f16d-5278-403c-8629-9e3c301fa1c1',
  /** a container fleet whose game server listens outside its port range (still ACTIVATING). */
  containerPorts: 'containerfleet-1a5a9c37-f5e1-4739-a770-e62f0ed9bd1a',
  /** ACTIVATING with no event for over 3 hours. */
  stuck: 'fleet-21b19d4a-da58-48b9-b748-6709f6bf522a',
  /** ACTIVE and well (the control case). */
  healthy: 'fleet-639f0e42-88dc-412e-a327-87331b26eceb',
} as const;

/** The Region (of local-dev in `default`) holding the fleet-overview stories of issue 17. */
export const OVERVIEW_REGION = 'ap-southeast-2';

/** One fleet per overview story, local-dev / ap-southeast-2 of the `default` scenario. */
export const OVERVIEW_FLEETS = {
  /** EC2, home ACTIVE plus four locations: ap-south-1 in ERROR, ap-southeast-1 with auto-scaling stopped, us-west-2 pending an update. */
  multiLocation: 'fleet-e7428982-a54c-4cb6-9112-13eb99e6dedb',
  /** Anywhere, two custom locations, four registered computes: one IMPAIRED, one PENDING. */
  anywhere: 'fleet-630fbcfe-39f6-4fab-982d-cfa4c141acf2',
  /** Container fleet UPDATING: deployment of version 5 rolling back, IMPAIRED computes, CloudWatch logs with crashes. */
  containerRollback: 'containerfleet-9d22e19a-2fd1-48d7-8fba-0f3bb613e28f',
  /** Container fleet whose logs go to S3. */
  containerS3Logs: 'containerfleet-82ea0ecf-5b4a-42c4-8603-c6c1a5e4a398',
  /** Container fleet without log collection (LogDestination NONE). */
  containerNoLogs: 'containerfleet-b8335179-ec88-4f3b-8b36-2436ed418a9f',
} as const;

/** The log group of OVERVIEW_FLEETS.containerRollback and its stream with the crashes. */
export const OVERVIEW_LOG_GROUP = `/aws/gamelift/${OVERVIEW_FLEETS.containerRollback}`;
export const OVERVIEW_CRASH_STREAM = 'game-server/i-0c4f1a9e27b3d5e60/3f9a0c7e1b2d';

/** A Region that is a home for single-location fleets only: location calls answer UnsupportedRegionException. */
export const SINGLE_LOCATION_REGION = 'eu-west-3';
/** local-dev / eu-west-3 of `default`: an ACTIVE EC2 fleet there. */
export const SINGLE_LOCATION_FLEET = 'fleet-25fcad9e-f46f-45ce-9470-8cf8f90f5084';

/** The `overview-large` scenario (local-dev, us-west-2): an EC2 fleet in 10 locations with 2,000 computes. */
export const SCALE_LOCATIONS_FLEET = 'fleet-5ca1e000-0000-4000-8000-000000000010';
/** The `overview-large` container fleet whose log group holds 100,000 lines from the last hour. */
export const SCALE_LOGS_FLEET = 'containerfleet-5ca1e000-0000-4000-8000-000000100000';
export const SCALE_LOG_GROUP = `/aws/gamelift/${SCALE_LOGS_FLEET}`;
