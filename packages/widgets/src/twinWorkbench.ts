import {
  parseWorkbenchState,
  shownObservables,
  type BandSpec,
  type ModelManifest,
  type RunProgress,
  type Scenario,
  type WorkbenchState,
} from '@immunotwin/engine';
import type { IBandResult, ISessionFrame, ISessionResult, ITwinSession, WorkerDiedError } from '@immunotwin/worker';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { bandCaption } from './bandCaption.js';
import { download } from './download.js';
import { widgetEvent, type IStateChangeDetail } from './events.js';
import { resultToCsv } from './exportCsv.js';
import { pinLabel } from './pinLabel.js';
import { pinList } from './pinList.js';
import { defaultPlotlyLoader, type PlotlyLoader } from './plotlyLoader.js';
import { toggledObservables } from './observablePicker.js';
import { computePinnedRuns } from './pinnedRuns.js';
import { RunController, type RunPhase } from './runController.js';
import { seriesFromRuns } from './runBuffer.js';
import { ScenarioChanges } from './scenarioChanges.js';
import { scenarioToCode } from './scenarioCode.js';
import { sharedStyles } from './styles.js';
import {
  withDefaults,
  withInterventions,
  withObservables,
  withParameter,
  withPin,
  withPreset,
  withViewChoice,
  withoutPin,
  type WorkbenchView,
  type WorkbenchViewChoice,
} from './workbenchEdits.js';
import { heldView, type IWorkbenchHold } from './workbenchHold.js';
import { workbenchMain, workbenchStarting, type IWorkbenchMainActions } from './workbenchMain.js';
import { workbenchStyles } from './workbenchStyles.js';
import { compareToolbar, runToolbar } from './workbenchToolbars.js';
import { runDetail, type IWorkProgress } from './workProgress.js';
import type { IPinnedRun } from './traces.js';
import type { TwinTimeseriesElement } from './twinTimeseries.js';
import type { TwinRunTissueElement } from './twinRunTissue.js';
import { onWorkerDeath, workerFaultNotice, type IMortalSession } from './workerFault.js';

/**
 * A session the workbench can release when it is disposed (a worker session terminates its worker), and whose
 * worker's death it hears of (a worker session's lifeline).
 */
export type WorkbenchSession = ITwinSession & IMortalSession & { dispose?(): void };

/** Makes the workbench's session; called once, on first use. The workbench never creates one itself. */
export type SessionFactory = () => WorkbenchSession | Promise<WorkbenchSession>;

/** Detail of `run-end`: the finished run. */
export interface IRunEndDetail {
  /** The result as plain data. */
  result: ISessionResult;
}

/** Detail of `band-end`: the band computed (its median and quantile bands, not its runs). */
export interface IBandEndDetail {
  /** The band as the session computed it. */
  result: IBandResult;
}

/** Milliseconds a change waits for the next before a band is recomputed (unless `debounce` is longer). */
export const BAND_DEBOUNCE = 300;

/** Detail of `code-copy`: the kernel cell that reproduces the scenario. */
export interface ICodeCopyDetail {
  /** The cell's code. */
  code: string;
}

/**
 * `<twin-workbench>`: controls, interventions and a live time series of one model, driving its own twin
 * session (never a kernel) — play, pause, step, reset and speed, a progress bar, pinned runs for
 * comparison, CSV and PNG/SVG export, and "copy as code" giving the twin-kernel cell of the scenario. The
 * "Show" control (`<twin-band-control>`, saved as `view.band`) replaces the live run by a band — the median and
 * quantile bands of replicates or of a virtual cohort around the current parameters — computed in the same session
 * in chunks and recomputed (debounced, the previous one cancelled) whenever the scenario changes.
 *
 * Properties: `sessionFactory` (required: makes the session, e.g. `browserSessionFactory()` or, in tests,
 * `() => new TwinSession()`), `state` ({@link WorkbenchState}, e.g. from the MIME bundle; setting a
 * different one reloads), `plotlyLoader`, `debounce` (milliseconds a parameter change waits for the next
 * before a new run starts; default 0: the newest change cancels the run in flight and starts at once),
 * `bandDebounce` (the same for a band: at least this long, default {@link BAND_DEBOUNCE}), `kernelModel` (the
 * model of the kernel "copy as code" targets), `hold` ({@link IWorkbenchHold}: while set, the saved state is shown
 * with the reason and a Run button, and no session is made nor anything computed; `run()` or clearing it starts).
 * Everything it computes (the live run, a band, each pinned run) shows its progress and can be stopped (`stop()`).
 *
 * Events (bubbling, composed): `state-change` ({@link IStateChangeDetail}: write it back to the output),
 * `run-start` ({scenario}), `run-end` ({@link IRunEndDetail}), `band-start` ({band}), `band-end`
 * ({@link IBandEndDetail}), `run-error` ({error}; also a band's), `code-copy`
 * ({@link ICodeCopyDetail}). Call `dispose()` when the output goes away (it cancels the run and releases
 * the session); detaching the element alone keeps it alive (JupyterLab detaches cells scrolled out of view).
 */
