// The VS Code webview API as a page sees it, typed with the page's protocol: posting is
// limited to its page messages (and `ready`) and the saved state to its state type.
import { systemClock } from '../../../common/clock';
import type { ReadyMessage } from '../../protocol';

export interface VsCodeApi<PageMessage, State> {
  postMessage(message: PageMessage | ReadyMessage): void;
  setState(state: State): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi<never, never>;

let api: unknown;

/** acquireVsCodeApi may be called only once per page. */
export function vscodeApi<PageMessage, State>(): VsCodeApi<PageMessage, State> {
  api ??= acquireVsCodeApi();
  return api as VsCodeApi<PageMessage, State>;
}

/** The host's clock, as the page sees it: keeps countdowns right when the host's clock is injected. */
export class HostClock {
  private offset = 0;
  sync(hostNow: number): void {
    this.offset = hostNow - systemClock.now();
  }
  now(): number {
    return systemClock.now() + this.offset;
  }
}
