/**
 * The patient worker factory for a browser page: a module Web Worker running `@immunotwin/worker/patientBrowserWorker`
 * reached through comlink (`PatientClient`), terminated by `dispose()` — which is how a cancelled fit stops at once.
 */
import type { PluginDescriptor } from '@immunotwin/engine';
import { PatientClient, WorkerDiedError } from '@immunotwin/worker/client';
import { lifeLockName, watchBrowserWorker } from '@immunotwin/worker/lifeLock';
import type { PatientSession, PatientSessionFactory } from './twinPatient.js';

/**
 * A factory that starts one worker per call (the element calls it again after a cancel) and hands it the models, as
 * descriptors. A bundler (rspack in `@jupyter/builder`) sees the `new Worker(new URL(…, import.meta.url))` pattern
 * and emits the worker as its own chunk.
 */
export function browserPatientFactory(plugins: () => readonly PluginDescriptor[]): PatientSessionFactory {
  return async (): Promise<PatientSession> => {
    const name = lifeLockName('immunotwin-patient');
    const worker = new Worker(new URL('@immunotwin/worker/patientBrowserWorker', import.meta.url), {
      type: 'module',
      name,
    });
    const lifeline = watchBrowserWorker(worker, name);
    const client = new PatientClient(worker, lifeline);
    const descriptors = plugins();
    if (descriptors.length > 0) await client.addPlugins(descriptors);
    return Object.assign(client, {
      dispose(): void {
        worker.terminate();
        lifeline.report(new WorkerDiedError('stopped', 'the patient widget released it'));
      },
    });
  };
}
