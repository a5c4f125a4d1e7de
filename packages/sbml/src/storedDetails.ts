import { isPlainObject, type ModelManifest, type ParameterSpec } from '@immunotwin/engine';

/** Element name (in the ImmunoTwin namespace) of the model annotation that carries manifest details. */
export const STORED_DETAILS_ELEMENT = 'immunotwinManifest';
/** Namespace of that annotation. */
export const STORED_DETAILS_NAMESPACE = 'https://immunotwin.dev/sbml/manifest';

/**
 * What SBML cannot say about a manifest (ranges, sources, labels, observables, interventions, presets…),
 * kept in the model's annotation by toSBML so that fromSBML(toSBML(m)) gives back m's details.
 */
export function storedDetails(manifest: ModelManifest): Record<string, unknown> {
  const { network, methods: _methods, ...rest } = manifest;
  return {
    ...rest,
    species: network?.species.map(({ id, label, unit, description }) => ({ id, label, unit, description })) ?? [],
  };
}

type Stored = Partial<Omit<ModelManifest, 'network'>> & {
  species?: { id: string; label?: string; unit?: string; description?: string }[];
};

/**
 * Puts stored details back onto an imported manifest: the descriptive fields, each parameter's metadata (its
 * value stays the one in the SBML), species labels and units, observables, interventions and presets. Unknown
 * shapes are ignored; the result is validated by the caller like any manifest.
 */
export function applyStoredDetails(manifest: ModelManifest, stored: unknown): ModelManifest {
  if (!isPlainObject(stored)) return manifest;
  const s = stored as Stored;
  const storedParameters = new Map(
    (Array.isArray(s.parameters) ? s.parameters : []).map((p: ParameterSpec) => [p.id, p]),
  );
  const storedSpecies = new Map((Array.isArray(s.species) ? s.species : []).map((x) => [x.id, x]));
  const network = manifest.network!;
  return {
    ...manifest,
    ...(typeof s.id === 'string' ? { id: s.id } : {}),
    ...(typeof s.title === 'string' ? { title: s.title } : {}),
    ...(typeof s.version === 'string' ? { version: s.version } : {}),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    ...(s.defaults ? { defaults: s.defaults } : {}),
    parameters: manifest.parameters.map((p) => {
      const known = storedParameters.get(p.id);
      return known ? { ...known, default: p.default } : p;
    }),
    network: {
      ...network,
      species: network.species.map((x) => {
        const known = storedSpecies.get(x.id);
        return known
          ? {
              ...x,
              label: known.label ?? x.label,
              unit: known.unit ?? x.unit,
              ...(known.description ? { description: known.description } : {}),
            }
          : x;
      }),
    },
    ...(Array.isArray(s.observables) ? { observables: s.observables } : {}),
    ...(Array.isArray(s.interventions) && s.interventions.length > 0 ? { interventions: s.interventions } : {}),
    ...(Array.isArray(s.presets) ? { presets: s.presets } : {}),
    ...(Array.isArray(s.assumptions) ? { assumptions: [...s.assumptions, manifest.assumptions[0]] } : {}),
    ...(Array.isArray(s.references) ? { references: s.references } : {}),
  };
}
