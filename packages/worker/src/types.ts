import type {
  BandSpec,
  EnsembleSummary,
  ModelManifest,
  PluginDescriptor,
  RunFrame,
  RunProgress,
  RunResult,
  RunSnapshot,
  Scenario,
  TissueFrame,
  TissueHeader,
} from '@immunotwin/engine';

/**
 * Samples of one replicate recorded since the previous frame: what a live view appends. The arrays are
 * fresh copies, so a worker can transfer their buffers. A run that asked for tissue pictures may send, at a pause,
 * a frame of no new sample carrying only the picture of the state reached.
 */
export interface ISessionFrame extends RunFrame {
  /** Which replicate (0-based) these samples belong to. */
  readonly replicate: number;
  /**
   * Pictures of the model's space taken since the previous frame, in time order, when the run asked for them
   * (`IRunOptions.tissue`) and one was due; absent otherwise.
   */
  readonly tissue?: readonly ISessionTissue[];
}

/**
 * A picture of a model's space sent with a frame: the tissue bundle's header and one decoded picture (the
 * engine's `pictureTissue`: fresh typed arrays, transferred across a worker boundary), ready for a tissue view.
 */
export interface ISessionTissue {
  /** Sizes, names and the field drawn (the same for every picture of a run). */
  readonly header: TissueHeader;
  /** The picture, at one of the frame's sample times. */
  readonly frame: TissueFrame;
  /** Every field of the model with its unit (the run's first picture only): what a view may ask to draw instead. */
  readonly fields?: readonly { readonly id: string; readonly unit: string }[];
  /**
   * Said with the run's first picture when the field asked for is not one of the model's and its first field is
   * drawn instead (`ITissueOptions.unknownField` 'first'): what was asked, what is drawn, and what is allowed.
   */
  readonly note?: string;
}

/**
 * Pictures of the model's space sent with the frames of replicate 0 (models with a lattice; a model without
 * one sends none): the first sample's, then at most one per `milliseconds` and at most a tenth of the wall time
 * spent picturing, and always the last state (the end of the replicate, a pause).
 */
export interface ITissueOptions {
  /** The field drawn (default: the model's first field). */
  field?: string;
  /**
   * When `field` is not one of the model's fields: 'refuse' (the default) fails the run with a message naming the
   * fields; 'first' draws the model's first field and says so in the first picture's `note` (for a saved choice
   * that may have gone stale, e.g. a workbench's `view.tissueField` edited by hand or from another model version).
   */
  unknownField?: 'refuse' | 'first';
  /** Least wall-clock time between two pictures (default `TISSUE_PICTURE_MILLISECONDS`, 250 ms). */
  milliseconds?: number;
}

/** Receives frames during a run; a returned promise is awaited before the run goes on (back-pressure). */
export type FrameListener = (frame: ISessionFrame) => void | Promise<void>;

/** Receives progress during a run; a returned promise is awaited before the run goes on. */
export type ProgressListener = (progress: RunProgress) => void | Promise<void>;

/** Timing of a run; plain numbers, so they cross a worker boundary. */
export interface IRunTiming {
  /**
   * Least wall-clock time between two frames of the same replicate (default 0: a frame after every
   * chunk). The last samples of a replicate, and those recorded before a pause, are always sent.
   */
  frameMilliseconds?: number;
  /**
   * Wall-clock budget of one chunk before yielding to the event loop (default the engine's
   * `DEFAULT_CHUNK_MILLISECONDS`, 16 ms; 0: one sample a chunk).
   */
  chunkMilliseconds?: number;
}

/** Options of `TwinSession.run`. */
export interface IRunOptions extends IRunTiming {
  /** Called with the samples recorded since the previous frame. */
  onFrame?: FrameListener;
  /** Called after every chunk, and with fraction 1 at the end. */
  onProgress?: ProgressListener;
  /** Most bytes the run's results may take (default the engine's `DEFAULT_MAX_MEMORY`); larger is refused at once. */
  maxMemory?: number;
  /** Send pictures of the model's space with the frames (see {@link ITissueOptions}); default none. */
  tissue?: ITissueOptions;
}

/** What a finished run reports (the trajectories themselves come from `result()` or the frames). */
export interface IRunSummary {
  /** The model that ran. */
  readonly model: string;
  /** Number of replicates. */
  readonly replicates: number;
  /** Samples per replicate. */
  readonly samples: number;
  /** Work done over all replicates: ODE steps, reaction events or model steps. */
  readonly work: number;
  /** Wall-clock time from the call to the end, pauses included. */
  readonly elapsedMilliseconds: number;
}