export class TwinWorkbenchElement extends LitElement {
  static override properties = {
    sessionFactory: { attribute: false },
    state: { attribute: false },
    plotlyLoader: { attribute: false },
    debounce: { type: Number },
    bandDebounce: { type: Number, attribute: 'band-debounce' },
    kernelModel: { type: String, attribute: 'kernel-model' },
    hold: { attribute: false },
    manifest: { state: true },
    work: { state: true },
    progressDetail: { state: true },
    explicit: { state: true },
    phase: { state: true },
    progress: { state: true },
    message: { state: true },
    code: { state: true },
    pinnedRuns: { state: true },
    accepted: { state: true },
    hasResult: { state: true },
    bandResult: { state: true },
    fault: { state: true },
    spatial: { state: true },
    lookedBack: { state: true },
  };

  static override styles = [sharedStyles, workbenchStyles];

  /** Makes the session (see the class comment). */
  declare sessionFactory: SessionFactory | undefined;
  /** The workbench state; setting a different one reloads the workbench. */
  declare state: WorkbenchState | undefined;
  /** Loads plotly.js (passed on to the time series). */
  declare plotlyLoader: PlotlyLoader;
  /** Milliseconds a parameter change waits for another before the run restarts (default 0: at once). */
  declare debounce: number;
  /** Milliseconds a change waits for another before the band is recomputed, at least (default {@link BAND_DEBOUNCE}). */
  declare bandDebounce: number;
  /** The model of the kernel "copy as code" writes for (default: the workbench's model). */
  declare kernelModel: string | undefined;
  /** Why the workbench waits for a click before it computes; undefined: it computes once it has a state. */
  declare hold: IWorkbenchHold | undefined;
  /** The model's manifest, once loaded. */
  declare manifest: ModelManifest | undefined;
  /** Pinned runs being computed while the state loads (their progress, shown in place of the workbench). */
  declare protected work: IWorkProgress | undefined;
  /** Where the run under way is ("replicate 3 of 20 · day 4"), shown beside its percentage while it runs. */
  declare protected progressDetail: string | undefined;
  /** The session's explicit scenario (every parameter spelled out). */
  declare protected explicit: Scenario | undefined;
  /** The run's phase. */
  declare phase: RunPhase;
  /** Fraction of the run done. */
  declare progress: number;
  /** An error to show. */
  declare protected message: string;
  /** The last "copy as code" output. */
  declare protected code: string;
  /** The last state that parsed and loaded (what is shown; `state` may be a newer one still loading). */
  declare protected accepted: WorkbenchState | undefined;
  /** Pinned runs with their recomputed data. */
  declare protected pinnedRuns: IPinnedRun[];
  /** Whether a finished result is available for export. */
  declare protected hasResult: boolean;
  /** The last band computed (shown until the next one is in). */
  declare protected bandResult: IBandResult | undefined;
  /** Why the session's worker died, until Restart. */
  declare protected fault: WorkerDiedError | undefined;
  /** Whether the model's runs come with pictures of its space (then the tissue view shows, beside one run). */
  declare protected spatial: boolean;
  /** The time the tissue view stays on, marked on the plot (undefined while it follows the run). */
  declare protected lookedBack: number | undefined;

  private session: WorkbenchSession | undefined;
  private controller: RunController | undefined;
  private loadedJson = '';
  private loading: Promise<void> = Promise.resolve();
  /** The controls' scenario changes, debounced and applied one at a time (the newest wins). */
  private readonly changes = new ScenarioChanges({
    delay: () => this.changeDelay(),
    ready: () => !!this.controller && !!this.accepted,
    enqueue: (task) => (this.loading = this.loading.then(task)),
    apply: (scenario) => this.apply(scenario),
  });
  private lastResult: ISessionResult | undefined;
  private disposed = false;
  /** Toolbar actions under way (awaited by `settled`). */
  private readonly tasks = new Set<Promise<unknown>>();
  private valuesCache: { explicit: Scenario | undefined; values: Record<string, number> } | undefined;
  /** Set by `stop()` while a state loads: the pinned runs left are not computed and the scenario is not run. */
  private stopped = false;

