import type { FitResult } from '@immunotwin/engine';
import * as Comlink from 'comlink';
import { installErrorTransfer } from '../errorTransfer.js';
import { WorkerLifeline } from '../workerDeath.js';
import type { IPatientService, IPatientView, PatientFitListener } from './patientTypes.js';

/**
 * The page's side of a patient worker (`@immunotwin/worker/patientBrowserWorker`): the `IPatientService` calls over
 * comlink, the progress listener passed as a proxy, every call rejected with a `WorkerDiedError` when the worker dies.
 */
export class PatientClient implements IPatientService {
  private readonly remote: Comlink.Remote<IPatientService>;

  /**
   * @param endpoint the worker running `exposePatientService`
   * @param lifeline where the host reports the worker's death (default: one nobody reports to)
   */
  constructor(
    endpoint: Comlink.Endpoint,
    readonly lifeline: WorkerLifeline = new WorkerLifeline(),
  ) {
    installErrorTransfer();
    this.remote = Comlink.wrap<IPatientService>(endpoint);
  }

  /** {@inheritDoc IPatientService.addPlugins} */
  addPlugins(descriptors: readonly unknown[]): Promise<void> {
    return this.lifeline.guard(this.remote.addPlugins(descriptors));
  }

  /** {@inheritDoc IPatientService.fit} */
  fit(state: unknown, onProgress?: PatientFitListener): Promise<FitResult> {
    return this.lifeline.guard(this.remote.fit(state, onProgress && Comlink.proxy(onProgress)));
  }

  /** {@inheritDoc IPatientService.view} */
  view(state: unknown): Promise<IPatientView> {
    return this.lifeline.guard(this.remote.view(state));
  }

  /** {@inheritDoc IPatientService.cancel} */
  cancel(): Promise<void> {
    return this.lifeline.guard(this.remote.cancel());
  }
}
