// What the details panel and the fleet timeline are given: the extension's shared services,
// the explorer they fetch through, and their own injectable services. A file of its own so the
// panels and their registration do not import each other.
import type { ExtensionDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';
import type { DetailsServices } from './services';

export interface DetailsDeps extends ExtensionDeps {
  readonly explorer: ExplorerApi;
  /** Clock, refetch and endpoint settings; tests inject their own. Default: the real ones. */
  readonly detailsServices?: DetailsServices;
}