  constructor() {
    super();
    this.sessionFactory = undefined;
    this.state = undefined;
    this.plotlyLoader = defaultPlotlyLoader;
    this.debounce = 0;
    this.bandDebounce = BAND_DEBOUNCE;
    this.kernelModel = undefined;
    this.hold = undefined;
    this.manifest = undefined;
    this.work = undefined;
    this.progressDetail = undefined;
    this.explicit = undefined;
    this.phase = 'idle';
    this.progress = 0;
    this.message = '';
    this.code = '';
    this.pinnedRuns = [];
    this.hasResult = false;
    this.bandResult = undefined;
    this.accepted = undefined;
    this.fault = undefined;
    this.spatial = false;
    this.lookedBack = undefined;
  }

  /** The time series element. */
  get plot(): TwinTimeseriesElement {
    return this.renderRoot.querySelector('twin-timeseries')!;
  }

  /** The tissue view of the live run (shown once the run sends pictures of its space). */
  get tissueView(): TwinRunTissueElement | undefined {
    return this.renderRoot.querySelector('twin-run-tissue') ?? undefined;
  }

  /** Resolves once loading, pending changes, the run under way and drawing are done. */
  async settled(): Promise<void> {
    for (;;) {
      const { loading } = this;
      await loading;
      await this.controller?.idle();
      if (loading === this.loading && !this.changes.waiting) break;
      if (this.changes.waiting) await new Promise((resolve) => setTimeout(resolve, this.changeDelay()));
    }
    await Promise.all([...this.tasks]);
    await this.updateComplete;
    await this.plot?.flushed();
  }

  /** Keeps an action's promise until it settles, so `settled()` waits for it; its errors are shown. */
  private track(task: Promise<unknown>): void {
    const tracked = task.catch((error: unknown) => this.showError(error)).finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
  }

  /** Cancels the run and releases the session; the element stays inert afterwards. */
  dispose(): void {
    this.disposed = true;
    this.changes.clear();
    const session = this.session;
    this.session = undefined;
    this.controller = undefined;
    if (session) {
      void session
        .cancel()
        .catch(() => undefined)
        .then(() => session.dispose?.());
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.disposed) return;
    const inputs = changed.has('state') || changed.has('sessionFactory') || changed.has('hold');
    if (inputs && this.state && this.sessionFactory && !this.hold) {
      const json = JSON.stringify(this.state);
      if (json !== this.loadedJson) {
        this.loadedJson = json;
        const state = this.state;
        this.loading = this.loading.then(() => this.load(state));
      }
    }
  }

  /** Loads a state: the session, the manifest, the pinned runs, then the scenario's live run. */
  private async load(input: WorkbenchState): Promise<void> {
    if (this.disposed) return;
    try {
      const state = parseWorkbenchState(input);
      // A new state replaces any change still waiting for its debounce.
      this.changes.clear();
      if (!this.session) {
        const session = await this.sessionFactory!();
        this.session = session;
        onWorkerDeath(session, (error) => {
          if (this.session === session) this.fault = error;
        });
        this.controller = new RunController(this.session, {
          begin: (scenario) => this.onBegin(scenario),
          frame: (frame) => this.onFrame(frame),
          progress: (progress) => this.onProgress(progress),
          end: (result) => this.onEnd(result),
          bandBegin: (band) => this.onBandBegin(band),
          bandEnd: (result) => this.onBandEnd(result),
          error: (error) => this.showError(error),
          phase: (phase) => (this.phase = phase),
        });
      }
      const controller = this.controller!;
      controller.speed = state.view?.speed ?? Infinity;
      controller.band = state.view?.band;
      controller.tissueField = state.view?.tissueField;
      const manifest = await this.session.manifest(state.scenario.model);
      if (manifest.id !== this.manifest?.id) {
        this.spatial = false;
        this.tissueView?.clear();
      }
      this.manifest = manifest;
      this.message = '';
      this.stopped = false;
      const pins = state.pinned ?? [];
      const { pinned, skipped } = await computePinnedRuns(controller, pins, this.manifest, {
        work: (work) => (this.work = work),
        stopped: () => this.stopped,
        stop: () => void this.stop(),
        error: (error) => this.showError(error),
      });
      this.pinnedRuns = pinned;
      this.accepted = state;
      this.explicit = await controller.load(state.scenario, !this.stopped);
      if (skipped.length > 0) {
        this.message = `Stopped: ${skipped.length} of ${pins.length} pinned runs were not computed (${skipped.join('; ')}); they stay in the notebook, and the scenario has not run.`;
      }
    } catch (error) {
      this.work = undefined;
      this.showError(error);
    }
  }

