// "Fetch fleet events": pick a fleet (searchable list, or a pasted fleet ID / ARN whose
// region is used), a time range and an optional limit; fetch under cancellable progress
// into the explorer's own state, reveal the fleet with its categories expanded, and offer
// the events as an untitled JSON document. `{fleetId, target?}` skips the pick; a CloudTrail
// record's link sends `{fleetId, region?, accountId?}`, the record's place.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import { eventsToJson } from '../../gamelift/exportEvents';
import { ACCOUNT_PATTERN, isParseError, parseFleetIdOrArn, REGION_PATTERN } from '../../gamelift/fleetIds';
import { describeFleet } from '../../gamelift/fleetService';
import { describeWindow, presetWindow } from '../../gamelift/timeRange';
import type { ConnectionTarget, FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';
import type { ExplorerView } from '../explorerView';
import type { ClassifiedError } from '../../gamelift/errors';
import type { Clock } from '../../common/clock';
import type { Prompts } from '../prompts';
import { connectionForRecord, type RecordPlace } from './recordConnection';
import { endpointErrorMessage, OPEN_ENDPOINT_SETTING, openEndpointSetting, targetsOf } from '../settings';
import { promptTimeWindow } from '../timeRangePrompt';

export const OPEN_JSON_ACTION = 'Open as JSON';

export interface FetchArgs extends RecordPlace {
  readonly fleetId: string;
  readonly target?: ConnectionTarget;
}

/** The record's place from a link's arguments (a command URI: anything ill-shaped is dropped). */
function placeOf(args: FetchArgs): RecordPlace | undefined {
  const region = typeof args.region === 'string' && REGION_PATTERN.test(args.region) ? args.region : undefined;
  const accountId =
    typeof args.accountId === 'string' && ACCOUNT_PATTERN.test(args.accountId) ? args.accountId : undefined;
  return region || accountId ? { ...(region ? { region } : {}), ...(accountId ? { accountId } : {}) } : undefined;
}

export interface FetchResult {
  readonly ref: FleetRef;
  readonly fetched: number;
  readonly error?: ClassifiedError;
  readonly cancelled?: boolean;
}

interface FleetPickItem extends vscode.QuickPickItem {
  readonly ref?: FleetRef;
  readonly summary?: FleetSummary;
  /** Text typed or pasted by the user (a fleet ID or ARN). */
  readonly typed?: string;
}

export function registerFetchCommand(
  explorer: ExplorerView,
  prompts: Prompts,
  clock: Clock,
  reportError: (error: ClassifiedError) => void,
): vscode.Disposable {
  return vscode.commands.registerCommand(
    COMMAND.fetchFleetEvents,
    async (args?: FetchArgs): Promise<FetchResult | undefined> => {
      const endpointError = explorer.settings.endpointError;
      if (endpointError) {
        const choice = await prompts.message(
          'error',
          `GameLift: ${endpointErrorMessage(endpointError)}`,
          OPEN_ENDPOINT_SETTING,
        );
        if (choice === OPEN_ENDPOINT_SETTING) await openEndpointSetting();
        return undefined;
      }
      const ref =
        args && typeof args.fleetId === 'string'
          ? await refFromArgs(explorer, prompts, args)
          : await pickFleet(explorer, prompts);
      if (!ref) return undefined;
      const now = clock.now();
      const window = await promptTimeWindow(prompts, presetWindow(explorer.settings.defaultTimeRange, now), now);
      if (!window) return undefined;
      const limitText = await prompts.input({
        id: 'fetch.limit',
        title: `Fetch events of ${ref.fleetId}: how many at most?`,
        prompt: 'A whole number of events, newest first; empty fetches all in the time range',
        value: '',
        validateInput: (text) =>
          text.trim() === '' || /^[1-9]\d{0,6}$/.test(text.trim())
            ? undefined
            : 'Enter a whole number from 1 to 9999999, or nothing.',
      });
      if (limitText === undefined) return undefined;
      const limit = limitText.trim() ? Number(limitText.trim()) : Infinity;
      return fetchInto(explorer, prompts, reportError, ref, window, limit);
    },
  );
}

async function fetchInto(
  explorer: ExplorerView,
  prompts: Prompts,
  reportError: (error: ClassifiedError) => void,
  ref: FleetRef,
  window: TimeWindow,
  limit: number,
): Promise<FetchResult> {
  const what = `Fetching events for ${ref.fleetId}`;
  const state = explorer.model.fleet(ref);
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `GameLift: ${what} (${describeWindow(window)})`,
      cancellable: true,
    },
    async (progress, token) => {
      // VS Code's cancellation as the standard signal the SDK calls and the pager take.
      const cancel = new AbortController();
      const sub = token.onCancellationRequested(() => cancel.abort());
      try {
        if (!state.summary) {
          const client = explorer.model.clients.clientFor('gamelift', ref.target);
          state.summary = await describeFleet(client, ref.fleetId, cancel.signal).catch(() => undefined);
        }
        explorer.setWindow(ref, window, Number.isFinite(limit) ? limit : undefined);
        if (cancel.signal.aborted) return { cancelled: true };
        return await state.loadUpTo(limit, {
          signal: cancel.signal,
          onPage: ({ total, hasMore }) => {
            progress.report({
              message: `${total} event${total === 1 ? '' : 's'}${hasMore && total < limit ? '…' : ''}`,
            });
            explorer.fleetChanged(ref);
          },
        });
      } finally {
        sub.dispose();
      }
    },
  );
  const events = state.events.slice(0, limit === Infinity ? undefined : limit);
  await explorer.revealFleet(ref, state.summary);
  if (outcome.cancelled) {
    return { ref, fetched: events.length, cancelled: true };
  }
  if (state.error) {
    reportError(state.error);
    void prompts.message('error', `GameLift: ${state.error.message}`, 'Retry').then((choice) => {
      if (choice === 'Retry')
        void vscode.commands.executeCommand(COMMAND.fetchFleetEvents, { fleetId: ref.fleetId, target: ref.target });
    });
    return { ref, fetched: events.length, error: state.error };
  }
  const name = state.summary?.name ? `${state.summary.name} (${ref.fleetId})` : ref.fleetId;
  const choice = await prompts.message(
    'info',
    `GameLift: fetched ${events.length} event${events.length === 1 ? '' : 's'} of ${name}, ${describeWindow(window)}.`,
    OPEN_JSON_ACTION,
  );
  if (choice === OPEN_JSON_ACTION) {
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: eventsToJson(events, state.summary ?? { fleetId: ref.fleetId }),
    });
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  return { ref, fetched: events.length };
}

