// What bench/overview.bench.ts bundles with esbuild as the extension ships it: the fleet
// overview and container log cores with the real SDK clients.
export { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
export { GameLiftClient } from '@aws-sdk/client-gamelift';
export { formatLogLine, renderLogText, StreamLabels } from '../src/containerLogs/formatLogLine';
export { ContainerLogReader } from '../src/containerLogs/logReader';
export { exportLogWindow } from '../src/containerLogs/saveLog';
export { ComputePager, listComputes } from '../src/gamelift/computes';
export { describeHomeCapacities, describeLocationCapacity } from '../src/gamelift/fleetCapacity';
export { summarizeFleetResources } from '../src/gamelift/fleetResourceSummary';
export { describeFleet } from '../src/gamelift/fleetService';
export { sampleEventLoop } from '../test/support/eventLoopSampler';
