// `npm run demo` end to end, as a person runs it: it starts, prints the workbench URL, the
// local endpoint lists the sample fleets through the real SDK, the URL shows the workbench
// with our extension, and a SIGTERM to npm alone or a SIGINT to the script's node alone
// (what an editor's stop button sends) stops every process the demo started.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GameLiftClient, ListFleetsCommand } from '@aws-sdk/client-gamelift';
import { fromIni } from '@aws-sdk/credential-providers';
import { DEFAULT_TEST_ACCOUNT } from '../emulator/credentials';
import { readScenario } from '../emulator/scenario';
import { REPO_ROOT } from '../host/paths';
import { npmCommand } from '../support/npm';
import { GAMELIFT_ACTIVITY, getWorkbench } from './harness';

interface RunningDemo {
  npm: ChildProcess;
  url: string;
  endpoint: string;
  demoDir: string;
  tmpDir: string;
  output: () => string;
}

/** Starts `npm run demo` in its own process group (so our signals reach only whom we name). */
async function startDemo(): Promise<RunningDemo> {
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-demo-home-'));
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-demo-tmp-'));
  const [cmd, args] = npmCommand(['run', 'demo']);
  const npm = spawn(cmd, args, {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GAMELIFT_DEMO_BROWSER: '1', GAMELIFT_DEMO_DIR: demoDir, TMPDIR: tmpDir },
  });
  let text = '';
  npm.stdout.on('data', (d) => (text += d));
  npm.stderr.on('data', (d) => (text += d));
  const deadline = Date.now() + 180_000; // the first demo may provision or compile
  while (!/^DEMO_URL=/m.test(text)) {
    if (npm.exitCode !== null) assert.fail(`npm run demo exited with ${npm.exitCode}:\n${text}`);
    if (Date.now() > deadline) assert.fail(`npm run demo printed no DEMO_URL within 180 s:\n${text}`);
    await sleep(200);
  }
  const url = /^DEMO_URL=(\S+)/m.exec(text)![1];
  const endpoint = /endpoint (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  assert.ok(endpoint, `the demo names its local endpoint:\n${text}`);
  return { npm, url, endpoint, demoDir, tmpDir, output: () => text };
}

/** Every process below `root` with its process group, read from /proc (Linux). */
function descendants(root: number): Map<number, number> {
  const parentOf = new Map<number, { ppid: number; pgid: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) parentOf.set(pid, stat);
  }
  const found = new Map<number, number>();
  let frontier = [root];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const [pid, { ppid, pgid }] of parentOf) {
      if (frontier.includes(ppid) && !found.has(pid)) {
        found.set(pid, pgid);
        next.push(pid);
      }
    }
    frontier = next;
  }
  return found;
}

/** ppid and pgid from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function readStat(pid: number): { ppid: number; pgid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, , ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 1).split(' ');
    return { ppid: Number(ppid), pgid: Number(pgid) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** Processes still alive among `pids`, or in one of `groups`. */
function survivors(pids: Iterable<number>, groups: Set<number>): number[] {
  const left = new Set<number>();
  for (const pid of pids) if (readStat(pid)) left.add(pid);
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    const stat = Number.isInteger(pid) ? readStat(pid) : undefined;
    if (stat && groups.has(stat.pgid)) left.add(pid);
  }
  return [...left];
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '?';
  }
}

async function expectEverythingStopped(demo: RunningDemo, started: Map<number, number>): Promise<void> {
  const groups = new Set([demo.npm.pid!, ...started.values()]);
  const pids = [demo.npm.pid!, ...started.keys()];
  const deadline = Date.now() + 30_000;
  let left = survivors(pids, groups);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(250);
    left = survivors(pids, groups);
  }
  const described = left.map((pid) => `${pid} ${commandOf(pid)}`);
  // Whatever the verdict, nothing this test started may outlive it.
  for (const pid of left) killQuietly(pid);
  assert.deepStrictEqual(described, [], `processes the demo started are still running:\n${demo.output()}`);
  assert.deepStrictEqual(fs.readdirSync(demo.tmpDir), [], 'the demo removed its run directory');
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function listFleetIds(demo: RunningDemo): Promise<string[]> {
  const aws = path.join(demo.demoDir, 'home', '.aws');
  const client = new GameLiftClient({
    region: 'us-west-2',
    endpoint: demo.endpoint,
    credentials: fromIni({
      profile: DEFAULT_TEST_ACCOUNT.profile,
      filepath: path.join(aws, 'credentials'),
      configFilepath: path.join(aws, 'config'),
    }),
    maxAttempts: 1,
  });
  try {
    return (await client.send(new ListFleetsCommand({}))).FleetIds ?? [];
  } finally {
    client.destroy();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('npm run demo', function () {
  this.timeout(300_000);
  let demo: RunningDemo | undefined;

  afterEach(() => {
    if (!demo) return;
    for (const pid of [demo.npm.pid!, ...descendants(demo.npm.pid!).keys()]) killQuietly(pid);
    fs.rmSync(demo.demoDir, { recursive: true, force: true });
    fs.rmSync(demo.tmpDir, { recursive: true, force: true });
    demo = undefined;
  });

  it('serves the workbench and the sample fleets, and stops everything on a SIGTERM to npm alone', async () => {
    demo = await startDemo();
    const expected = (readScenario('default').accounts[0].regions?.['us-west-2'] ?? []).flatMap((f) =>
      f.fleetId ? [f.fleetId] : [],
    );
    assert.ok(expected.length > 0, 'the default scenario has fleets in us-west-2');
    const listed = await listFleetIds(demo);
    for (const id of expected) assert.ok(listed.includes(id), `ListFleets on the demo endpoint includes ${id}`);

    // The printed URL opens the workbench with the GameLift view container (the extension loaded).
    const { session } = await getWorkbench();
    const page = await session.context.newPage();
    try {
      await page.goto(demo.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.waitForSelector(GAMELIFT_ACTIVITY, { timeout: 120_000 });
    } finally {
      await page.close();
    }

    const started = descendants(demo.npm.pid!);
    assert.ok(started.size >= 3, `npm, the script, the emulator and the server run: ${[...started.keys()]}`);
    process.kill(demo.npm.pid!, 'SIGTERM');
    await expectEverythingStopped(demo, started);
  });

  it("stops everything on a SIGINT to the script's node process alone", async () => {
    demo = await startDemo();
    const started = descendants(demo.npm.pid!);
    const script = [...started.keys()].find(
      (pid) => commandOf(pid).includes('scripts/demo.mjs') && !commandOf(pid).startsWith('sh'),
    );
    assert.ok(script, `the demo script's node process: ${[...started.keys()].map(commandOf).join(' | ')}`);
    process.kill(script, 'SIGINT');
    await expectEverythingStopped(demo, started);
  });
});