/**
 * Lists fleets of every configured connection in a searchable pick that also takes a pasted ID or ARN.
 * Also the fleet pick of other commands (e.g. "Show fleet timeline", through `ExplorerApi.pickFleet`).
 */
export async function pickFleet(
  explorer: ExplorerView,
  prompts: Prompts,
  title = 'GameLift: fetch fleet events',
): Promise<FleetRef | undefined> {
  const targets = targetsOf(explorer.settings);
  const several = targets.length > 1;
  const items = Promise.all(
    targets.map(async (target) => {
      const connection = explorer.model.connection(target);
      await connection.ensureLoaded();
      return (connection.fleets ?? []).map((summary): FleetPickItem => ({
        label: summary.name || summary.fleetId,
        description: `${summary.fleetId} · ${summary.status ?? 'unknown status'}`,
        detail: several ? `${target.profile ?? 'default credentials'} · ${target.region}` : undefined,
        ref: { target, fleetId: summary.fleetId },
        summary,
      }));
    }),
  ).then((lists) => lists.flat());
  const picked = await prompts.pickOrType<FleetPickItem>(
    items,
    (value) => {
      const parsed = parseFleetIdOrArn(value);
      return {
        label: `$(edit) Use "${value.trim()}"`,
        description: isParseError(parsed)
          ? parsed.error
          : parsed.region
            ? `fleet ${parsed.fleetId} in ${parsed.region}`
            : `fleet ${parsed.fleetId}`,
        alwaysShow: true,
        typed: value.trim(),
      };
    },
    { id: 'fleet', title, placeHolder: 'Search fleets by name, ID or status, or paste a fleet ID or ARN' },
  );
  if (!picked) return undefined;
  if (picked.typed !== undefined) return refFromText(explorer, prompts, picked.typed);
  if (picked.ref && picked.summary) explorer.model.fleet(picked.ref, picked.summary);
  return picked.ref;
}

/** The fleet of a command's arguments: on their target, else where the record says, else the first connection. */
async function refFromArgs(explorer: ExplorerView, prompts: Prompts, args: FetchArgs): Promise<FleetRef | undefined> {
  const place = args.target ? undefined : placeOf(args);
  if (!place) return refFromText(explorer, prompts, args.fleetId, args.target);
  const target = await connectionForRecord(explorer, prompts, place);
  return target ? refFromText(explorer, prompts, args.fleetId, target) : undefined;
}

/** A fleet ID or ARN (validated) on a connection: the given one, else the first configured, with the ARN's region. */
async function refFromText(
  explorer: ExplorerView,
  prompts: Prompts,
  text: string,
  target?: ConnectionTarget,
): Promise<FleetRef | undefined> {
  const parsed = parseFleetIdOrArn(text);
  if (isParseError(parsed)) {
    await prompts.message('error', `GameLift: ${parsed.error}`);
    return undefined;
  }
  const settings = explorer.settings;
  const base: ConnectionTarget = target ?? targetsOf(settings)[0];
  const resolved: ConnectionTarget = {
    ...(base.profile ? { profile: base.profile } : {}),
    region: parsed.region ?? base.region,
    ...((base.endpoint ?? settings.endpoint) ? { endpoint: base.endpoint ?? settings.endpoint } : {}),
  };
  return { target: resolved, fleetId: parsed.fleetId };
}
