import { rejectField } from '../design/designArgumentError.js';
import { compileObservationModel, type CompiledObservation } from '../observation/compileObservationModel.js';
import { prepareNetwork } from '../run/networkState.js';
import type { ResolvedScenario } from '../run/resolveScenario.js';
import { noiseObservationLikelihood } from './noiseObservation.js';
import type { ObservationLogLikelihood } from './stateSpaceModel.js';

/**
 * An observation model document (`schema/observation-model.schema.json`: per measured quantity an expression over
 * the network's observables, parameters and `time`, and its noise) compiled for the filters: `measured` for
 * `networkStateSpace` and the matching `logLikelihood`. Noise parameters must be fixed numbers here (a filter does
 * not estimate them); `detectionLimits` (measured quantity → limit) censor values at or below it where the entry
 * censors (`censoringLimits`: each measured quantity's limit where it censors, else undefined). Throws the
 * observation model's ValidationError naming the field.
 */
export function compileNetworkObservations(
  scenario: ResolvedScenario,
  document: unknown,
  detectionLimits: Readonly<Record<string, number>> = {},
): {
  measured: CompiledObservation[];
  logLikelihood: ObservationLogLikelihood;
  censoringLimits: (number | undefined)[];
} {
  const { network } = prepareNetwork(scenario);
  const measured = compileObservationModel(document, {
    observables: network.observableIds,
    parameters: network.parameterIds,
    noiseParameters: new Map(),
  });
  for (const id of Object.keys(detectionLimits)) {
    if (!measured.some((m) => m.observable === id)) {
      rejectField(
        `detectionLimits.${id}`,
        detectionLimits[id],
        `a limit of a measured quantity (${measured.map((m) => m.observable).join(', ')})`,
      );
    }
  }
  const censoringLimits = measured.map((m) => (m.censor ? detectionLimits[m.observable] : undefined));
  const logLikelihood = noiseObservationLikelihood(
    measured.map((m, j) => ({
      kind: m.kind,
      noise: m.noiseValues(new Float64Array(0)),
      ...(censoringLimits[j] !== undefined ? { detectionLimit: censoringLimits[j] } : {}),
    })),
  );
  return { measured, logLikelihood, censoringLimits };
}
