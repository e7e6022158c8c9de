// One fleet's Diagnosis panel: gathers what the diagnosis reads (src/diagnosis/gather.ts, logs
// through the cached, renewing EventLogs), shows the verdict, phase, evidence and next steps,
// and carries out what the page asks: an event's details, revealing it in the tree, a log at a
// line, Copy as Markdown, diagnosing again. Log links stay on this side.
import * as vscode from 'vscode';
import { diagnosisToMarkdown } from '../diagnosis';
import { DiagnosisUnavailableError, gatherDiagnosis, type GatheredDiagnosis } from '../diagnosis/gather';
import { classifyError, errorLogLine, isCancellation } from '../gamelift/errors';
import type { FleetEvent, FleetRef } from '../gamelift/types';
import { SecurePanel, type PageSpec } from '../panel/securePanel';
import type { FleetDiagnosisDeps } from './fleetDiagnosisDeps';
import {
  isPageMessage,
  type DiagnosisViewModel,
  type HostMessage,
  type PageMessage,
  type PersistedState,
} from './protocol';
import { buildDiagnosisViewModel } from './viewModel';

const DIAGNOSIS_PAGE: PageSpec<PageMessage> = {
  name: 'diagnosis',
  title: 'GameLift fleet diagnosis',
  loading: 'Diagnosing the fleet…',
  isPageMessage,
};

export interface DiagnosisPanelHost {
  disposed(panel: DiagnosisPanel): void;
}

/** What the tests read back. */
export interface DiagnosisPanelSnapshot {
  readonly ref: FleetRef;
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly model?: DiagnosisViewModel;
  readonly failure?: string;
  readonly ready: boolean;
  readonly title: string;
  /** The last text Copy as Markdown put on the clipboard. */
  readonly copiedMarkdown?: string;
}

