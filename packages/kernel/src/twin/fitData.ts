import { chooseGroup, parseFhirObservations, parseObservationsCsv, type ObservedDataset } from '@immunotwin/engine';

/**
 * The observed data `twin.fit` and `twin.assimilate` take: `ObservedDataset`s, an observations CSV as text, or FHIR
 * R4 Observations (a resource or a bundle, as JSON text or an object). With `group`, only that group's datasets;
 * without, the data must hold one group (or none). Errors name the argument (`data`, `group`) and what is allowed.
 */
export function readObservedData(method: string, data: unknown, group: string | undefined): ObservedDataset[] {
  const choice = chooseGroup(parseData(method, data), group);
  if ('datasets' in choice) return choice.datasets;
  const { problem, groups } = choice;
  if (problem === 'unknown') {
    throw new RangeError(`twin.${method}: group "${group}" is not in the data; allowed: ${groups.join(', ')}`);
  }
  if (problem === 'ambiguous') {
    throw new RangeError(
      `twin.${method}: the data hold ${groups.length} groups; choose one with { group: … }: ${groups.join(', ')}`,
    );
  }
  throw new RangeError(`twin.${method}: data: holds no observations`);
}

function parseData(method: string, data: unknown): ObservedDataset[] {
  if (Array.isArray(data)) {
    // The fit and the filters check every field against the observed-data schema; what they need first is here.
    data.forEach((dataset: unknown, i) => {
      if (typeof (dataset as { observable?: unknown } | null)?.observable !== 'string') {
        throw new TypeError(
          `twin.${method}: data[${i}].observable: is required (an observed dataset: name, source, observable, unit, time, values)`,
        );
      }
    });
    return structuredClone(data) as ObservedDataset[];
  }
  if (typeof data === 'string') {
    return data.trimStart().startsWith('{')
      ? parseFhirObservations(data).datasets
      : parseObservationsCsv(data, { fileName: 'data' });
  }
  if (typeof data === 'object' && data !== null && 'resourceType' in data) return parseFhirObservations(data).datasets;
  throw new TypeError(
    `twin.${method}: data must be observed datasets, an observations CSV (text) or FHIR R4 Observations (JSON)`,
  );
}
