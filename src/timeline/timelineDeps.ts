// What the fleet timeline is given: the extension's shared services, the explorer whose loaded
// events it draws, and the details panels it opens an event in.
import type { ExtensionDeps } from '../deps';
import type { DetailsApi } from '../details/api';
import type { ExplorerApi } from '../explorer/api';

export interface TimelineDeps extends ExtensionDeps {
  readonly explorer: ExplorerApi;
  readonly details: DetailsApi;
}
