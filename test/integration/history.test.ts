// The CloudTrail history view inside a real VS Code: a generated folder of `.json.gz` deliveries
// (with one damaged file) read through "Open CloudTrail folder…", filters answered as a plain
// JSON.parse scan finds, Open record selecting the record at its place in the decompressed
// `.json.gz` view, and "Show CloudTrail history" for a fleet: the open folder, else LookupEvents
// against the local endpoint.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { FleetRef } from '../../src/gamelift/types';
import type { HistoryFilters, SourceSpec, SourceView } from '../../src/historyView/protocol';
import { COMMAND, TEST_COMMAND } from '../../src/ids';
import { writeDeliveries, type GeneratedTrail } from '../emulator/cloudtrail/deliveries';
import { TEST_ACCOUNTS } from '../emulator/credentials';
import { DEFAULT_FLEETS } from '../emulator/fixtures';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { plainScan, type Rec } from '../unit/history/trailFolder';
import { setSetting, snapshotSettings, waitFor } from './explorerSupport';

const DEV = TEST_ACCOUNTS.find((a) => a.profile === 'local-dev')!;

interface PanelShot {
  source: SourceSpec;
  filters: HistoryFilters;
  view: SourceView;
  result?: { seq: number; total: number; indexed: number; records: number[] };
}

async function panels(): Promise<PanelShot[]> {
  return vscode.commands.executeCommand<PanelShot[]>(TEST_COMMAND.historySnapshot);
}

/** The one panel of `kind` once it has read everything and answered its current filters. */
async function settled(kind: SourceSpec['kind'], after = 0): Promise<PanelShot> {
  return waitFor(
    `the ${kind} history panel`,
    async () => {
      const shot = (await panels()).find((p) => p.source.kind === kind);
      if (!shot || shot.view.loading || !shot.result || shot.result.seq <= after) return undefined;
      if (shot.view.more) {
        await vscode.commands.executeCommand(TEST_COMMAND.historyDeliver, { type: 'loadMore' });
        return undefined;
      }
      return shot;
    },
    60_000,
  );
}

async function query(filters: HistoryFilters, kind: SourceSpec['kind'] = 'folder'): Promise<PanelShot> {
  const before = (await panels()).find((p) => p.source.kind === kind)?.result?.seq ?? 0;
  await vscode.commands.executeCommand(TEST_COMMAND.historyDeliver, { type: 'query', filters, facets: [] });
  return settled(kind, before);
}

/** A record names the fleet where the history core looks for it (as the CLI test's plain scan). */
function namesFleet(r: Rec, fleetId: string): boolean {
  return JSON.stringify([r.requestParameters, r.responseElements, r.resources]).includes(`"${fleetId}"`);
}

