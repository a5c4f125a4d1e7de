import type { FitResult, FitProgress } from '@immunotwin/engine';

/** A measured quantity's residuals: observed − fitted at each measurement (censored points flagged). */
export interface IPatientResiduals {
  /** The measured quantity (the data's name). */
  readonly observable: string;
  /** Measurement times, model time unit. */
  readonly time: number[];
  /** Observed − predicted, in the measured quantity's unit. */
  readonly values: number[];
  /** Whether each measurement is at or below its detection limit (its residual is a bound only). */
  readonly censored: boolean[];
}

/** A forecast band: the median and quantile bands of each measured quantity from the assimilated ensemble. */
export interface IPatientForecast {
  /** The forecast times (from the last assimilated time to the end of the run), model time unit. */
  readonly time: number[];
  /** The quantile levels of `bands`, ascending. */
  readonly quantiles: number[];
  /** Measured quantity → median and one series per quantile. */
  readonly observables: Record<string, { median: number[]; bands: number[][] }>;
}

/** The forecast with a treatment started at the day reached (the state's `assimilate.treatment`). */
export interface IPatientTreatedForecast extends IPatientForecast {
  /** The intervention's kind. */
  readonly kind: string;
  /** The intervention's label in the model's manifest (e.g. "Oseltamivir (dose–response)"). */
  readonly label: string;
  /** When it starts (the day reached), model time unit. */
  readonly start: number;
}

/** One of the model's interventions, as a treatment to try. */
export interface IPatientIntervention {
  /** Its kind. */
  readonly kind: string;
  /** Its label. */
  readonly label: string;
}

/** What the widget draws for a state: the twin's curve, its residuals, and the forecast from the day reached. */
export interface IPatientView {
  /** The model: id, title, time unit and its parameters' ids (a fit's other estimates are noise parameters). */
  readonly model: {
    id: string;
    title: string;
    timeUnit: string;
    parameters: string[];
    /** The model's interventions: the treatments the widget offers to try from the day reached. */
    interventions: IPatientIntervention[];
  };
  /** The grid of the curve, model time unit. */
  readonly time: number[];
  /** Measured quantity → the scenario's prediction over the grid (null where not finite). */
  readonly curve: Record<string, (number | null)[]>;
  /** Residuals per measured quantity. */
  readonly residuals: IPatientResiduals[];
  /** The data's distinct times, model time unit (the "days" assimilated one by one). */
  readonly times: number[];
  /** The forecast from the assimilated ensemble (without the treatment, when the state tries one). */
  readonly forecast: IPatientForecast;
  /**
   * With a treatment in the state: the same members continued with it from the day reached, on the same random
   * streams as `forecast` (common random numbers: the difference is the treatment's, not the noise's).
   */
  readonly treated?: IPatientTreatedForecast;
  /** The assimilated parameters' posterior medians and 90 % intervals. */
  readonly posterior: Record<string, { median: number; lower: number; upper: number }>;
}

/** A listener of a fit's progress, passed across the worker boundary. */
export type PatientFitListener = (progress: FitProgress) => void;

/** What the patient worker serves over comlink. */
export interface IPatientService {
  /** Adds models by descriptor (as a twin session does). */
  addPlugins(descriptors: readonly unknown[]): Promise<void>;
  /** Fits the state's parameters to its data (the engine's `estimateParameters`), reporting progress. */
  fit(state: unknown, onProgress?: PatientFitListener): Promise<FitResult>;
  /** The curve, residuals and forecast of a state (its scenario's parameters; the data up to its day). */
  view(state: unknown): Promise<IPatientView>;
  /** Cancels the fit or view under way (it rejects with an AbortError). */
  cancel(): Promise<void>;
}
