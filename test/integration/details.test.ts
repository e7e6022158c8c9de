// The event details panel and the fleet timeline inside a real VS Code, fed by the explorer
// over the real SDK from the local endpoint. Events are opened exactly as a click in the tree
// does (the event node's own command and arguments); page actions are delivered through the
// same validator and handler the page's messages go through; the panels' state is read back
// with the development-only `gamelift.details._snapshot` and `gamelift.timeline._snapshot`
// commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as vscode from 'vscode';
import type { DetailsSnapshot } from '../../src/details/detailsController';
import { describeExpiry } from '../../src/details/expiry';
import { presignedUrlExpiry } from '../../src/gamelift/logUrl';
import type { TimelineViewModel } from '../../src/timeline/protocol';
import type { TimelinesSnapshot } from '../../src/timeline/timelines';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { FleetEvent, FleetRef } from '../../src/gamelift/types';
import { windowPrompts } from '../../src/explorer/prompts';
import { explorerHooks, ScriptedPrompts, waitFor } from './explorerSupport';

interface EventArg {
  readonly ref: FleetRef;
  readonly event: FleetEvent;
}

const ENDPOINT = process.env.GAMELIFT_TEST_ENDPOINT ?? '';

/** "20260511T100000Z", as X-Amz-Date writes a time. */
function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The details panels and the timelines as their test hooks report them. */
async function snapshot(): Promise<DetailsSnapshot & TimelinesSnapshot> {
  const details = await vscode.commands.executeCommand<DetailsSnapshot>('gamelift.details._snapshot');
  const timelines = await vscode.commands.executeCommand<TimelinesSnapshot>('gamelift.timeline._snapshot');
  return { ...details, ...timelines };
}

/** A message to a details panel or the (one) timeline, as if its page had posted it. */
async function deliver(target: 'preview' | 'active' | 'timeline', message: unknown): Promise<void> {
  if (target === 'timeline') await vscode.commands.executeCommand('gamelift.timeline._deliver', message);
  else await vscode.commands.executeCommand('gamelift.details._deliver', target, message);
}

/** Waits until the one timeline panel has its model. */
function timelineShown(what = 'the timeline model'): Promise<DetailsSnapshot & TimelinesSnapshot> {
  return waitFor(what, async () => {
    const x = await snapshot();
    return x.timelines.length === 1 && x.timelines[0].model ? x : undefined;
  });
}

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** The text of the extension's log files (the GameLift output channel is written under `context.logUri`). */
async function extensionLogText(): Promise<string> {
  const dir = (await explorerHooks()).logUri.fsPath;
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.log'))
    : [];
  return files.map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
}