describe('CloudTrail history view (real VS Code)', function () {
  this.timeout(180_000);
  let dir: string;
  let trail: GeneratedTrail;
  let records: Rec[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-history-'));
    trail = writeDeliveries({ dir, records: 4_000, seed: 1818 });
    fs.writeFileSync(path.join(dir, 'damaged.json.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3]));
    records = plainScan(dir);
    assert.strictEqual(records.length, trail.records, 'the plain scan reads every generated record');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a folder of deliveries into one index and lists the damaged file', async () => {
    await vscode.commands.executeCommand(COMMAND.openCloudTrailFolder, vscode.Uri.file(dir));
    const shot = await settled('folder');
    assert.strictEqual(shot.result!.indexed, trail.records);
    assert.strictEqual(shot.result!.total, trail.records);
    assert.strictEqual(shot.view.failures, 1, 'the damaged file is listed');
    assert.strictEqual(shot.view.filesTotal, trail.files.length + 1);
  });

  it('answers filters as a plain JSON.parse scan does', async () => {
    const cases: Array<{ filters: HistoryFilters; expect: (r: Rec) => boolean }> = [
      {
        filters: { columns: { eventName: { values: ['UpdateFleetCapacity'] } } },
        expect: (r) => r.eventName === 'UpdateFleetCapacity',
      },
      { filters: { errorsOnly: true }, expect: (r) => typeof r.errorCode === 'string' && r.errorCode !== '' },
      { filters: { writesOnly: true }, expect: (r) => r.readOnly === false },
      {
        filters: { columns: { region: { values: ['eu-west-1'] } }, writesOnly: true },
        expect: (r) => r.awsRegion === 'eu-west-1' && r.readOnly === false,
      },
    ];
    for (const c of cases) {
      const expected = records.filter(c.expect).length;
      assert.ok(expected > 0 && expected < records.length, `${JSON.stringify(c.filters)} selects some`);
      const shot = await query(c.filters);
      assert.strictEqual(shot.result!.total, expected, JSON.stringify(c.filters));
    }
  });

  it('opens a record at its place in the decompressed .json.gz view', async () => {
    const fleet = trail.fleets.find((f) => records.filter((r) => namesFleet(r, f.fleetId)).length >= 3)!;
    const shot = await query({ columns: { resource: { values: [fleet.fleetId] } } });
    const expected = records.filter((r) => namesFleet(r, fleet.fleetId));
    assert.strictEqual(shot.result!.total, expected.length);
    await vscode.commands.executeCommand(TEST_COMMAND.historyDeliver, {
      type: 'openRecord',
      seq: shot.result!.seq,
      row: 0,
    });
    const editor = await waitFor('the record in its .json.gz', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.scheme === 'cloudtrail-gz' && !e.selection.isEmpty ? e : undefined;
    });
    // The decompressed view names the delivery in its query and drops `.gz` from its path.
    assert.match(editor.document.uri.query, /_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_\w+\.json\.gz$/);
    const record = JSON.parse(editor.document.getText(editor.selection)) as Rec;
    assert.ok(namesFleet(record, fleet.fleetId), 'the selection is a record of the fleet');
    // Newest first: no record of the fleet is newer than the one opened.
    const newest = Math.max(...expected.map((r) => Date.parse(String(r.eventTime))));
    assert.strictEqual(Date.parse(String(record.eventTime)), newest);
    assert.ok(expected.some((r) => r.eventID === record.eventID));
  });

  it('Show CloudTrail history for a fleet filters the open folder to it', async () => {
    const fleet = trail.fleets[0];
    const ref: FleetRef = { target: { region: fleet.region }, fleetId: fleet.fleetId };
    const before = (await panels()).find((p) => p.source.kind === 'folder')!.result!.seq;
    await vscode.commands.executeCommand(COMMAND.showCloudTrailHistory, { ref });
    const shot = await settled('folder', before);
    assert.deepStrictEqual(shot.filters, { columns: { resource: { values: [fleet.fleetId] } } });
    assert.strictEqual(shot.result!.total, records.filter((r) => namesFleet(r, fleet.fleetId)).length);
    assert.strictEqual((await panels()).length, 1, 'no second panel');
  });

  it('writes the Athena table for the trail bucket and the SELECT for the current filters', async () => {
    const fleet = trail.fleets[0];
    await vscode.commands.executeCommand(TEST_COMMAND.historyDeliver, {
      type: 'athena',
      bucket: 'example-trail-bucket',
      prefix: '',
      organizationId: '',
    });
    const athena = await waitFor('the Athena SQL', async () => {
      const snap = await vscode.commands.executeCommand<Array<{ athena: { createTable?: string; select?: string } }>>(
        TEST_COMMAND.historySnapshot,
      );
      return snap[0]?.athena.createTable ? snap[0].athena : undefined;
    });
    assert.match(athena.createTable!, /s3:\/\/example-trail-bucket\/AWSLogs\//);
    // Partition projection over the accounts and Regions the folder holds.
    for (const account of new Set(records.map((r) => String(r.recipientAccountId))))
      assert.ok(athena.createTable!.includes(account), account);
    assert.ok(athena.select!.includes(fleet.fleetId), 'the SELECT keeps the fleet filter');
  });

  describe('online, without an open folder', () => {
    let emulator: RunningEmulator;
    let restoreSettings: () => Promise<void>;

    before(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('the folder panel closed', async () => ((await panels()).length === 0 ? true : undefined));
      emulator = await startEmulator({ port: 0, scenario: 'default' });
      restoreSettings = snapshotSettings();
      await setSetting('watch.intervalSeconds', 0);
      await setSetting('profile', 'local-dev');
      await setSetting('regions', ['us-west-2']);
      await setSetting('endpoint', emulator.url);
    });
    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await restoreSettings?.();
      await emulator?.stop();
    });

    it("reads the connection's LookupEvents and shows the fleet's calls", async () => {
      const ref: FleetRef = {
        target: { profile: 'local-dev', region: 'us-west-2', endpoint: emulator.url },
        fleetId: DEFAULT_FLEETS.busy,
      };
      await vscode.commands.executeCommand(COMMAND.showCloudTrailHistory, { ref });
      const shot = await settled('online');
      const gamelift = emulator.trail
        .events(DEV.accountId, 'us-west-2')
        .filter((e) => e.eventSource === 'gamelift.amazonaws.com');
      const expected = gamelift.filter((e) => namesFleet(JSON.parse(e.text) as Rec, ref.fleetId));
      assert.ok(expected.length > 0, 'the endpoint tells a story of the fleet');
      assert.strictEqual(shot.view.records, gamelift.length, 'every GameLift event of the Region read');
      assert.strictEqual(shot.result!.total, expected.length);
      assert.strictEqual(shot.view.filesDone, Math.max(1, Math.ceil(gamelift.length / 50)), 'ceil(N/50) calls');
    });

    it('says which permission is missing when LookupEvents is denied, and Retry reads again', async () => {
      // Another Region: its history is not read yet (a read window is kept and not asked again).
      const ref: FleetRef = {
        target: { profile: 'local-dev', region: 'eu-west-1', endpoint: emulator.url },
        fleetId: DEFAULT_FLEETS.euActive,
      };
      const inEu = async () =>
        (await panels()).find((p) => p.source.kind === 'online' && p.source.target.region === 'eu-west-1');
      emulator.setFaults({ rules: [{ kind: 'accessDenied', operations: ['LookupEvents'] }] });
      try {
        await vscode.commands.executeCommand(COMMAND.showCloudTrailHistory, { ref });
        const denied = await waitFor('the error in the eu-west-1 panel', async () => {
          const shot = await inEu();
          return shot && !shot.view.loading && shot.view.error ? shot : undefined;
        });
        assert.match(denied.view.error!, /cloudtrail:LookupEvents/);
      } finally {
        emulator.setFaults({ rules: [] });
      }
      await vscode.commands.executeCommand(TEST_COMMAND.historyDeliver, { type: 'retry' });
      const read = await waitFor('the eu-west-1 history read after Retry', async () => {
        const shot = await inEu();
        return shot && !shot.view.loading && !shot.view.error && shot.result && !shot.view.more ? shot : undefined;
      });
      const expected = emulator.trail
        .events(DEV.accountId, 'eu-west-1')
        .filter((e) => e.eventSource === 'gamelift.amazonaws.com')
        .filter((e) => namesFleet(JSON.parse(e.text) as Rec, ref.fleetId));
      assert.ok(expected.length > 0);
      assert.strictEqual(read.result!.total, expected.length);
    });
  });
});
