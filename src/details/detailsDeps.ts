// What the details panel and the fleet timeline are given: the extension's shared services
// the explorer whose loaded events they show, and the event logs. A file of its own so the panels and their
// registration do not import each other.
import type { AwsDeps } from '../deps';
import type { EventLogs } from '../eventLogs/eventLogs';
import type { ExplorerApi } from '../explorer/api';

export interface DetailsDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
  /** Opens, renews and caches event logs (the details panel's Open log and Open in browser). */
  readonly eventLogs: EventLogs;
}