/** A finished run as plain structured-cloneable data (no model code): the scenario, every replicate, the bands. */
export interface ISessionResult {
  /** The explicit scenario that produced it (every parameter spelled out). */
  readonly scenario: Scenario;
  /** One result per replicate, in replicate order. */
  readonly runs: readonly RunResult[];
  /** Mean, median and quantile bands when there is more than one replicate. */
  readonly summary: EnsembleSummary | undefined;
}

/** Options of `TwinSession.band`. */
export interface IBandOptions {
  /** Wall-clock budget of one chunk before yielding (default the engine's `DEFAULT_CHUNK_MILLISECONDS`). */
  chunkMilliseconds?: number;
  /** Called after every chunk with the fraction of the whole band done (not awaited). */
  onProgress?: ProgressListener;
}

/**
 * A band of the session's scenario as plain structured-cloneable data: its median and quantile bands, never
 * its runs (a band of 200 members sends one summary across the worker boundary, not 200 trajectories).
 */
export interface IBandResult {
  /** The explicit scenario the band is of. */
  readonly scenario: Scenario;
  /** The band made explicit (a cohort's spread and varied parameters filled in). */
  readonly band: BandSpec;
  /** Sample times. */
  readonly time: Float64Array;
  /** Mean, median and the scenario's quantile bands over the band's members. */
  readonly summary: EnsembleSummary;
}

/**
 * Everything needed to continue a session in another one (or another worker): its scenario, the
 * replicates already finished and the state of the one in progress. Structured-cloneable.
 */
export interface ISessionSnapshot {
  /** Identifies the document. */
  readonly format: 'immunotwin-session';
  /** Format version. */
  readonly version: 1;
  /** The scenario document as the session holds it (with parameter changes applied). */
  readonly scenario: Scenario;
  /** Finished replicates, in order (replicate i at index i). */
  readonly finished: readonly RunResult[];
  /** The replicate in progress, if a run was under way. */
  readonly current: RunSnapshot | undefined;
}

/** Where a session is. */
export type SessionState = 'empty' | 'ready' | 'running' | 'paused';

/** A session's state and how far its pending work has come. */
export interface ISessionStatus {
  /** `empty`: no scenario yet; `ready`: can run; `running`: a run or a band is under way; `paused`: a run is paused. */
  readonly state: SessionState;
  /** Fraction of the band under way, or of the pending (or last) run, done, in [0, 1]; 0 when nothing has run. */
  readonly progress: number;
  /** Whether `result()` has a finished result. */
  readonly hasResult: boolean;
}

/**
 * A twin session, in process (`TwinSession`) or in a worker (`SessionClient`): what widgets and the
 * kernel program against. Every method returns a promise; see `TwinSession` for the behaviour.
 */
export interface ITwinSession {
  /** Adds models by descriptor (plain data); code plugins load when a scenario first names them. */
  addPlugins(descriptors: readonly PluginDescriptor[]): Promise<void>;
  /** Manifests of every registered model. */
  models(): Promise<ModelManifest[]>;
  /** The manifest of model `id`, or of the current scenario's model. */
  manifest(id?: string): Promise<ModelManifest>;
  /** Validates a scenario and makes it current; resolves to it made explicit. */
  create(scenario: unknown): Promise<Scenario>;
  /** Changes parameter values for the next run. */
  setParameters(parameters: Record<string, number>): Promise<Scenario>;
  /** Changes top-level scenario fields (shallow merge) for the next run. */
  setScenario(partial: Partial<Scenario>): Promise<Scenario>;
  /** The current scenario, explicit. */
  scenario(): Promise<Scenario>;
  /** State and progress. */
  status(): Promise<ISessionStatus>;
  /** Runs every replicate in chunks, streaming frames and progress. */
  run(options?: IRunOptions): Promise<IRunSummary>;
  /** Runs a band (replicates or a virtual cohort) of the scenario in chunks; resolves to its summary. */
  band(band: BandSpec, options?: IBandOptions): Promise<IBandResult>;
  /** Pauses the run at the next chunk boundary. */
  pause(): Promise<void>;
  /** Continues a paused run. */
  resume(): Promise<void>;
  /** Cancels the run or the band (it rejects with an AbortError) and drops pending work. */
  cancel(): Promise<void>;
  /** A structured-cloneable copy of the session's scenario and work. */
  snapshot(): Promise<ISessionSnapshot>;
  /** Continues from a snapshot. */
  restore(snapshot: ISessionSnapshot): Promise<Scenario>;
  /** The finished run as plain data. */
  result(): Promise<ISessionResult>;
}
