import { parsePatientState, type FitProgress, type FitResult, type PatientState } from '@immunotwin/engine';
import type { IPatientService, IPatientView } from '@immunotwin/worker';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { nextAnimationFrame } from './animationFrame.js';
import { short, stateWithCsv, stateWithGroup, type CsvLoad, type ILoadedFile } from './patient/patientData.js';
import { groupPicker } from './patient/patientGroup.js';
import { patientEstimates } from './patient/patientEstimates.js';
import { dayReached, patientDescription, patientFigure, profileFigure } from './patient/patientFigure.js';
import { patientStyles } from './patient/patientStyles.js';
import { patientTable, type IDropHandlers } from './patient/patientTable.js';
import { treatmentPicker } from './patient/patientTreatment.js';
import { defaultPlotlyLoader, type IPlotly, type PlotlyLoader } from './plotlyLoader.js';
import { adoptPlotlyStyles } from './plotlyStyles.js';
import { plotlyTheme, watchTheme, withTheme } from './plotlyTheme.js';
import { sharedStyles } from './styles.js';
import { workProgress } from './workProgress.js';

/** A patient worker as the element uses it: the service's calls, and `dispose()` to stop it for good. */
export type PatientSession = Pick<IPatientService, 'fit' | 'view' | 'cancel'> & { dispose?(): void };
/** Makes the element's worker (called again after a cancel, which disposes the one that was working). */
export type PatientSessionFactory = () => PatientSession | Promise<PatientSession>;

const isAbort = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'AbortError';
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const STAGES: Record<FitProgress['stage'], string> = { starts: 'starts', profiles: 'profiles', bootstrap: 'bootstrap' };

/**
 * `<twin-patient>`: a twin of one patient, from the patient state (`application/vnd.immunotwin.patient+json`,
 * the kernel's `twin.patient()`). A data table that takes a CSV file dropped on it (or chosen with "Load CSV…"; a
 * file of several groups, arms or subjects, offers them in a "Group" select), "Fit" (on the element's own worker,
 * with progress and Cancel), one plot of the data, the twin's curve, the forecast band from the day reached and the residuals below, the fit's estimates with the profile likelihood of each
 * parameter, and "Next day", which assimilates the data's next time and redraws the forecast. Everything is computed
 * in the worker; the state holds no results, so a saved notebook's widget comes back alive without a kernel.
 *
 * Properties: `state` (object or JSON text), `sessionFactory` (required), `plotlyLoader`. Events: `state-change`
 * (`{ state }`: data loaded, a fit applied, a day assimilated: save it), `fit-end` (`{ result }`). Methods: `fit()`,
 * `cancel()`, `nextDay()`, `loadCsv(text, fileName)`, `chooseGroup(group)`, `treat(kind)`, `settled()`, `dispose()`.
 */
export class TwinPatientElement extends LitElement {
  static override properties = {
    state: { attribute: false },
    sessionFactory: { attribute: false },
    plotlyLoader: { attribute: false },
    parsed: { state: true },
    view: { state: true },
    result: { state: true },
    progress: { state: true },
    message: { state: true },
    problem: { state: true },
    computing: { state: true },
    dragging: { state: true },
    file: { state: true },
  };

  static override styles = [sharedStyles, patientStyles];

  /** The patient state: an object or JSON text, read with the engine's `parsePatientState`. */
  declare state: unknown;
  /** Makes the element's worker session. */
  declare sessionFactory: PatientSessionFactory | undefined;
  /** Loads plotly.js (default: its basic bundle, once per page); tests pass a recorder. */
  declare plotlyLoader: PlotlyLoader;

  /** The state as read (undefined when there is none or it did not parse). */
  declare parsed: PatientState | undefined;
  /** What the worker computed for the state. */
  declare view: IPatientView | undefined;
  /** The last fit, for the estimates and profiles (a result: not saved). */
  declare result: FitResult | undefined;
  /** The fit under way. */
  declare progress: FitProgress | undefined;
  /** A note (a loaded file, a cancelled fit). */
  declare message: string | undefined;
  /** What went wrong (a bad state, a bad file, a failed fit), shown as an alert. */
  declare problem: string | undefined;
  /** The view is being computed. */
  declare computing: boolean;
  declare dragging: boolean;
  /** The observations file read last, whose groups the "Group" select offers (not saved: the state holds one). */
  declare file: ILoadedFile | undefined;