  /**
   * After the session's worker died: releases it and loads the workbench's state (parameters, interventions,
   * pinned runs, view) into a new session from `sessionFactory`. Resolves when it has loaded.
   */
  async restart(): Promise<void> {
    const state = this.accepted ?? this.state;
    const session = this.session;
    this.session = undefined;
    this.controller = undefined;
    this.fault = undefined;
    this.message = '';
    session?.dispose?.();
    // The state as it is when the load starts: a change made meanwhile is kept.
    if (state && !this.disposed) this.loading = this.loading.then(() => this.load(this.accepted ?? state));
    await this.loading;
  }

  /** How long a change waits for the next: `debounce`, and at least `bandDebounce` while a band is shown. */
  private changeDelay(): number {
    return this.controller?.band ? Math.max(this.debounce, this.bandDebounce) : this.debounce;
  }

  /** Loads a changed scenario into the session (restarting the run) and saves it; a refused one is shown. */
  private async apply(scenario: Scenario): Promise<void> {
    const controller = this.controller;
    if (this.disposed || !controller) return;
    try {
      this.explicit = await controller.load(scenario);
      this.message = '';
      this.updateState({ ...this.accepted!, scenario });
    } catch (error) {
      this.showError(error);
      this.explicit = this.explicit ? { ...this.explicit } : undefined; // the controls show the accepted values again
    }
  }

  private updateState(state: WorkbenchState): void {
    this.accepted = state;
    this.state = state;
    this.loadedJson = JSON.stringify(state);
    this.dispatchEvent(widgetEvent<IStateChangeDetail>('state-change', { state: structuredClone(state) }));
  }

  private showError(error: unknown): void {
    this.message = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(widgetEvent('run-error', { error }));
  }

  private onBegin(scenario: Scenario): void {
    this.progress = 0;
    this.hasResult = false;
    this.lastResult = undefined;
    this.plot?.beginRun();
    this.tissueView?.begin();
    this.lookedBack = undefined;
    this.dispatchEvent(widgetEvent('run-start', { scenario }));
  }

  private onFrame(frame: ISessionFrame): void {
    this.plot?.appendFrame(frame);
    if (!frame.tissue) return;
    this.spatial = true;
    for (const picture of frame.tissue) this.tissueView?.addPicture(picture);
  }

  private onBandBegin(band: BandSpec): void {
    this.progress = 0;
    this.hasResult = false;
    this.lastResult = undefined;
    this.dispatchEvent(widgetEvent('band-start', { band }));
  }

  private onBandEnd(result: IBandResult): void {
    this.progress = 1;
    this.bandResult = result;
    this.plot?.showBand({ ...result.summary, time: result.time });
    this.dispatchEvent(widgetEvent<IBandEndDetail>('band-end', { result }));
  }

  private onProgress(progress: RunProgress): void {
    this.progress = progress.fraction;
    this.progressDetail = this.manifest ? runDetail(progress, this.manifest.timeUnit) : undefined;
  }

  private onEnd(result: ISessionResult): void {
    this.progress = 1;
    this.lastResult = result;
    this.hasResult = true;
    this.plot?.endRun(result.summary);
    this.dispatchEvent(widgetEvent<IRunEndDetail>('run-end', { result }));
  }

  // --- event handlers of the parts ---

  /** The scenario changes build on: the latest asked for, else the accepted one. */
  private base(): Scenario {
    return this.changes.base(this.accepted!.scenario);
  }

  /** What the main area's controls do: each scenario edit goes through the debounced, newest-wins changes. */
  private readonly mainActions: IWorkbenchMainActions = {
    parameter: (event) => this.changes.change(withParameter(this.base(), event.detail.name, event.detail.value), true),
    preset: (event) => this.changes.change(withPreset(this.base(), event.detail.preset, event.detail.values), false),
    resetControls: () => this.changes.change(withDefaults(this.base()), false),
    interventions: (event) => this.changes.change(withInterventions(this.base(), event.detail.interventions), true),
    lookBack: (time) => (this.lookedBack = time),
    tissueField: (field) => this.setTissueField(field),
  };

