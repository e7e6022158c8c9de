// The names VS Code knows this extension's parts by, shared by package.json and the code:
// command IDs, context keys, the view and the webview panel types. Each is written here once;
// test/unit/ids.test.ts holds them to the manifest. Pure (no vscode), so any part may import it.

/** Commands contributed in package.json (palette, menus, tree items, links). */
export const COMMAND = {
  // Connection and view
  refresh: 'gamelift.refresh',
  selectProfile: 'gamelift.selectProfile',
  selectRegions: 'gamelift.selectRegions',
  showLog: 'gamelift.showLog',
  filterEvents: 'gamelift.filterEvents',
  clearEventFilter: 'gamelift.clearEventFilter',
  // Fleets and events (tree items, menus; also CloudTrail fleet links)
  fetchFleetEvents: 'gamelift.fetchFleetEvents',
  refreshFleet: 'gamelift.refreshFleet',
  setFleetTimeRange: 'gamelift.setFleetTimeRange',
  copyFleetId: 'gamelift.copyFleetId',
  copyEventId: 'gamelift.copyEventId',
  copyEventJson: 'gamelift.copyEventJson',
  exportEventsJson: 'gamelift.exportEventsJson',
  exportEventsCsv: 'gamelift.exportEventsCsv',
  loadMore: 'gamelift.explorer.loadMore',
  loadAllInRange: 'gamelift.explorer.loadAllInRange',
  retry: 'gamelift.explorer.retry',
  retryFleetDescribe: 'gamelift.retryFleetDescribe',
  // Event details, timeline and overview panels
  showEventDetails: 'gamelift.showEventDetails',
  showEventDetailsInNewPanel: 'gamelift.showEventDetailsInNewPanel',
  showFleetTimeline: 'gamelift.showFleetTimeline',
  showFleetOverview: 'gamelift.showFleetOverview',
  // Container fleet logs (CloudWatch Logs)
  openContainerLogs: 'gamelift.openContainerLogs',
  searchContainerLogs: 'gamelift.searchContainerLogs',
  saveContainerLog: 'gamelift.saveContainerLog',
  containerLogFollow: 'gamelift.containerLogs.toggleFollow',
  containerLogLoadOlder: 'gamelift.containerLogs.loadOlder',
  detailsKeepOpen: 'gamelift.details.keepOpen',
  detailsOpenLog: 'gamelift.details.openLog',
  detailsCopyLogLink: 'gamelift.details.copyLogLink',
  detailsRefreshLogLink: 'gamelift.details.refreshLogLink',
  detailsOpenLogInBrowser: 'gamelift.details.openLogInBrowser',
  // Event logs (tree items; the details panel's actions)
  openEventLog: 'gamelift.openEventLog',
  openEventLogInBrowser: 'gamelift.openEventLogInBrowser',
  // Fleet diagnosis
  diagnoseFleet: 'gamelift.diagnoseFleet',
  diagnosisCopyMarkdown: 'gamelift.diagnosis.copyMarkdown',
  // CloudTrail
  openAsCloudTrail: 'gamelift.openAsCloudTrail',
  openFormattedCopy: 'gamelift.cloudtrail.openFormattedCopy',
  // CloudTrail history (a fleet's Changes, the history view)
  openCloudTrailFolder: 'gamelift.openCloudTrailFolder',
  showCloudTrailHistory: 'gamelift.showCloudTrailHistory',
  openCloudTrailRecord: 'gamelift.openCloudTrailRecord',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** Commands for the integration tests: registered only outside production mode, never contributed. */
export const TEST_COMMAND = {
  explorerHooks: 'gamelift._test.explorer',
  detailsSnapshot: 'gamelift.details._snapshot',
  detailsDeliver: 'gamelift.details._deliver',
  timelineSnapshot: 'gamelift.timeline._snapshot',
  timelineDeliver: 'gamelift.timeline._deliver',
  diagnosisSnapshot: 'gamelift.diagnosis._snapshot',
  diagnosisDeliver: 'gamelift.diagnosis._deliver',
  overviewSnapshot: 'gamelift.overview._snapshot',
  overviewDeliver: 'gamelift.overview._deliver',
  cloudtrailAnalysis: 'gamelift.cloudtrail._analysis',
  historySnapshot: 'gamelift.history._snapshot',
  historyDeliver: 'gamelift.history._deliver',
} as const;

/**
 * Commands the GameLift bundle (dist/gamelift.js) registers: activation registers a stand-in for
 * each that loads the bundle first. Every command but the log's and CloudTrail's, and the test
 * commands outside production mode.
 */
export function gameliftBundleCommands(production: boolean): string[] {
  // Registered by deps (the log) and by the CloudTrail side (src/activation/cloudtrail.ts).
  const elsewhere = new Set<string>([
    COMMAND.showLog,
    COMMAND.openAsCloudTrail,
    COMMAND.openFormattedCopy,
    TEST_COMMAND.cloudtrailAnalysis,
  ]);
  const all: string[] = [...Object.values(COMMAND), ...(production ? [] : Object.values(TEST_COMMAND))];
  return all.filter((id) => !elsewhere.has(id));
}

/** Context keys the code sets and package.json's `when` clauses read. */
export const CONTEXT_KEY = {
  /** The Fleets view has an event filter on (the title bar offers Clear). */
  filterActive: 'gamelift.filterActive',
  /** The only connection has no credentials (the welcome view explains). */
  credentialsMissing: 'gamelift.credentialsMissing',
  /** The active editor is the preview event details panel (shows "Keep Open"). */
  detailsPreviewActive: 'gamelift.details.previewActive',
  /** The active editor shows a CloudTrail log written on one line (offers "Open formatted copy"). */
  cloudtrailOneLine: 'gamelift.cloudtrail.oneLine',
} as const;

/** The language of CloudTrail logs (contributed in package.json). */
export const CLOUDTRAIL_LANGUAGE = 'cloudtrail';

/** The GameLift Log language (contributed in package.json) and the scheme of downloaded logs. */
export const LOG_LANGUAGE = 'gamelift-log';
export const LOG_SCHEME = 'gamelift-log';

/** The Fleets tree view. */
export const FLEETS_VIEW = 'gamelift.fleets';

/** Webview panel types (also their serializers' and activation events' names). */
export const PANEL = {
  eventDetails: 'gamelift.eventDetails',
  fleetTimeline: 'gamelift.fleetTimeline',
  cloudTrailHistory: 'gamelift.cloudTrailHistory',
  fleetDiagnosis: 'gamelift.fleetDiagnosis',
  fleetOverview: 'gamelift.fleetOverview',
} as const;
