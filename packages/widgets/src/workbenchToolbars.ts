import type { BandSpec, ModelManifest, Scenario } from '@immunotwin/engine';
import { html, nothing, type TemplateResult } from 'lit';
import type { IBandChangeDetail } from './events.js';
import { observablePicker } from './observablePicker.js';
import { playbackControls, type IPlaybackActions } from './playback.js';
import type { RunPhase } from './runController.js';
import { workProgress } from './workProgress.js';

/** What the workbench's run toolbar shows. */
export interface IRunToolbarState {
  /** The model's manifest. */
  readonly manifest: ModelManifest;
  /** The session's explicit scenario (the band control's cohort spreads around it), once loaded. */
  readonly scenario: Scenario | undefined;
  /** The band shown instead of one live run, if any. */
  readonly band: BandSpec | undefined;
  /** The run's (or band's) phase. */
  readonly phase: RunPhase;
  /** Playback speed of a live run (model time units per second; Infinity: full speed). */
  readonly speed: number;
  /** Fraction done. */
  readonly progress: number;
  /** Where the live run is ("day 4"), shown beside its percentage while it runs. */
  readonly progressDetail: string | undefined;
}

/** What the run toolbar's controls do. */
export interface IRunToolbarActions extends IPlaybackActions {
  /** One live run (undefined) or a band was chosen in "Show". */
  setBand(band: BandSpec | undefined): void;
  /** Stop what is computing. */
  stop(): void;
}

/**
 * The run toolbar: "Show" (one run or a band), then the playback controls of a live run or the Run button of a
 * stopped band, and the progress with its Stop button while something computes.
 */
export function runToolbar(s: IRunToolbarState, actions: IRunToolbarActions): TemplateResult {
  const running = s.phase === 'running' || s.phase === 'paused';
  return html`<div class="toolbar" role="toolbar" aria-label="Run">
    <twin-band-control
      .manifest=${s.manifest}
      .scenario=${s.scenario}
      .band=${s.band}
      @band-change=${(e: CustomEvent<IBandChangeDetail>) => actions.setBand(e.detail.band)}
    ></twin-band-control>
    ${
      s.band
        ? s.phase === 'idle' || s.phase === 'error' // stopped (or failed): computed again on a click
          ? html`<button type="button" data-action="band" @click=${() => actions.play()}>Run</button>`
          : nothing
        : playbackControls(s.phase === 'running', s.manifest.timeUnit, s.speed, actions)
    }
    ${workProgress({
      label: s.band ? 'Band progress' : 'Run progress',
      fraction: s.progress,
      detail: running && !s.band ? s.progressDetail : undefined,
      stop: running ? () => actions.stop() : undefined,
    })}
  </div>`;
}

/** What the compare-and-export toolbar shows. */
export interface ICompareToolbarState {
  /** The model's manifest. */
  readonly manifest: ModelManifest;
  /** Whether a band is shown (pins and CSV then wait for one run). */
  readonly band: boolean;
  /** Whether a finished run can be pinned and exported. */
  readonly hasResult: boolean;
  /** Whether the y axis is logarithmic. */
  readonly logY: boolean;
  /** The observables drawn. */
  readonly shown: readonly string[];
}

/** What the compare-and-export toolbar's controls do. */
export interface ICompareToolbarActions {
  pin(): void;
  exportCsv(): void;
  exportImage(format: 'png' | 'svg'): void;
  copyCode(): void;
  setLogY(logY: boolean): void;
  /** The picker's observable `id` was switched on or off. */
  toggleObservable(id: string): void;
}

/** The compare-and-export toolbar: pin, CSV, PNG, SVG, copy as code, the log axis and the observables drawn. */
export function compareToolbar(s: ICompareToolbarState, actions: ICompareToolbarActions): TemplateResult {
  const oneRunOnly = s.band ? 'Pins and CSV take one run: choose Show › one run' : nothing;
  return html`<div class="toolbar" role="toolbar" aria-label="Compare and export">
    <button type="button" data-action="pin" title=${oneRunOnly} ?disabled=${!s.hasResult} @click=${() => actions.pin()}>
      Pin this run
    </button>
    <button
      type="button"
      data-action="csv"
      title=${oneRunOnly}
      ?disabled=${!s.hasResult}
      @click=${() => actions.exportCsv()}
    >
      CSV
    </button>
    <button type="button" data-action="png" @click=${() => actions.exportImage('png')}>PNG</button>
    <button type="button" data-action="svg" @click=${() => actions.exportImage('svg')}>SVG</button>
    <button type="button" data-action="code" @click=${() => actions.copyCode()}>Copy as code</button>
    <label
      ><input
        type="checkbox"
        data-action="log"
        .checked=${s.logY}
        @change=${(e: Event) => actions.setLogY((e.target as HTMLInputElement).checked)}
      />
      log y</label
    >
    ${observablePicker(s.manifest, s.shown, (id) => actions.toggleObservable(id))}
  </div>`;
}
