import { describe, expect, it } from 'vitest';
import { WORKBENCH_MIME_TYPE, parseWorkbenchState } from '@immunotwin/engine';
import { builtInDescriptors } from '@immunotwin/models';
import { decayModel } from '../../engine/test/fixtures/decayModel.js';
import type { MimeBundle } from '../src/mime.js';
import { KernelWorker } from '../src/worker/kernelWorker.js';
import type { IWorkerOutput } from '../src/worker/protocol.js';

/** The engine's test reaction network, as a cell registers it: A decays at k = 0.5/day from A0 = 1000 (s = 0). */
const decayManifest = {
  ...decayModel.manifest,
  id: 'cell-decay',
  title: 'Decay (a cell-registered data plugin)',
  defaults: { duration: 4, outputInterval: 1 },
};

/** A kernel worker in this thread with the built-in models, and a cell runner returning outputs and the result. */
async function kernel() {
  const worker = new KernelWorker();
  await worker.initialize({ model: 'target-cell-limited', plugins: builtInDescriptors });
  let count = 0;
  return async (code: string) => {
    const outputs: IWorkerOutput[] = [];
    const reply = await worker.execute(code, ++count, { output: (event) => void outputs.push(event) });
    if (reply.status === 'error') throw new Error(`${reply.ename}: ${reply.evalue}`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { result: reply.result, outputs };
  };
}

const text = (bundle: MimeBundle | undefined): string => String(bundle?.data['text/plain'] ?? '');

describe('models.register in a kernel cell', () => {
  it('adds a reaction network from JSON text, and twin.create runs it to the closed form', async () => {
    const run = await kernel();
    const registered = await run(`await models.register(${JSON.stringify(JSON.stringify(decayManifest))})`);
    expect(text(registered.result)).toBe(
      'Registered the model "cell-decay" (Decay (a cell-registered data plugin)): twin.create("cell-decay") makes a twin of it.',
    );
    const { result } = await run(
      `const r = await twin.create('cell-decay').run(); Array.from(r.runs[0].observables.A)`,
    );
    const values = JSON.parse(text(result)) as number[];
    values.forEach((a, day) => expect(a / (1000 * Math.exp(-0.5 * day)) - 1).toBeLessThan(1e-6));
    expect(values).toHaveLength(5);
  });

  it('puts the model into its workbench outputs, so they run where the model is not installed', async () => {
    const run = await kernel();
    await run(`await models.register(${JSON.stringify(decayManifest)})`);
    const { result } = await run(`twin.create('cell-decay').controls()`);
    const state = parseWorkbenchState(result!.data[WORKBENCH_MIME_TYPE]);
    expect(state.plugin).toEqual({ provider: 'a notebook cell', manifest: decayManifest });
    // A built-in model's workbench carries nothing.
    const builtIn = await run(`twin.controls()`);
    expect(parseWorkbenchState(builtIn.result!.data[WORKBENCH_MIME_TYPE]).plugin).toBeUndefined();
  });

  it('adds a stepped model written in a cell; its code travels with the workbench as a module', async () => {
    const run = await kernel();
    const manifest = {
      ...decayManifest,
      id: 'halving',
      methods: ['agent'],
      network: undefined,
      interventions: [],
      observables: [decayModel.manifest.observables[0]],
    };
    await run(`
      const manifest = ${JSON.stringify(manifest)};
      await models.register({
        manifest,
        createStepped(context: { parameters: Record<string, number> }) {
          let a = context.parameters.A0;
          return {
            dt: 1,
            step() { a = Math.floor(a / 2); },
            observe(out: Float64Array) { out[0] = a; },
            apply() {},
            snapshot() { return a; },
            restore(s: number) { a = s; },
          };
        },
      })`);
    const { result } = await run(`Array.from((await twin.create('halving').run()).runs[0].observables.A)`);
    expect(JSON.parse(text(result))).toEqual([1000, 500, 250, 125, 62]);
    const controls = await run(`twin.create('halving').controls()`);
    const { plugin } = parseWorkbenchState(controls.result!.data[WORKBENCH_MIME_TYPE]);
    expect(plugin?.module).toMatch(/^data:text\/javascript,/);
    // The module is what the workbench's worker imports: it makes the same model.
    const module = (await import(/* @vite-ignore */ plugin!.module!)) as {
      default: (engine: unknown) => {
        createStepped: (c: unknown) => { step(dt: number): void; observe(out: Float64Array): void };
      };
    };
    const model = module.default({}).createStepped({ parameters: { A0: 10 } });
    model.step(1);
    const out = new Float64Array(1);
    model.observe(out);
    expect(out[0]).toBe(5);
  });

  it('registers a model written with defineModel in a cell, and its workbench module remakes it with defineModel', async () => {
    const run = await kernel();
    const manifest = {
      ...decayManifest,
      id: 'pool',
      methods: ['agent'],
      network: undefined,
      observables: [decayModel.manifest.observables[0]],
      interventions: [
        {
          kind: 'dose',
          label: 'Dose',
          description: 'adds units',
          hasStop: false,
          fields: [
            { id: 'amount', label: 'Amount', unit: 'molecules', default: 100, min: 0, max: 1e6, description: 'added' },
          ],
        },
      ],
    };
    await run(`
      await models.register(defineModel({
        manifest: ${JSON.stringify(manifest)},
        create(context) {
          let a = context.parameters.A0;
          const slot = context.observables.A;
          return {
            dt: 1,
            step() { a = Math.floor(a / 2); },
            observe(out) { out[slot] = a; },
            add(amount) { a += amount; },
            snapshot() { return a; },
            restore(s) { a = s; },
          };
        },
        interventions: { dose: { start: (event, model) => model.add(event.values.amount) } },
      }))`);
    const { result } = await run(
      `const pool = twin.create('pool'); pool.intervene('dose', { start: 2, amount: 300 }); Array.from((await pool.run()).runs[0].observables.A)`,
    );
    // 1000 → 500 → 250, then +300 at day 2 → 550 → 275.
    expect(JSON.parse(text(result))).toEqual([1000, 500, 550, 275, 137]);
    const controls = await run(`twin.create('pool').controls()`);
    const { plugin } = parseWorkbenchState(controls.result!.data[WORKBENCH_MIME_TYPE]);
    expect(decodeURIComponent(plugin!.module!)).toMatch(
      /^data:text\/javascript,export default \(engine\) => \(engine\.defineModel\(/,
    );
  });

  it('refuses code that uses a name from the notebook, saying it must be self-contained, and registers nothing', async () => {
    const run = await kernel();
    const manifest = {
      ...decayManifest,
      id: 'leaky',
      methods: ['agent'],
      network: undefined,
      interventions: [],
      observables: [decayModel.manifest.observables[0]],
    };
    await run(`const halfLife = 2;`);
    await expect(
      run(`await models.register({ manifest: ${JSON.stringify(manifest)}, createStepped: () => ({ dt: halfLife }) })`),
    ).rejects.toThrow(
      /models\.register: the model's code must be self-contained to run in workbenches \(it may use its arguments and `engine`\): the model\.createStepped uses halfLife from the notebook; define it inside the model.s code/,
    );
    const { result } = await run(`models.list().map((m) => m.id).includes('leaky')`);
    expect(text(result)).toBe('false');
  });

  it('imports SBML in a cell and registers it: the imported network runs to the closed form', async () => {
    const run = await kernel();
    const sbml = `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="decay_sbml" name="decay" timeUnits="day">
    <listOfUnitDefinitions>
      <unitDefinition id="day"><listOfUnits><unit kind="second" exponent="1" scale="0" multiplier="86400"/></listOfUnits></unitDefinition>
    </listOfUnitDefinitions>
    <listOfCompartments><compartment id="cell" size="1" constant="true"/></listOfCompartments>
    <listOfSpecies>
      <species id="A" compartment="cell" initialAmount="1000" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
    <listOfReactions>
      <reaction id="decay" reversible="false">
        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
        <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
      </reaction>
    </listOfReactions>
  </model>
</sbml>`;
    await run(
      `const manifest = await models.fromSBML(${JSON.stringify(sbml)}, { id: 'decay-sbml', duration: 4, outputInterval: 1 });`,
    );
    await run(`await models.register(manifest)`);
    const { result } = await run(`Array.from((await twin.create('decay-sbml').run()).runs[0].observables.A)`);
    const values = JSON.parse(text(result)) as number[];
    expect(values).toHaveLength(5);
    values.forEach((a, day) => expect(Math.abs(a / (1000 * Math.exp(-0.5 * day)) - 1)).toBeLessThan(1e-6));
  });

  it('refuses a taken id, and takes a model out with dispose()', async () => {
    const run = await kernel();
    await expect(run(`await models.register({ ...models.get('target-cell-limited') })`)).rejects.toThrow(
      /a model "target-cell-limited" is already registered/,
    );
    await run(`const registration = await models.register(${JSON.stringify(decayManifest)}); registration.dispose()`);
    await expect(run(`twin.create('cell-decay')`)).rejects.toThrow(/unknown model "cell-decay"/);
  });
});

describe('a kernel whose plugins include one that does not load', () => {
  const broken = {
    manifest: {
      ...decayModel.manifest,
      id: 'broken-plugin-model',
      methods: ['agent'] as ['agent'],
      network: undefined,
    },
    module: 'file:///no/such/plugin/module.js',
    provider: 'immunotwin-model-broken',
  };

  it('starts and runs its own model, and says why the broken one is missing when a cell asks for it', async () => {
    const worker = new KernelWorker();
    const model = await worker.initialize({ model: 'target-cell-limited', plugins: [...builtInDescriptors, broken] });
    expect(model.id).toBe('target-cell-limited');
    const reply = await worker.execute(`twin.create('broken-plugin-model')`, 1, { output: () => undefined });
    expect(reply.status).toBe('error');
    expect(reply.status === 'error' && reply.evalue).toMatch(
      /^twin\.create: could not load the code of model "broken-plugin-model" \(code at file:\/\/\/no\/such\/plugin\/module\.js, provided by immunotwin-model-broken\)/,
    );
  });

  it('refuses to start a kernel of the broken model, naming why', async () => {
    const worker = new KernelWorker();
    await expect(
      worker.initialize({ model: 'broken-plugin-model', plugins: [...builtInDescriptors, broken] }),
    ).rejects.toThrow(
      /^the model of this kernel could not be loaded: could not load the code of model "broken-plugin-model"/,
    );
  });
});
