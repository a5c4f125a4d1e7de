import { ModelRegistry, runScenarioSync, type ModelManifest, type Scenario } from '@immunotwin/engine';

/** An SBML Level 3 Version 2 document around the given <model> content. */
export function sbml(content: string, modelAttributes = 'id="m" name="Test model"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model ${modelAttributes}>${content}</model>
</sbml>`;
}

/** A `<math>` element around MathML content. */
export const math = (content: string): string => `<math xmlns="http://www.w3.org/1998/Math/MathML">${content}</math>`;

/** A reaction with a kinetic law given as MathML. */
export function reaction(id: string, reactants: string, products: string, law: string, locals = ''): string {
  const refs = (species: string): string =>
    species
      .split(' ')
      .filter((s) => s !== '')
      .map((s) => {
        const [name, n] = s.split(':');
        return `<speciesReference species="${name}" stoichiometry="${n ?? 1}" constant="true"/>`;
      })
      .join('');
  return `<reaction id="${id}" reversible="false">
    ${reactants ? `<listOfReactants>${refs(reactants)}</listOfReactants>` : ''}
    ${products ? `<listOfProducts>${refs(products)}</listOfProducts>` : ''}
    <kineticLaw>${math(law)}${locals ? `<listOfLocalParameters>${locals}</listOfLocalParameters>` : ''}</kineticLaw>
  </reaction>`;
}

/** Runs a manifest's ODE at tight tolerances and returns its observables' trajectories. */
export function simulate(
  manifest: ModelManifest,
  scenario: Partial<Scenario> = {},
): { time: Float64Array; observables: Readonly<Record<string, Float64Array>> } {
  const registry = new ModelRegistry();
  registry.register({ manifest });
  const resolved = registry.resolve({
    model: manifest.id,
    solver: { rtol: 1e-11, atol: 1e-14 },
    ...scenario,
  });
  return runScenarioSync(resolved).runs[0];
}
