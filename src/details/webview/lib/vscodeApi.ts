// The VS Code webview API, typed with our protocol: posting is limited to PageMessage and
// the saved state to PersistedState.
import { systemClock } from '../../../shared/clock';
import type { PageMessage, PersistedState } from '../../protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: PersistedState): void;
  getState(): unknown;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

/** acquireVsCodeApi may be called only once per page. */
export function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
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