function countOf(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Walks the explorer's tree (as VS Code would when the user expands it) and returns every event node's command. */
async function eventCommands(): Promise<vscode.Command[]> {
  const hooks = await explorerHooks();
  const found: vscode.Command[] = [];
  async function walk(node: ExplorerNode | undefined, depth: number): Promise<void> {
    if (depth > 6) return;
    for (const child of await hooks.explorer.provider.getChildren(node)) {
      const item = child.getTreeItem();
      if (item.command?.command === 'gamelift.showEventDetails') found.push(item.command);
      else if (item.contextValue && /^(profile|region|fleet|eventCategory)/.test(item.contextValue))
        await walk(child, depth + 1);
    }
  }
  await walk(undefined, 0);
  return found;
}

async function openFromTree(command: vscode.Command): Promise<EventArg> {
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  return command.arguments![0] as EventArg;
}

async function previewShowing(
  eventId: string,
  extra: (s: DetailsSnapshot) => boolean = () => true,
): Promise<DetailsSnapshot> {
  return waitFor(`the preview to show ${eventId}`, async () => {
    const s = await snapshot();
    return s.preview?.ready && s.preview.model?.event.eventId === eventId && extra(s) ? s : undefined;
  });
}

describe('Event details panel (real VS Code, local endpoint)', function () {
  this.timeout(90_000);
  let commands: vscode.Command[];
  let withLog: EventArg;
  let sameFleet: EventArg[];

  before(async () => {
    assert.ok(ENDPOINT.startsWith('http://127.0.0.1:'), `GAMELIFT_TEST_ENDPOINT is the local endpoint (${ENDPOINT})`);
    commands = await waitFor(
      'event nodes in the explorer',
      async () => {
        const c = await eventCommands();
        return c.length >= 3 ? c : undefined;
      },
      40_000,
    );
    const args = commands.map((c) => c.arguments![0] as EventArg);
    const logged = args.find((a) => a.event.preSignedLogUrl);
    assert.ok(logged, 'the default scenario has an event with a log');
    withLog = logged;
    const hooks = await explorerHooks();
    sameFleet = hooks.explorer.model.findFleet(withLog.ref)!.events.map((event) => ({ ref: withLog.ref, event }));
    assert.ok(sameFleet.length >= 3, 'the fleet with a logged event has several loaded events');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('all details panels to close', async () => {
      const s = await snapshot();
      return !s.preview && s.kept.length === 0 && s.timelines.length === 0 ? true : undefined;
    });
  });

  it('shows every field of an event clicked in the tree', async () => {
    const command = commands.find((c) => (c.arguments![0] as EventArg).event.eventId === withLog.event.eventId)!;
    const { ref, event } = await openFromTree(command);
    const s = await previewShowing(event.eventId);
    const m = s.preview!.model!;
    assert.strictEqual(m.event.eventCode, event.eventCode);
    assert.strictEqual(m.event.message, event.message);
    assert.strictEqual(m.event.resourceId, event.resourceId);
    assert.strictEqual(m.event.eventTime, event.eventTime);
    assert.strictEqual(m.event.count, event.count);
    assert.match(m.event.eventTimeUtc ?? '', / UTC$/);
    assert.ok(m.event.categoryLabel.length > 0 && ['error', 'warning', 'info'].includes(m.event.severity));
    assert.strictEqual(m.fleet.fleetId, ref.fleetId);
    assert.strictEqual(m.fleet.region, 'us-west-2');
    assert.strictEqual(m.fleet.profile, ref.target.profile);
    assert.ok(m.fleet.name, 'fleet name from the explorer');
    assert.ok(m.guidance.explanation.length > 20 && m.guidance.nextSteps.length > 0);
    // The endpoint's link is on the configured endpoint's origin, so it is allowed; only its host reaches the page.
    assert.deepStrictEqual(m.log, {
      state: 'available',
      host: new URL(ENDPOINT).host,
      // The endpoint signs for 15 minutes: the countdown reads the URL's own X-Amz-Date + X-Amz-Expires.
      expiresAt: presignedUrlExpiry(event.preSignedLogUrl!)!.expiresAt,
      validityMs: 15 * 60_000,
      refusedReason: undefined,
    });
    assert.ok(!JSON.stringify(m).includes('X-Amz-Signature'), 'the signed URL is not in the view model');
    assert.strictEqual(m.pinned, false);
    assert.strictEqual(m.navigation.total, sameFleet.length);
    assert.match(s.preview!.title, /\(preview\)$/);
  });

  it('reuses the preview for the next event, and "Keep open" pins a panel', async () => {
    const [a, b, c] = sameFleet;
    await vscode.commands.executeCommand('gamelift.showEventDetails', a);
    await previewShowing(a.event.eventId);
    await vscode.commands.executeCommand('gamelift.showEventDetails', b);
    let s = await previewShowing(b.event.eventId);
    assert.strictEqual(s.kept.length, 0, 'one panel follows the selection');

    await deliver('preview', { type: 'keepOpen' });
    s = await waitFor('the panel to be kept', async () =>
      (await snapshot()).kept.length === 1 ? snapshot() : undefined,
    );
    assert.strictEqual(s.preview, undefined);
    assert.strictEqual(s.kept[0].event.eventId, b.event.eventId);
    assert.strictEqual(s.kept[0].pinned, true);
    assert.doesNotMatch(s.kept[0].title, /preview/);

    await vscode.commands.executeCommand('gamelift.showEventDetails', c);
    s = await previewShowing(c.event.eventId);
    assert.strictEqual(s.kept.length, 1);
    assert.strictEqual(s.kept[0].event.eventId, b.event.eventId, 'the kept panel stopped following');
    // Showing the kept event again reveals its panel instead of taking over the preview.
    await vscode.commands.executeCommand('gamelift.showEventDetails', b);
    s = await snapshot();
    assert.strictEqual(s.preview?.event.eventId, c.event.eventId);
    assert.strictEqual(s.kept.length, 1);
  });

  it('moves to the older and newer loaded event of the same fleet', async () => {
    const [newest, second] = sameFleet;
    await vscode.commands.executeCommand('gamelift.showEventDetails', newest);
    let s = await previewShowing(newest.event.eventId);
    assert.strictEqual(s.preview!.model!.navigation.newer, undefined);
    assert.strictEqual(s.preview!.model!.navigation.older?.eventId, second.event.eventId);
    await deliver('preview', { type: 'navigate', direction: 'older' });
    s = await previewShowing(second.event.eventId);
    assert.strictEqual(s.preview!.model!.navigation.position, 2);
    await deliver('preview', { type: 'navigate', direction: 'newer' });
    await previewShowing(newest.event.eventId);
  });

  it('"Get a fresh link" after expiry returns the endpoint\'s new URL for the same event', async () => {
    const original = withLog.event;
    // A copy whose link says it was signed 20 minutes ago (its expiry is read from the URL).
    const staleUrl = new URL(original.preSignedLogUrl!);
    staleUrl.searchParams.set('X-Amz-Date', amzDate(Date.now() - 20 * 60_000));
    const stale: FleetEvent = { ...original, preSignedLogUrl: staleUrl.href, fetchedAt: Date.now() - 20 * 60_000 };
    await vscode.commands.executeCommand('gamelift.showEventDetails', { ref: withLog.ref, event: stale });
    let s = await previewShowing(original.eventId);
    const log = s.preview!.model!.log;
    assert.ok(log.state === 'available' && describeExpiry(log.expiresAt, Date.now()).expired, 'shown as expired');
    // Presigned URLs carry a one-second timestamp: make sure the fresh one is minted in a later second.
    const wait = original.fetchedAt + 1100 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    await deliver('preview', { type: 'refreshLink' });
    s = await previewShowing(original.eventId, (x) => (x.preview?.event.fetchedAt ?? 0) > stale.fetchedAt);
    const fresh = s.preview!.event;
    assert.strictEqual(fresh.eventId, original.eventId);
    assert.ok(fresh.preSignedLogUrl, 'the fresh event has a log URL');
    assert.ok(fresh.preSignedLogUrl.startsWith(`${ENDPOINT}/logs/`), 'minted by the local endpoint');
    assert.notStrictEqual(fresh.preSignedLogUrl, original.preSignedLogUrl, 'a new URL');
    const freshLog = s.preview!.model!.log;
    assert.ok(
      freshLog.state === 'available' && !describeExpiry(freshLog.expiresAt, Date.now()).expired,
      'no longer expired',
    );
    assert.ok(
      freshLog.state === 'available' && freshLog.expiresAt === presignedUrlExpiry(fresh.preSignedLogUrl)!.expiresAt,
    );
    // The endpoint accepts the new signature.
    const got = await httpGet(fresh.preSignedLogUrl);
    assert.strictEqual(got.status, 200, got.body.slice(0, 200));
  });

  it('says so when GameLift no longer returns the event', async () => {
    const gone: FleetEvent = {
      ...withLog.event,
      eventId: 'ffffffff-0000-4000-8000-00000000dead',
      fetchedAt: Date.now() - 20 * 60_000,
    };
    await vscode.commands.executeCommand('gamelift.showEventDetails', { ref: withLog.ref, event: gone });
    await previewShowing(gone.eventId);
    await deliver('preview', { type: 'refreshLink' });
    const s = await previewShowing(gone.eventId, (x) => x.preview?.model?.log.state === 'gone');
    assert.strictEqual(s.preview!.model!.log.state, 'gone');
  });

  it('ignores malformed or unknown page messages', async () => {
    const { event } = sameFleet[0];
    await vscode.commands.executeCommand('gamelift.showEventDetails', sameFleet[0]);
    const before = await previewShowing(event.eventId);
    for (const junk of [
      null,
      'openLog',
      { type: 'openUrl', url: 'https://evil.example' },
      { type: 'navigate', direction: 'sideways' },
      { type: 'openEvent', eventId: 42 },
    ]) {
      await deliver('preview', junk);
    }
    const after = await snapshot();
    assert.strictEqual(after.preview?.event.eventId, event.eventId);
    assert.deepStrictEqual(after.preview?.model, before.preview?.model);
  });

  it('opens the fleet timeline of the loaded events and opens details from a mark', async () => {
    await vscode.commands.executeCommand('gamelift.showFleetTimeline', { ref: withLog.ref });
    const s = await timelineShown();
    const model = s.timelines[0].model as TimelineViewModel;
    assert.strictEqual(model.eventCount, sameFleet.length);
    const marks = model.lanes.flatMap((l) => l.marks);
    assert.strictEqual(marks.length, sameFleet.filter((e) => e.event.eventTime !== undefined).length);
    assert.ok(model.lanes.length >= 1);
    const target = marks[0];
    await deliver('timeline', { type: 'openEvent', eventId: target.eventId });
    await previewShowing(target.eventId);
  });

  it('the timeline ignores malformed, unknown and details-only page messages, and still opens a mark afterwards', async () => {
    await vscode.commands.executeCommand('gamelift.showFleetTimeline', { ref: withLog.ref });
    const before = await timelineShown();
    const model = before.timelines[0].model as TimelineViewModel;
    const mark = model.lanes.flatMap((l) => l.marks)[0];
    assert.ok(mark, 'the timeline has a mark');
    const junk: unknown[] = [
      null,
      'openEvent',
      [{ type: 'openEvent', eventId: mark.eventId }],
      { type: 'openEvent' },
      { type: 'openEvent', eventId: 42 },
      { type: 'openEvent', eventId: mark.eventId.padEnd(300, 'x') },
      { type: 'openUrl', url: 'https://evil.example' },
      { type: 'keepOpen' },
      { type: 'navigate', direction: 'older' },
      { type: 'reveal' },
    ];
    const UNKNOWN = 'Fleet timeline: ignored a message of unknown shape from the page.';
    const logBefore = await extensionLogText();
    for (const message of junk) await deliver('timeline', message);
    // The timeline has its own protocol: the details panel's messages are as unknown to it as junk.
    const logAfter = await waitFor('the log lines of the refused messages', async () => {
      const text = await extensionLogText();
      return countOf(text, UNKNOWN) - countOf(logBefore, UNKNOWN) >= 10 ? text : undefined;
    });
    assert.strictEqual(
      countOf(logAfter, UNKNOWN) - countOf(logBefore, UNKNOWN),
      10,
      'seven junk and three details-only messages refused as of unknown shape',
    );
    const after = await snapshot();
    assert.ok(!after.preview && after.kept.length === 0, 'no details panel opened from junk');
    assert.strictEqual(after.timelines.length, 1);
    assert.deepStrictEqual(after.timelines[0].model, model, 'the timeline is unchanged');
    await deliver('timeline', { type: 'openEvent', eventId: mark.eventId });
    await previewShowing(mark.eventId);
  });

  it('"Show fleet timeline" from the palette with no details panel asks for the fleet, and opens its timeline', async () => {
    const hooks = await explorerHooks();
    const before = await snapshot();
    assert.ok(
      !before.preview && before.kept.length === 0 && before.timelines.length === 0,
      'no details or timeline panel is open',
    );
    let offered: string[] = [];
    const prompts = new ScriptedPrompts({
      pick: {
        fleet: (items) => {
          offered = items.map((i) => (i as { ref?: FleetRef }).ref?.fleetId ?? '');
          return items.find((i) => (i as { ref?: FleetRef }).ref?.fleetId === withLog.ref.fleetId);
        },
      },
    });
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.showFleetTimeline');
    } finally {
      hooks.prompts.current = windowPrompts;
    }
    assert.deepStrictEqual(prompts.asked, ['fleet'], 'the fleet pick of "Fetch fleet events" was shown');
    assert.ok(
      offered.length >= 2 && offered.includes(withLog.ref.fleetId),
      `the pick lists the fleets (${offered.join(', ')})`,
    );
    const s = await timelineShown('the timeline of the picked fleet');
    assert.strictEqual(s.timelines[0].ref.fleetId, withLog.ref.fleetId);
    assert.strictEqual(s.timelines[0].ref.target.region, withLog.ref.target.region);
    const model = s.timelines[0].model as TimelineViewModel;
    assert.strictEqual(model.eventCount, sameFleet.length, "the timeline shows the picked fleet's loaded events");
    assert.ok(!s.preview && s.kept.length === 0, 'no details panel was opened on the way');
  });

  it('"Show fleet timeline" from the palette does nothing when the fleet pick is cancelled', async () => {
    const hooks = await explorerHooks();
    const prompts = new ScriptedPrompts({ pick: { fleet: () => undefined } });
    hooks.prompts.current = prompts;
    try {
      await vscode.commands.executeCommand('gamelift.showFleetTimeline');
    } finally {
      hooks.prompts.current = windowPrompts;
    }
    assert.deepStrictEqual(prompts.asked, ['fleet']);
    assert.deepStrictEqual(prompts.messages, [], 'no message after cancelling');
    const s = await snapshot();
    assert.strictEqual(s.timelines.length, 0, 'no timeline opened');
  });
});
