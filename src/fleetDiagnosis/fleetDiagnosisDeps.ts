// What the fleet diagnosis is given: the shared services, the explorer (fleets, loaded events,
// the Diagnosis row), the event logs (downloads, cached and renewed) and the details panels.
import type { AwsDeps } from '../deps';
import type { DetailsApi } from '../details/api';
import type { EventLogs } from '../eventLogs/eventLogs';
import type { ExplorerApi } from '../explorer/api';

export interface FleetDiagnosisDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
  readonly eventLogs: EventLogs;
  readonly details: DetailsApi;
}
