// Who stalled the extension host: a CPU profile of the host's main thread (the process these
// tests run in, through Node's inspector) taken together with a 1 ms timer that records every
// gap in the event loop. Each gap is a stall anything waiting on the host felt; the profile's
// samples inside it say whose code ran: this extension's (its bundle under dist/) or VS Code's
// and other extensions' (model sync, link detection, …). Work split into slices that yield to
// the event loop is not a stall, however long it runs in total.
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import { sampleEventLoop } from '../support/eventLoopSampler';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HostStall {
  /** Length of the gap in the event loop. */
  ms: number;
  /** CPU time in the gap with this extension's code on the stack (from the samples). */
  oursMs: number;
  /** The functions that ran most in the gap. */
  what: string;
  /** This extension's functions that ran most in the gap. */
  oursWhat: string;
}

export interface HostProfileSummary {
  /** Gaps of 20 ms or more, longest first. */
  stalls: HostStall[];
  /** The longest gap in which this extension's code ran for more than half the time (0 if none). */
  longestOursMs: number;
}

/** Event and message plumbing that sits under everything: not what a stall is about. */
const DISPATCH = new Set([
  '_deliver',
  'fire',
  '_receiveOneMessage',
  '_receiveRequest',
  '_receiveMessage',
  '_doInvokeHandler',
  '_invokeHandler',
  '_withAdapter',
  'listOnTimeout',
  'processTimers',
  'processTicksAndRejections',
  'runMicrotasks',
  'runNextTicks',
  'emit',
  'processImmediate',
]);
const MIN_STALL_MS = 20;

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Starts the profile and the gap timer; `stop()` ends both and attributes each stall (`bundle`: URL prefix of the extension's dist/ folder). */
export async function profileHost(bundle: string): Promise<{ stop(): Promise<HostProfileSummary> }> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  const sampler = sampleEventLoop(MIN_STALL_MS);
  return {
    async stop(): Promise<HostProfileSummary> {
      sampler.stop();
      const stoppedAt = performance.now();
      const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
      session.disconnect();
      return attribute(profile, bundle, stoppedAt, sampler.gaps);
    },
  };
}

function attribute(
  profile: Profile,
  bundle: string,
  stoppedAt: number,
  gaps: Array<[number, number]>,
): HostProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = (id: number): ProfileNode[] => {
    const out: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!);
    return out;
  };
  // Sample times on the performance.now() clock: the profile's end (its own clock, µs) is when
  // Profiler.stop was sent.
  const times: number[] = [];
  const offset = stoppedAt - profile.endTime / 1000;
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) times.push(offset + (t += dt) / 1000);

  const stalls = gaps.map(([from, to]): HostStall => {
    const counts = new Map<string, number>();
    const oursCounts = new Map<string, number>();
    let ours = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i] < from || times[i] > to) continue;
      const stack = frames(profile.samples[i]);
      // The time this sample stands for (up to the next one); few samples in a long gap mean the
      // thread did not run at all then (another process had the CPU), which is nobody's code.
      if (stack.some((f) => f.callFrame.url.startsWith(bundle)))
        ours += Math.min((profile.timeDeltas[i + 1] ?? 200) / 1000, 1);
      for (const f of stack) {
        const name = f.callFrame.functionName;
        if (
          !name ||
          name.startsWith('(') ||
          DISPATCH.has(name) ||
          f.callFrame.url === '' ||
          f.callFrame.url.startsWith('node:')
        )
          continue;
        const key = `${name} (${f.callFrame.url.split('/').pop()})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (f.callFrame.url.startsWith(bundle)) oursCounts.set(key, (oursCounts.get(key) ?? 0) + 1);
      }
    }
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k]) => k)
        .join(' < ');
    return { ms: to - from, oursMs: ours, what: top(counts) || 'native work', oursWhat: top(oursCounts) };
  });
  stalls.sort((a, b) => b.ms - a.ms);
  const longestOursMs = Math.max(0, ...stalls.filter((s) => s.oursMs > s.ms / 2).map((s) => s.ms));
  return { stalls, longestOursMs };
}
