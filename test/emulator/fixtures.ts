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
