// What bench/host/activationProbe.ts (inside the VS Code host) reports to
// bench/activation.bench.ts (the runner): one line starting with RESULT_PREFIX.

export const RESULT_PREFIX = '##activation-bench ';

export interface Load {
  /** Relative to the extension's dist/. */
  readonly file: string;
  readonly bytes: number;
  /** Evaluating the file (its top-level code and what it requires). */
  readonly requireMs: number;
  /** Calls into what it exports (activate, a register function). */
  readonly callMs: number;
}

export interface ProbeResult {
  readonly path: string;
  /** The extension's dist/*.js files loaded, in order. */
  readonly loads: readonly Load[];
  /** Evaluating them and the calls into what they export (activate, a bundle's register function). */
  readonly ms: number;
  readonly error?: string;
}