  private session: Promise<PatientSession> | undefined;
  private plotly: IPlotly | undefined;
  private work: Promise<unknown> = Promise.resolve();
  private viewRequest = 0;
  private stopWatchingTheme: (() => void) | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.plotlyLoader = defaultPlotlyLoader;
    this.computing = false;
    this.dragging = false;
  }

  /** Resolves once the view under way (if any) is computed and drawn. */
  async settled(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.work;
      await seen.catch(() => undefined);
      await this.updateComplete;
    } while (seen !== this.work);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingTheme = watchTheme(() => void this.draw());
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(() => nextAnimationFrame(() => this.resize()));
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingTheme?.();
    this.resizeObserver?.disconnect();
  }

  /** Stops the worker for good (the output went away). */
  dispose(): void {
    void this.session?.then((s) => s.dispose?.());
    this.session = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    try {
      const next = this.state === undefined ? undefined : parsePatientState(this.state);
      if (JSON.stringify(next) === JSON.stringify(this.parsed)) return;
      // Data from elsewhere are not the file read last: its groups are no longer on offer.
      if (JSON.stringify(next?.data) !== JSON.stringify(this.parsed?.data)) this.file = undefined;
      this.parsed = next;
      this.problem = undefined;
      if (next) this.refresh();
    } catch (error) {
      this.parsed = undefined;
      this.problem = `The patient state could not be read. ${messageOf(error)}`;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('view') || changed.has('result') || changed.has('plotlyLoader')) void this.draw();
  }

  private get busy(): boolean {
    return this.progress !== undefined;
  }

  private sessionNow(): Promise<PatientSession> {
    if (!this.sessionFactory) throw new Error('<twin-patient> needs a sessionFactory');
    return (this.session ??= Promise.resolve(this.sessionFactory()));
  }

  /** Replaces the state (and says so), then computes its view. */
  private setState(next: PatientState): void {
    this.parsed = next;
    this.state = next;
    this.dispatchEvent(new CustomEvent('state-change', { detail: { state: next }, bubbles: true, composed: true }));
    this.refresh();
  }

  /** Computes the view of the current state in the worker (a newer request supersedes an older one). */
  private refresh(): void {
    const state = this.parsed;
    if (!state || !this.sessionFactory) return;
    const request = ++this.viewRequest;
    this.computing = true;
    this.work = this.work
      .catch(() => undefined)
      .then(async () => {
        if (request !== this.viewRequest) return;
        try {
          const view = await (await this.sessionNow()).view(state);
          if (request !== this.viewRequest) return;
          this.view = view;
          this.problem = undefined;
          await this.updateComplete;
          await this.draw();
        } catch (error) {
          if (!isAbort(error) && request === this.viewRequest) this.problem = messageOf(error);
        } finally {
          if (request === this.viewRequest) this.computing = false;
        }
      });
  }

  /** Fits the state's parameters on the worker; the estimates go into the state's scenario. */
  async fit(): Promise<void> {
    const state = this.parsed;
    if (!state || this.busy) return;
    const total = state.fit.starts ?? 1;
    this.progress = { stage: 'starts', done: 0, total, evaluations: 0 };
    this.message = undefined;
    this.problem = undefined;
    // After the view under way (one job at a time on the worker), so that the view a file or a day started is drawn.
    const started = this.work
      .catch(() => undefined)
      .then(async () => {
        // A cancel before the fit reached its worker: it never starts.
        const cancelled = () => new DOMException('The fit was cancelled', 'AbortError');
        if (!this.progress) throw cancelled();
        const session = await this.sessionNow();
        if (!this.progress) throw cancelled();
        return session.fit(state, (p) => {
          if (this.progress) this.progress = p;
        });
      });
    this.work = started;
    try {
      const result = await started;
      this.progress = undefined;
      this.result = result;
      const ids = new Set(this.view?.model.parameters ?? []);
      const estimates = Object.fromEntries(
        result.parameters.filter((p) => ids.size === 0 || ids.has(p.id)).map((p) => [p.id, p.estimate]),
      );
      this.dispatchEvent(new CustomEvent('fit-end', { detail: { result }, bubbles: true, composed: true }));
      this.setState({
        ...state,
        scenario: { ...state.scenario, parameters: { ...state.scenario.parameters, ...estimates } },
        fitted: true,
      });
    } catch (error) {
      // Cancelled: the worker was stopped (its calls reject with a WorkerDiedError, or an AbortError in this thread).
      if (this.progress === undefined) return;
      this.progress = undefined;
      if (isAbort(error)) this.message = 'Fit cancelled.';
      else this.problem = `The fit failed. ${messageOf(error)}`;
    }
  }

  /** Stops the fit under way: its worker is stopped at once and a new one serves what comes next. */
  cancel(): void {
    if (!this.progress) return;
    const { stage, done, total } = this.progress;
    this.progress = undefined;
    this.message = `Fit cancelled in its ${STAGES[stage]} (${done} of ${total} done).`;
    const session = this.session;
    this.session = undefined;
    void session?.then((s) => {
      void s.cancel().catch(() => undefined);
      s.dispose?.();
    });
    // The view's computation shared the worker: compute it again on the new one.
    this.refresh();
  }

  /** Assimilates the data's next time and forecasts from there. */
  nextDay(): void {
    const state = this.parsed;
    const times = this.view?.times.length ?? 0;
    if (!state || this.busy || state.assimilate.day >= times) return;
    this.setState({ ...state, assimilate: { ...state.assimilate, day: state.assimilate.day + 1 } });
  }

  /**
   * Tries a treatment from the day reached (one of the model's interventions by kind, with its default fields), or
   * none: the forecast is computed again, with and without it.
   */
  treat(kind: string | undefined): void {
    const state = this.parsed;
    if (!state || this.busy || kind === state.assimilate.treatment?.kind) return;
    const { treatment: _old, ...assimilate } = state.assimilate;
    this.setState({ ...state, assimilate: kind === undefined ? assimilate : { ...assimilate, treatment: { kind } } });
  }

  /** Goes back to the start: no observation assimilated. */
  restartDays(): void {
    const state = this.parsed;
    if (!state || this.busy || state.assimilate.day === 0) return;
    this.setState({ ...state, assimilate: { ...state.assimilate, day: 0 } });
  }

  /** Replaces the data by an observations CSV; a file that does not parse leaves them and shows why. */
  loadCsv(text: string, fileName: string): void {
    const state = this.parsed;
    if (!state || this.busy) return;
    this.useData(stateWithCsv(state, text, fileName));
  }

  /** Replaces the data by another group of the file read last (one of the "Group" select's). */
  chooseGroup(group: string): void {
    const state = this.parsed;
    if (!state || this.busy || !this.file || group === state.data[0]?.group) return;
    this.useData(stateWithGroup(state, this.file, group));
  }

  private useData(load: CsvLoad): void {
    if ('error' in load) {
      this.problem = load.error;
      this.message = undefined;
      return;
    }
    this.problem = undefined;
    this.message = load.note;
    this.file = load.file;
    this.result = undefined;
    this.setState(load.state);
  }

  private async readFile(file: File | undefined): Promise<void> {
    if (file) this.loadCsv(await file.text(), file.name);
  }

  /** The table's handlers of a file dragged over it and dropped (a dropped CSV replaces the data). */
  private readonly drop: IDropHandlers = {
    dragOver: (event) => {
      event.preventDefault();
      this.dragging = true;
    },
    dragLeave: () => (this.dragging = false),
    drop: (event) => {
      event.preventDefault();
      this.dragging = false;
      void this.readFile(event.dataTransfer?.files[0]);
    },
  };

  protected override render(): TemplateResult {
    const state = this.parsed;
    if (!state) {
      return html`<div class="error-box" role="alert">${this.problem ?? 'No patient to show.'}</div>`;
    }
    return html`${this.renderToolbar(state)}
      ${this.problem ? html`<div class="message error-box" role="alert">${this.problem}</div>` : nothing}
      ${this.message ? html`<div class="message muted" role="status">${this.message}</div>` : nothing}
      <div class="main">
        ${patientTable(state, this.view, this.dragging, this.drop)}
        <div
          class="plot"
          data-role="plot"
          role="img"
          aria-label=${this.view ? patientDescription(state, this.view) : 'The plot appears when the twin is computed.'}
        ></div>
      </div>
      <div class="below">
        ${patientEstimates(state, this.result, this.view)}
        <div class="profiles" data-role="profiles" role="img" aria-label=${this.profileDescription()}></div>
      </div>`;
  }

  private renderToolbar(state: PatientState): TemplateResult {
    const view = this.view;
    const times = view?.times.length ?? 0;
    const day = view ? dayReached(state, view) : undefined;
    const unit = view?.model.timeUnit ?? 'day';
    const at =
      day === undefined
        ? 'Twin at the start: no observation assimilated'
        : `Twin at ${unit} ${short(day)}: ${state.assimilate.day} of ${times} observation times assimilated`;
    const progress = this.progress;
    return html`<div class="toolbar">
      <button
        type="button"
        data-action="fit"
        ?disabled=${this.busy}
        @click=${() => void this.fit()}
        title="Fit ${state.fit.parameters.map((p) => p.id).join(', ')} to the data (in the widget's worker)"
      >
        Fit
      </button>
      ${
        progress
          ? workProgress({
              label: 'Fit progress',
              fraction: progress.total === 0 ? 0 : progress.done / progress.total,
              detail: `${STAGES[progress.stage]} ${progress.done} / ${progress.total}`,
              stop: () => this.cancel(),
            })
          : nothing
      }
      <button
        type="button"
        data-action="next-day"
        ?disabled=${this.busy || !view || state.assimilate.day >= times}
        @click=${() => this.nextDay()}
        title="Assimilate the data's next time and forecast from there"
      >
        Next day
      </button>
      <button
        type="button"
        data-action="restart-days"
        ?disabled=${this.busy || state.assimilate.day === 0}
        @click=${() => this.restartDays()}
        title="Back to before the first observation"
      >
        Restart
      </button>
      ${treatmentPicker(view?.model.interventions ?? [], state.assimilate.treatment?.kind, this.busy || !view, (kind) =>
        this.treat(kind),
      )}
      <span class="day" data-role="day" role="status" aria-live="polite">${at}</span>
      ${this.computing ? html`<span class="muted">computing…</span>` : nothing}
      <label>
        <span class="visually-hidden">Load an observations CSV</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-action="load"
          class="visually-hidden"
          @change=${(e: Event) => void this.readFile((e.target as HTMLInputElement).files?.[0])}
        />
        <button
          type="button"
          ?disabled=${this.busy}
          @click=${(e: Event) => ((e.target as HTMLElement).previousElementSibling as HTMLInputElement).click()}
        >
          Load CSV…
        </button>
      </label>
      ${groupPicker(this.file, state.data[0]?.group, this.busy, (group) => this.chooseGroup(group))}
    </div>`;
  }

  private profileDescription(): string {
    const result = this.result;
    if (!result) return 'Profile likelihoods appear after a fit.';
    return `Profile likelihood of ${result.parameters.map((p) => (p.profile ? `${p.id} (interval ${short(p.profile.lower)} to ${short(p.profile.upper)})` : p.id)).join(', ')}, with the ${Math.round(result.level * 100)} % threshold line.`;
  }

  private node(role: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-role="${role}"]`);
  }

  /** Draws the plot and the profiles in the theme's colours. */
  private async draw(): Promise<void> {
    const state = this.parsed;
    const view = this.view;
    const plotNode = this.node('plot');
    if (!state || !view || !plotNode || !this.isConnected) return;
    try {
      const plotly = (this.plotly ??= await this.plotlyLoader());
      const theme = plotlyTheme(this);
      const config = { displaylogo: false, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };
      const figure = patientFigure(state, view);
      await plotly.react(
        plotNode,
        figure.data,
        { ...withTheme(figure.layout, theme, { zeroline: true }), autosize: true },
        config,
      );
      const profileNode = this.node('profiles');
      if (profileNode && this.result) {
        const profiles = profileFigure(this.result);
        await plotly.react(
          profileNode,
          profiles.data,
          { ...withTheme(profiles.layout, theme), autosize: true },
          config,
        );
      } else if (profileNode) plotly.purge(profileNode);
      adoptPlotlyStyles(this.renderRoot);
    } catch (error) {
      this.problem = `The plot could not be drawn. ${messageOf(error)}`;
    }
  }

  private resize(): void {
    const plotly = this.plotly;
    if (!plotly) return;
    for (const role of ['plot', 'profiles']) {
      const node = this.node(role);
      if (node && node.clientWidth > 0 && node.querySelector('.main-svg')) void plotly.resize(node);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'twin-patient': TwinPatientElement;
  }
}
