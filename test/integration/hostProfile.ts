// CPU profile of the extension host's main thread (the process these tests run in), taken with
// Node's inspector, and who held the thread: the longest unbroken stretches of work, each named
// by the code that ran most in it, and the longest stretch in which this extension's own code
// (its bundle under dist/) was running. That tells "our code blocked the host" apart from
// "VS Code or another extension in the same host did" (model sync, link detection, …).
import { Session } from 'inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HostStretch {
  ms: number;
  /** The most frequent function frames in the stretch (outside the test's own sampler). */
  what: string;
}

export interface HostProfileSummary {
  /** Longest unbroken stretch in which any frame of the extension's bundle was on the stack. */
  oursMs: number;
  /** Longest unbroken stretches of any work, longest first. */
  longest: HostStretch[];
}

/** Event and message plumbing that sits under everything: not what a stretch is about. */
const DISPATCH = new Set(['_deliver', 'fire', '_receiveOneMessage', '_receiveRequest', '_receiveMessage', '_doInvokeHandler', '_invokeHandler', '_withAdapter', 'listOnTimeout', 'processTimers', 'processTicksAndRejections', 'runMicrotasks', 'runNextTicks', 'emit', 'processImmediate']);

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))));
}

/** Starts sampling every 200 µs; `stop()` ends it and summarises (bundle = the extension's dist/ folder URL prefix). */
export async function profileHost(bundle: string): Promise<{ stop(): Promise<HostProfileSummary> }> {
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
  await post(session, 'Profiler.start');
  return {
    async stop(): Promise<HostProfileSummary> {
      const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
      session.disconnect();
      return summarise(profile, bundle);
    },
  };
}

function summarise(profile: Profile, bundle: string): HostProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const frames = (id: number): ProfileNode[] => {
    const out: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!);
    return out;
  };
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === '(idle)';
  const isOurs = (id: number) => frames(id).some((f) => f.callFrame.url.startsWith(bundle));
  const isNeutral = (id: number) => {
    const name = byId.get(id)?.callFrame.functionName;
    return name === '(garbage collector)' || name === '(program)';
  };

  const stretches: Array<{ ms: number; ids: number[] }> = [];
  let oursMs = 0;
  let current: { ms: number; ids: number[] } | undefined;
  let oursRun = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    if (isIdle(id)) {
      if (current) stretches.push(current);
      current = undefined;
      oursRun = 0;
      continue;
    }
    current ??= { ms: 0, ids: [] };
    current.ms += dt;
    current.ids.push(id);
    // Garbage collection and VM work carry no JavaScript frames: they extend a run of ours.
    const neutral = isNeutral(id);
    oursRun = isOurs(id) || (neutral && oursRun > 0) ? oursRun + dt : 0;
    oursMs = Math.max(oursMs, oursRun);
  }
  if (current) stretches.push(current);
  stretches.sort((a, b) => b.ms - a.ms);
  const longest = stretches.slice(0, 3).map((s) => {
    const counts = new Map<string, number>();
    for (const id of s.ids) {
      for (const f of frames(id)) {
        const name = f.callFrame.functionName;
        if (!name || name.startsWith('(') || DISPATCH.has(name) || f.callFrame.url === '' || f.callFrame.url.startsWith('node:')) continue;
        const key = `${name} (${f.callFrame.url.split('/').pop()})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k);
    return { ms: s.ms, what: top.join(' < ') || 'native work' };
  });
  return { oursMs, longest };
}
