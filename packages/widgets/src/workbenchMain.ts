import type { ModelManifest, ObservedDataset, Scenario, WorkbenchState } from '@immunotwin/engine';
import type { WorkerDiedError } from '@immunotwin/worker';
import { html, type TemplateResult } from 'lit';
import type { IInterventionsChangeDetail, IParameterChangeDetail, IPresetChangeDetail } from './events.js';
import type { PlotlyLoader } from './plotlyLoader.js';
import type { IPinnedRun } from './traces.js';
import type { ILookedBackDetail, ITissueFieldDetail } from './twinRunTissue.js';
import { workerFaultNotice } from './workerFault.js';
import { workProgress, type IWorkProgress } from './workProgress.js';

const NO_OBSERVED: ObservedDataset[] = [];

/** What the workbench shows before its session has accepted a state: a fault, a message, the loading's progress. */
export interface IWorkbenchStarting {
  /** The worker died (with a Restart button). */
  readonly fault: WorkerDiedError | undefined;
  /** Why the state could not be loaded (empty: nothing went wrong). */
  readonly message: string | undefined;
  /** What is being loaded, with its progress. */
  readonly work: IWorkProgress | undefined;
}

/** The workbench's status before it can show a model: the worker's fault, an error, loading progress or "Starting". */
export function workbenchStarting(s: IWorkbenchStarting, restart: () => void): TemplateResult {
  return html`<div role="status" class="status">
    ${
      s.fault
        ? workerFaultNotice(s.fault, restart)
        : s.message
          ? html`<span class="error">${s.message}</span>`
          : s.work
            ? html`<div class="toolbar"><span>${s.work.label}</span>${workProgress(s.work)}</div>`
            : 'Starting the twin…'
    }
  </div>`;
}

/** What the workbench's main area shows. */
export interface IWorkbenchMain {
  /** The model's manifest. */
  readonly manifest: ModelManifest;
  /** The accepted state (observables, observed data, view choices, the scenario's preset and interventions). */
  readonly state: WorkbenchState;
  /** The session's explicit scenario, once loaded (its duration bounds the intervention timeline). */
  readonly scenario: Scenario | undefined;
  /** The accepted parameter values (a new object only when the session accepted a new scenario). */
  readonly values: Record<string, number>;
  /** The pinned runs drawn beside the live one. */
  readonly pinned: readonly IPinnedRun[];
  /** Loads plotly.js for the time series. */
  readonly plotlyLoader: PlotlyLoader;
  /** The model is spatial and shows its tissue beside the plot (never while a band is shown). */
  readonly tissue: boolean;
  /** The time the tissue view looks back to, marked on the plot. */
  readonly lookedBack: number | undefined;
}

/** What the main area's controls report to the workbench. */
export interface IWorkbenchMainActions {
  parameter(event: CustomEvent<IParameterChangeDetail>): void;
  preset(event: CustomEvent<IPresetChangeDetail>): void;
  resetControls(): void;
  interventions(event: CustomEvent<IInterventionsChangeDetail>): void;
  /** The tissue view looked back to a time (undefined: back to the live frame). */
  lookBack(time: number | undefined): void;
  /** A field was chosen in the tissue view (undefined: the cells). */
  tissueField(field: string | undefined): void;
}

/**
 * The workbench's main area: the time series, the tissue view of a spatial model beside it, and the side panel with
 * the parameter controls and the intervention timeline.
 */
export function workbenchMain(s: IWorkbenchMain, actions: IWorkbenchMainActions): TemplateResult {
  const { manifest, state } = s;
  return html`<div class="main ${s.tissue ? 'spatial' : ''}">
    <twin-timeseries
      .manifest=${manifest}
      .observables=${state.observables ?? manifest.defaultObservables}
      .logY=${state.view?.logY ?? false}
      .observed=${state.observed ?? NO_OBSERVED}
      .pinned=${s.pinned}
      .plotlyLoader=${s.plotlyLoader}
      .marker=${s.tissue ? s.lookedBack : undefined}
    ></twin-timeseries>
    <twin-run-tissue
      ?hidden=${!s.tissue}
      @looked-back=${(e: CustomEvent<ILookedBackDetail>) => actions.lookBack(e.detail.time ?? undefined)}
      @tissue-field-change=${(e: CustomEvent<ITissueFieldDetail>) => actions.tissueField(e.detail.field)}
    ></twin-run-tissue>
    <div class="side" role="group" aria-label="Parameters and interventions">
      <details open>
        <summary>Parameters</summary>
        <twin-controls
          .manifest=${manifest}
          .values=${s.values}
          .preset=${state.scenario.preset}
          @parameter-change=${actions.parameter}
          @preset-change=${actions.preset}
          @reset=${actions.resetControls}
        ></twin-controls>
      </details>
      <details open>
        <summary>Interventions</summary>
        <twin-interventions
          .manifest=${manifest}
          .interventions=${state.scenario.interventions ?? []}
          .duration=${s.scenario?.duration ?? manifest.defaults.duration}
          @interventions-change=${actions.interventions}
        ></twin-interventions>
      </details>
    </div>
  </div>`;
}
