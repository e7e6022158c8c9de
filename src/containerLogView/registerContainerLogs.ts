// Container fleet logs in the editor: "Open container logs" (pick a stream or all of them and a
// time range), "Search logs…" (a filter pattern across the group), and on an open log "Load
// older", "Follow" and "Save log to file". Documents are read-only, in the GameLift Log language.
import * as vscode from 'vscode';
import { formatTime } from '../containerLogs/formatLogLine';
import { listLogStreams, type LogStreamSummary } from '../containerLogs/logStreams';
import { classifyLogsError, LOGS_PERMISSIONS } from '../containerLogs/logsErrors';
import { exportLogWindow } from '../containerLogs/saveLog';
import { DESCENDING_SINCE } from '../containerLogs/logReader';
import { errorLogLine, isCancellation, type ClassifiedError } from '../gamelift/errors';
import { isContainerFleetId } from '../gamelift/mapping';
import { lastHour } from '../gamelift/timeRange';
import { isFleetRef, type FleetRef } from '../gamelift/types';
import { promptTimeWindow } from '../explorer/timeRangePrompt';
import { COMMAND } from '../ids';
import type { ContainerLogDeps } from './containerLogDeps';
import { fleetLogGroup, type FleetLogGroup } from './findLogGroup';
import type { LogDocument } from './logDocument';
import { LogDocuments } from './logDocuments';

const ALL_STREAMS = '$all';