  // --- toolbar actions (public, so a host or a test can call them) ---

  /** Plays (resumes, or runs the scenario again). */
  play(): Promise<void> {
    return this.controller?.play() ?? Promise.resolve();
  }

  /** Pauses the run. */
  pause(): Promise<void> {
    return this.controller?.pause() ?? Promise.resolve();
  }

  /** Advances the run by one frame. */
  step(): Promise<void> {
    return this.controller?.step() ?? Promise.resolve();
  }

  /** Starts a held workbench (see `hold`): it makes its session and computes the saved state. */
  run(): void {
    this.hold = undefined;
  }

  /**
   * Stops what is computing: the live run or band (what is drawn stays; Play or Run starts it again), or, while the
   * state loads, the pinned runs not yet computed (the scenario then loads without running).
   */
  stop(): Promise<void> {
    if (this.work) this.stopped = true;
    return this.controller?.cancel() ?? Promise.resolve();
  }

  /** Cancels and clears the run (the scenario stays). */
  reset(): Promise<void> {
    this.progress = 0;
    return this.controller?.reset() ?? Promise.resolve();
  }

  /** Sets the playback speed (model time units per second; Infinity: full speed) for the next run. */
  setSpeed(speed: number): void {
    if (this.controller) this.controller.speed = speed;
    this.saveViewChoice('speed', Number.isFinite(speed) ? speed : undefined);
  }

  /**
   * Chooses what the plot shows: one live run (undefined), or the band of replicates or of a cohort (saved as
   * `view.band`); what is under way is cancelled and the new choice starts at once.
   */
  setBand(band: BandSpec | undefined): void {
    this.saveViewChoice('band', band);
    this.message = '';
    const controller = this.controller;
    if (!controller) return;
    controller.band = band;
    if (!band) this.bandResult = undefined;
    this.restartAfterQueued(controller);
  }

  /**
   * Chooses the field the tissue view draws (saved as `view.tissueField`; undefined: the model's first): the run
   * starts again with it, so every kept picture is of that field.
   */
  setTissueField(field: string | undefined): void {
    this.saveViewChoice('tissueField', field);
    const controller = this.controller;
    if (!controller) return;
    controller.tissueField = field;
    this.restartAfterQueued(controller);
  }

  /** Saves a choice of `view` ({@link withViewChoice}). */
  private saveViewChoice<K extends WorkbenchViewChoice>(key: K, value: WorkbenchView[K] | undefined): void {
    this.updateState(withViewChoice(this.accepted!, key, value));
  }

  /** Starts the run again after any scenario change already queued (which then starts what was chosen). */
  private restartAfterQueued(controller: RunController): void {
    this.loading = this.loading.then(() => controller.restart()).catch((error: unknown) => this.showError(error));
  }

  /** Shows the y axis logarithmic or linear (saved as `view.logY` when logarithmic). */
  setLogY(logY: boolean): void {
    this.saveViewChoice('logY', logY || undefined);
  }

  /** Chooses the observables drawn (undefined: all). */
  setObservables(observables: string[] | undefined): void {
    this.updateState(withObservables(this.accepted!, observables));
  }

  /** Pins the finished run for comparison (its scenario is saved; its data is recomputed on reload). */
  pin(): void {
    const result = this.lastResult;
    if (!result || !this.manifest || !this.accepted) return;
    const label = pinLabel(
      result.scenario,
      this.manifest,
      this.pinnedRuns.map((p) => p.label),
    );
    this.pinnedRuns = [...this.pinnedRuns, { label, series: seriesFromRuns(result.runs), summary: result.summary }];
    this.updateState(withPin(this.accepted, label));
  }

  /** Removes the pinned run at `index` of the pinned list shown (its scenario leaves the state). */
  unpin(index: number): void {
    const label = this.pinnedRuns[index]?.label;
    if (label === undefined) return;
    this.pinnedRuns = this.pinnedRuns.filter((_, i) => i !== index);
    this.updateState(withoutPin(this.accepted!, label));
  }

  /** The finished run as CSV (the engine's writer); throws if no run has finished. */
  csv(): string {
    if (!this.lastResult || !this.manifest) throw new Error('no finished run to export yet');
    return resultToCsv(this.lastResult, this.manifest);
  }

