// What the fleet overview is given: the extension's shared services and the explorer, which knows
// the fleet's summary (name, kind) and picks a fleet for the palette command.
import type { AwsDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';

export interface OverviewDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
}
