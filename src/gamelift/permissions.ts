// The AWS operations each feature calls: the one table behind the README's permission list and
// its least-privilege IAM policy (scripts/readme-tables.mjs writes both) and the "not allowed"
// error. test/unit/permissions.test.ts holds it to the SDK commands the sources send. Kept
// free of imports so the README script can load it as it is.

export interface FeaturePermissions {
  /** What the user does that makes these calls. */
  readonly feature: string;
  /** IAM actions, `service:Operation`. */
  readonly actions: readonly string[];
}

export const PERMISSIONS: readonly FeaturePermissions[] = [
  {
    feature: 'Fleets view: list the fleets of each profile and region',
    actions: [
      'gamelift:ListFleets',
      'gamelift:DescribeFleetAttributes',
      'gamelift:ListContainerFleets',
      'gamelift:DescribeContainerFleet',
    ],
  },
  {
    feature:
      'Fleet events: expand a fleet, Load more, Load all in this range, watching, Fetch fleet events, Open log and a fresh event log link',
    actions: ['gamelift:DescribeFleetEvents'],
  },
  {
    feature:
      "Fetch fleet events for a fleet ID or ARN the tree does not list (its name and status), and watching an opened fleet's status",
    actions: ['gamelift:DescribeFleetAttributes', 'gamelift:DescribeContainerFleet'],
  },
  {
    feature: 'Who changed a fleet (Changes, Show CloudTrail history online): the last 90 days of GameLift calls',
    actions: ['cloudtrail:LookupEvents'],
  },
  {
    feature:
      "Fleet diagnosis (Diagnose fleet, the Diagnosis row, `gamelift-diagnose`): the fleet, its events since creation, its launch paths and the status of each of its locations; its logs come through the events' presigned links, which need no IAM action",
    actions: [
      'gamelift:DescribeFleetAttributes',
      'gamelift:DescribeContainerFleet',
      'gamelift:DescribeFleetEvents',
      'gamelift:DescribeRuntimeConfiguration',
      'gamelift:DescribeFleetLocationAttributes',
    ],
  },
  {
    feature:
      "Fleet overview and the tree's Locations and Computes rows: capacity and state per location, computes, container fleet deployments",
    actions: [
      'gamelift:DescribeFleetCapacity',
      'gamelift:DescribeFleetLocationCapacity',
      'gamelift:DescribeFleetLocationAttributes',
      'gamelift:ListCompute',
      'gamelift:ListFleetDeployments',
      'gamelift:DescribeFleetDeployment',
      'gamelift:DescribeFleetAttributes',
      'gamelift:DescribeContainerFleet',
      'gamelift:DescribeRuntimeConfiguration',
    ],
  },
  {
    feature: "Container fleet logs: find the fleet's log group, list its streams, open, search, follow and save",
    actions: ['logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'],
  },
];

/** Every action the extension may call, each once, in table order. */
export const ALL_ACTIONS: readonly string[] = [...new Set(PERMISSIONS.flatMap((p) => p.actions))];

/** The least-privilege IAM policy for everything above (all are read-only List/Describe calls). */
export function leastPrivilegePolicy(): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'GameLiftFleetExplorerRead', Effect: 'Allow', Action: [...ALL_ACTIONS], Resource: '*' }],
  };
}
