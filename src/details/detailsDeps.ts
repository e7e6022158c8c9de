// What the details panel and the fleet timeline are given: the extension's shared services
// and the explorer whose loaded events they show. A file of its own so the panels and their
// registration do not import each other.
import type { AwsDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';

export interface DetailsDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
}
