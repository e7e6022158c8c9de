// What the container log commands are given: the shared services, the explorer (fleet summaries
// and its fleet pick) and its prompts, which integration tests answer.
import type { AwsDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';
import type { Prompts } from '../explorer/prompts';

export interface ContainerLogDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
  readonly prompts: Prompts;
}