  /** The twin-kernel cell reproducing the current scenario. */
  scenarioCode(): string {
    if (!this.accepted || !this.manifest) throw new Error('the workbench has not loaded a scenario yet');
    return scenarioToCode(this.accepted.scenario, this.manifest, { kernelModel: this.kernelModel });
  }

  /** Shows the code cell and copies it to the clipboard where allowed; emits `code-copy`. */
  async copyCode(): Promise<string> {
    const code = this.scenarioCode();
    this.code = code;
    this.dispatchEvent(widgetEvent<ICodeCopyDetail>('code-copy', { code }));
    try {
      await navigator.clipboard?.writeText(code);
    } catch {
      // No clipboard permission: the code is shown, selectable, under the toolbar.
    }
    return code;
  }

  /** Offers the finished run as a CSV download. */
  exportCsv(): void {
    try {
      download(`${this.manifest!.id}.csv`, this.csv(), 'text/csv');
    } catch (error) {
      this.showError(error);
    }
  }

  /** Offers the plot as a PNG or SVG download (errors are shown, not thrown). */
  async exportImage(format: 'png' | 'svg'): Promise<void> {
    try {
      download(`${this.manifest!.id}.${format}`, await this.plot.toImage(format), `image/${format}`);
    } catch (error) {
      this.showError(error);
    }
  }

  // --- rendering ---

  protected override render(): TemplateResult {
    if (this.hold && this.state) return this.heldState(this.hold, this.state);
    const manifest = this.manifest;
    const state = this.accepted;
    if (!manifest || !state) {
      return workbenchStarting(
        { fault: this.fault, message: this.message, work: this.work },
        () => void this.restart(),
      );
    }
    const band = state.view?.band;
    const alert = this.fault ? workerFaultNotice(this.fault, () => void this.restart()) : this.message;
    return html`
      ${runToolbar(
        {
          manifest,
          scenario: this.explicit,
          band,
          phase: this.phase,
          speed: state.view?.speed ?? Infinity,
          progress: this.progress,
          progressDetail: this.progressDetail,
        },
        this,
      )}
      ${compareToolbar(
        {
          manifest,
          band: !!band,
          hasResult: this.hasResult,
          logY: state.view?.logY ?? false,
          shown: shownObservables(manifest, state.observables),
        },
        {
          pin: () => this.pin(),
          exportCsv: () => this.exportCsv(),
          exportImage: (format) => this.track(this.exportImage(format)),
          copyCode: () => this.track(this.copyCode()),
          setLogY: (logY) => this.setLogY(logY),
          toggleObservable: (id) => this.setObservables(toggledObservables(manifest, state.observables, id)),
        },
      )}
      ${pinList(
        this.pinnedRuns.map((p) => p.label),
        (i) => this.unpin(i),
      )}
      ${
        band
          ? html`<div class="band-caption muted" role="status">
              ${bandCaption(this.bandResult?.band ?? band, this.explicit?.quantiles ?? [])}${
                this.phase === 'running' ? ' (computing…)' : ''
              }
            </div>`
          : nothing
      }
      <div role="alert" class="error">${alert}</div>
      ${this.code ? html`<pre class="code" aria-label="Kernel code for this scenario">${this.code}</pre>` : nothing}
      ${workbenchMain(
        {
          manifest,
          state,
          scenario: this.explicit,
          values: this.controlValues(),
          pinned: this.pinnedRuns,
          plotlyLoader: this.plotlyLoader,
          tissue: this.spatial && !band,
          lookedBack: this.lookedBack,
        },
        this.mainActions,
      )}
    `;
  }

  /** The held view of `input` (see `hold`), or the reason the state cannot be shown. */
  private heldState(hold: IWorkbenchHold, input: WorkbenchState): TemplateResult {
    try {
      return heldView(parseWorkbenchState(input), hold, () => this.run());
    } catch (error) {
      return html`<div role="alert" class="error">${error instanceof Error ? error.message : String(error)}</div>`;
    }
  }

  /** The accepted parameter values, as a new object only when the session accepted a new scenario. */
  private controlValues(): Record<string, number> {
    if (!this.valuesCache || this.valuesCache.explicit !== this.explicit) {
      this.valuesCache = { explicit: this.explicit, values: { ...(this.explicit?.parameters ?? {}) } };
    }
    return this.valuesCache.values;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-workbench': TwinWorkbenchElement;
  }
}
