// What the fleet timeline is given: the extension's shared services, the explorer whose loaded
// events it draws, and the details panels it opens an event in.
import type { AwsDeps } from '../deps';
import type { DetailsApi } from '../details/api';
import type { ExplorerApi } from '../explorer/api';

export interface TimelineDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
  readonly details: DetailsApi;
}