export function registerContainerLogs(context: vscode.ExtensionContext, deps: ContainerLogDeps): LogDocuments {
  const documents = new LogDocuments();
  const { prompts } = deps;
  const timeZone = () => deps.settings.get('events.timeZone');

  const report = async (error: ClassifiedError): Promise<void> => {
    deps.log.error(errorLogLine(error));
    await prompts.message('error', `GameLift: ${error.message}`);
  };

  /** The fleet from a tree row (`{ref}`) or the explorer's pick; container fleets only. */
  const fleetFrom = async (arg: unknown, title: string): Promise<FleetRef | undefined> => {
    const given = (arg as { ref?: unknown } | undefined)?.ref;
    const ref = isFleetRef(given) ? given : await deps.explorer.pickFleet(title);
    if (ref && !isContainerFleetId(ref.fleetId)) {
      await prompts.message(
        'info',
        `GameLift: ${ref.fleetId} is not a container fleet; only container fleets have container logs.`,
      );
      return undefined;
    }
    return ref;
  };

  const groupOf = async (ref: FleetRef): Promise<Extract<FleetLogGroup, { kind: 'group' }> | undefined> => {
    const found = await withProgress(`Finding the container logs of ${ref.fleetId}`, (signal) =>
      fleetLogGroup(deps, ref, signal),
    );
    if (!found) return undefined;
    if (found.kind === 'error') await report(found.error);
    if (found.kind === 'advice') await prompts.message('info', `GameLift: ${found.message}`);
    return found.kind === 'group' ? found : undefined;
  };

  /** A time range like the events' (presets or a custom range); "All events" reads since 2024. */
  const askWindow = async (): Promise<{ start: number; end?: number } | undefined> => {
    const now = deps.clock.now();
    const window = await promptTimeWindow(prompts, lastHour(now), now, {
      title: 'Time range for container logs',
      placeHolder: 'Which log lines to read',
    });
    if (!window) return undefined;
    // Container fleets exist since late 2024; CloudWatch reads windows from 2024 on newest first.
    return { start: window.start ?? DESCENDING_SINCE, ...(window.end !== undefined ? { end: window.end } : {}) };
  };

  const openDocument = async (
    found: Extract<FleetLogGroup, { kind: 'group' }>,
    ref: FleetRef,
    spec: { title: string; name: string; streams?: string[]; filterPattern?: string },
    window: { start: number; end?: number },
  ): Promise<vscode.Uri | undefined> => {
    const doc = await withProgress(`Reading ${spec.title}`, () =>
      documents.open(
        found.client,
        {
          title: spec.title,
          query: {
            logGroup: found.group.logGroup,
            ...(spec.streams ? { streams: spec.streams } : {}),
            ...(spec.filterPattern ? { filterPattern: spec.filterPattern } : {}),
            ...window,
          },
          timeZone: timeZone(),
          errorContext: { profile: ref.target.profile, region: found.group.region ?? ref.target.region },
        },
        spec.name,
      ),
    );
    if (doc?.error) await report(doc.error);
    return doc && documents.uriOf(doc);
  };

  const openLogs = async (arg: unknown): Promise<vscode.Uri | undefined> => {
    const ref = await fleetFrom(arg, 'GameLift: open container logs');
    const found = ref && (await groupOf(ref));
    if (!ref || !found) return undefined;
    let streams: LogStreamSummary[] | undefined;
    try {
      streams = await withProgress(`Listing the log streams of ${found.group.name}`, (signal) =>
        listLogStreams(found.client, found.group.logGroup, { signal }),
      );
    } catch (err) {
      await report(
        classifyLogsError(err, LOGS_PERMISSIONS.listStreams, {
          profile: ref.target.profile,
          region: found.group.region ?? ref.target.region,
          action: `Listing the log streams of ${found.group.name}`,
        }),
      );
      return undefined;
    }
    if (!streams) return undefined;
    const zone = timeZone();
    const picked = await prompts.pickOne(
      [
        {
          label: '$(list-flat) All streams',
          id: ALL_STREAMS,
          description: `${streams.length} streams, merged by time`,
        },
        ...streams.map((s) => ({
          label: s.name,
          id: s.name,
          description:
            s.lastEventTime === undefined ? 'no events yet' : `last written ${formatTime(s.lastEventTime, zone)}`,
        })),
      ],
      {
        id: 'containerLogs.stream',
        title: `Log streams of ${found.group.name}`,
        placeHolder: 'The most recently written first',
        matchOnDescription: true,
      },
    );
    if (!picked) return undefined;
    const window = await askWindow();
    if (!window) return undefined;
    const all = picked.id === ALL_STREAMS;
    return openDocument(
      found,
      ref,
      all
        ? { title: `all streams of ${found.group.name}`, name: `${ref.fleetId}-all-streams` }
        : {
            title: `${picked.id} in ${found.group.name}`,
            name: `${ref.fleetId}-${picked.id.split('/').pop() ?? ''}`,
            streams: [picked.id],
          },
      window,
    );
  };

  const searchLogs = async (arg: unknown): Promise<vscode.Uri | undefined> => {
    const ref = await fleetFrom(arg, 'GameLift: search container logs');
    const found = ref && (await groupOf(ref));
    if (!ref || !found) return undefined;
    const pattern = await prompts.input({
      id: 'containerLogs.filterPattern',
      title: `Search ${found.group.name}`,
      prompt: 'A CloudWatch Logs filter pattern: words ("ERROR crash"), "exact phrase", ?either ?or, -excluded',
      placeHolder: 'ERROR',
      validateInput: (text) => (text.trim() ? undefined : 'Type what to look for.'),
    });
    if (!pattern?.trim()) return undefined;
    const window = await askWindow();
    if (!window) return undefined;
    return openDocument(
      found,
      ref,
      {
        title: `matches of ${pattern.trim()} in ${found.group.name}`,
        name: `${ref.fleetId}-search`,
        filterPattern: pattern.trim(),
      },
      window,
    );
  };

  const docFrom = (arg: unknown): LogDocument | undefined =>
    documents.get(arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri);

  const loadOlder = async (arg: unknown): Promise<void> => {
    const doc = docFrom(arg);
    if (!doc) return;
    await withProgress(`Reading older lines of ${doc.spec.title}`, () => doc.loadOlder());
    if (doc.error) await report(doc.error);
  };

  const toggleFollow = async (arg: unknown): Promise<void> => {
    const doc = docFrom(arg);
    if (!doc) return;
    if (!doc.followable) {
      await prompts.message('info', 'GameLift: this log ends at a fixed time, so there is nothing new to follow.');
      return;
    }
    documents.setFollowing(doc, !doc.following);
  };

  const save = async (arg: unknown): Promise<string | undefined> => {
    const doc = docFrom(arg);
    if (!doc) {
      await prompts.message('info', 'GameLift: open a container log first (GameLift: Open container logs).');
      return undefined;
    }
    const target = await prompts.saveUri({
      id: 'containerLogs.save',
      title: `Save ${doc.spec.title}`,
      saveLabel: 'Save log',
      filters: { 'GameLift log': ['log'] },
    });
    if (!target) return undefined;
    const query = { ...doc.spec.query, start: doc.reader.start };
    try {
      const result = await withProgress(`Saving ${doc.spec.title}`, (signal) =>
        exportLogWindow(doc.client, query, target.fsPath, {
          timeZone: doc.spec.timeZone,
          showStream: query.streams?.length !== 1,
          signal,
        }),
      );
      if (!result) return undefined;
      await prompts.message(
        'info',
        `GameLift: saved ${result.lines.toLocaleString('en-US')} lines to ${target.fsPath}.`,
      );
      return target.fsPath;
    } catch (err) {
      await report(
        classifyLogsError(err, LOGS_PERMISSIONS.readGroup, {
          ...doc.spec.errorContext,
          action: `Saving ${doc.spec.title} to ${target.fsPath}`,
        }),
      );
      return undefined;
    }
  };

  context.subscriptions.push(
    documents,
    vscode.commands.registerCommand(COMMAND.openContainerLogs, openLogs),
    vscode.commands.registerCommand(COMMAND.searchContainerLogs, searchLogs),
    vscode.commands.registerCommand(COMMAND.containerLogLoadOlder, loadOlder),
    vscode.commands.registerCommand(COMMAND.containerLogFollow, toggleFollow),
    vscode.commands.registerCommand(COMMAND.saveContainerLog, save),
  );
  return documents;
}

/** Runs `work` under cancellable progress; undefined when the user cancelled. */
async function withProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `GameLift: ${title}`, cancellable: true },
    async (_progress, token) => {
      const cancel = new AbortController();
      const sub = token.onCancellationRequested(() => cancel.abort());
      try {
        return await work(cancel.signal);
      } catch (err) {
        if (isCancellation(err)) return undefined;
        throw err;
      } finally {
        sub.dispose();
      }
    },
  );
}
