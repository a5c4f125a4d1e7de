import { extname } from 'node:path';
import {
  chooseGroup,
  defaultObservationEntry,
  parseFhirObservations,
  parseObservationsCsv,
  type ModelManifest,
  type ObservedDataset,
} from '@immunotwin/engine';
import { aboutFile, CliError, UsageError } from '../errors.js';
import { readTextFile } from '../readJson.js';

/**
 * Reads observed data for a fit: an observations CSV (`.csv`: time, observable, value, unit, detection_limit, group)
 * or FHIR R4 Observations (`.json`: a resource or a bundle). With `group`, only that group's datasets; without, the
 * data must hold one group (or none).
 */
export async function readObservedData(
  path: string,
  file: string,
  group: string | undefined,
): Promise<ObservedDataset[]> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new UsageError(
      `option --data: cannot tell the format of "${file}"; allowed: .csv (observations) or .json (FHIR R4)`,
    );
  }
  const text = await readTextFile(path, file);
  const all = await aboutFile(file, () =>
    ext === '.csv'
      ? parseObservationsCsv(text, { fileName: file })
      : parseFhirObservations(text, { fileName: file }).datasets,
  );
  const choice = chooseGroup(all, group);
  if ('datasets' in choice) return choice.datasets;
  const { problem, groups } = choice;
  if (problem === 'unknown') {
    throw new UsageError(`option --group: "${group}" is not a group of ${file}; allowed: ${groups.join(', ')}`);
  }
  if (problem === 'ambiguous') {
    throw new UsageError(`${file} holds ${groups.length} groups; choose one with --group: ${groups.join(', ')}`);
  }
  throw new CliError(`${file}: holds no observations`);
}

/**
 * The observation model used without `--observation`: each observed `X` is the model's observable `X`, and an
 * observed `log10X` is log10 of the model's `X`, with Gaussian noise of σ = 1 (ordinary least squares on the
 * measured scale; values at or below a detection limit are censored, which makes it maximum likelihood).
 */
export function defaultObservationModel(data: readonly ObservedDataset[], manifest: ModelManifest, file: string) {
  const entries = [...new Set(data.map((d) => d.observable))].map((observable) => {
    const entry = defaultObservationEntry(observable, manifest);
    if (entry) return entry;
    throw new CliError(
      `${file}: observable "${observable}" is not an observable of "${manifest.id}" nor log10 of one; give an observation model with --observation`,
      undefined,
      [`observables of "${manifest.id}": ${manifest.observables.map((o) => o.id).join(', ')}`],
    );
  });
  return { observations: entries };
}