export class DiagnosisPanel {
  private readonly page: SecurePanel<HostMessage, PageMessage>;
  private gathered: GatheredDiagnosis | undefined;
  private model: DiagnosisViewModel | undefined;
  private state: DiagnosisPanelSnapshot['state'] = 'running';
  private progress: string | undefined;
  private failure: string | undefined;
  private running: AbortController | undefined;
  private copiedMarkdown: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: FleetRef,
    private readonly deps: FleetDiagnosisDeps,
    host: DiagnosisPanelHost,
  ) {
    this.page = new SecurePanel(
      panel,
      DIAGNOSIS_PAGE,
      { extensionUri: deps.extensionUri, log: deps.log, label: 'Fleet diagnosis' },
      {
        pageReady: () => this.post(),
        handle: (message) => this.handle(message),
        disposed: () => {
          this.running?.abort();
          host.disposed(this);
        },
      },
    );
    this.updateTitle();
  }

  private get fleetLabel(): string {
    return this.deps.explorer.getFleet(this.ref)?.name || this.gathered?.input.fleet.name || this.ref.fleetId;
  }

  private updateTitle(): void {
    this.panel.title = `Diagnosis: ${this.fleetLabel}`;
  }

  private persist(): PersistedState {
    return { kind: 'diagnosis', ref: this.ref };
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Reads everything again and diagnoses (what "Diagnose fleet" and "Diagnose again" do). */
  async run(): Promise<void> {
    if (this.running) return;
    const controller = (this.running = new AbortController());
    this.state = 'running';
    this.failure = undefined;
    this.setProgress('Reading the fleet');
    const ref = this.ref;
    try {
      const gathered = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `GameLift: diagnosing ${this.fleetLabel}` },
        () =>
          gatherDiagnosis(
            this.deps.clients.clientFor('gamelift', ref.target),
            this.deps.explorer.getFleet(ref) ?? ref.fleetId,
            {
              now: () => this.deps.clock.now(),
              signal: controller.signal,
              onProgress: (what) => this.setProgress(what),
              loadLog: async (event, signal) => {
                const result = await this.deps.eventLogs.fetch(ref, event, signal);
                return result.kind === 'ok' ? { files: result.files } : { problem: result.message };
              },
            },
          ),
      );
      this.gathered = gathered;
      this.state = 'done';
      this.deps.explorer.setDiagnosis(ref, gathered.diagnosis);
      this.deps.log.info(
        `Diagnosis of ${ref.fleetId}: ${gathered.diagnosis.verdict} (${gathered.diagnosis.id}), from ${gathered.events.length} events and ${gathered.logs.length} logs${gathered.gaps.length > 0 ? `; ${gathered.gaps.length} thing(s) could not be read` : ''}.`,
      );
    } catch (err) {
      if (isCancellation(err)) {
        this.state = 'cancelled';
        this.failure = 'Diagnosis cancelled.';
      } else {
        this.state = 'failed';
        const classified = classifyError(err, {
          action: `Diagnosing ${ref.fleetId}`,
          fleetId: ref.fleetId,
          region: ref.target.region,
          profile: ref.target.profile,
        });
        this.failure = err instanceof DiagnosisUnavailableError ? err.message : classified.message;
        this.deps.log.error(
          err instanceof DiagnosisUnavailableError ? `Diagnosis: ${err.message}` : errorLogLine(classified),
        );
      }
    } finally {
      this.running = undefined;
      this.progress = undefined;
      this.updateTitle();
      this.render();
    }
  }

  private setProgress(what: string): void {
    this.progress = what;
    this.page.post({ type: 'progress', text: `${what}…`, fleetLabel: this.fleetLabel, persist: this.persist() });
  }

  /** Rebuilds the model (e.g. the tree loaded the evidence's events) and posts it. */
  render(): void {
    const g = this.gathered;
    if (g) {
      this.model = buildDiagnosisViewModel({
        ref: this.ref,
        fleet: this.deps.explorer.getFleet(this.ref) ?? g.input.fleet,
        diagnosis: g.diagnosis,
        events: g.events,
        runtimeConfiguration: g.input.runtimeConfiguration,
        eventsComplete: g.input.eventsComplete !== false,
        logCount: g.logs.length,
        gaps: g.gaps,
        inTree: (eventId) => this.deps.explorer.findEvent(this.ref, eventId) !== undefined,
      });
    }
    this.post();
  }

  private post(): void {
    const persist = this.persist();
    const fleetLabel = this.fleetLabel;
    if (this.running) this.page.post({ type: 'progress', text: `${this.progress ?? 'Reading'}…`, fleetLabel, persist });
    else if (this.failure && this.state !== 'done')
      this.page.post({ type: 'failed', message: this.failure, fleetLabel, persist });
    else if (this.model) this.page.post({ type: 'showDiagnosis', model: this.model, persist });
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  onMessage(raw: unknown): Promise<void> {
    return this.page.receive(raw);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'rediagnose':
        return this.run();
      case 'cancel':
        this.running?.abort();
        return;
      case 'copyMarkdown':
        return this.copyMarkdown();
      case 'openEvent': {
        const event = this.event(message.eventId);
        if (event) this.deps.details.showEventBeside(this.ref, event);
        return;
      }
      case 'revealEvent':
        return this.reveal(message.eventId);
      case 'openLogLine': {
        const event = this.event(message.eventId);
        if (!event) return;
        await this.deps.eventLogs.open(this.ref, event, {
          line: message.line,
          file: message.file,
          viewColumn: vscode.ViewColumn.Beside,
        });
        return;
      }
    }
  }

  /** The event as read for the diagnosis, or the tree's newer copy of it (a renewed link). */
  private event(eventId: string): FleetEvent | undefined {
    return this.deps.explorer.findEvent(this.ref, eventId) ?? this.gathered?.events.find((e) => e.eventId === eventId);
  }

  private async reveal(eventId: string): Promise<void> {
    if (this.deps.explorer.findEvent(this.ref, eventId)) {
      await this.deps.explorer.revealEvent(this.ref, eventId);
      return;
    }
    const event = this.gathered?.events.find((e) => e.eventId === eventId);
    const choice = await vscode.window.showInformationMessage(
      `This ${event?.eventCode ?? 'event'} is not among the events loaded in the Fleets view (the diagnosis read further back). Widen the fleet's time range to see it there, or open its details.`,
      'Show Details',
    );
    if (choice === 'Show Details' && event) this.deps.details.showEventBeside(this.ref, event);
  }

  async copyMarkdown(): Promise<void> {
    const d = this.gathered?.diagnosis;
    if (!d) {
      void vscode.window.showInformationMessage('The diagnosis is not ready yet.');
      return;
    }
    const text = diagnosisToMarkdown(d, { fleetName: this.fleetLabel, region: this.ref.target.region });
    this.copiedMarkdown = text;
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(
      'Copied the diagnosis as Markdown, for a support case or an issue (log links and secrets left out).',
    );
  }

  snapshot(): DiagnosisPanelSnapshot {
    return {
      ref: this.ref,
      state: this.state,
      ...(this.model ? { model: this.model } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
      ready: this.page.ready,
      title: this.panel.title,
      ...(this.copiedMarkdown ? { copiedMarkdown: this.copiedMarkdown } : {}),
    };
  }
}
