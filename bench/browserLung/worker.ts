/**
 * The browser Lung Twin benchmark's worker: steps a Lung Twin section with each asked method in turn, in this
 * worker's clock, and answers the wall times and whether the methods gave the same bits (cells and fields).
 */
import { createRng } from '@immunotwin/engine';
import { LungModel, lungManifest, type LungStepMethod } from '@immunotwin/model-lung';

/** Bits of a view's cells and fields, concatenated, for comparing runs. */
function bits(model: LungModel): Uint32Array[] {
  const view = model.view();
  const out = [new Uint32Array(Uint8Array.from(view.cells).buffer.slice(0))];
  for (const field of Object.values(view.fields)) out.push(new Uint32Array(Float32Array.from(field.values).buffer));
  return out;
}

self.onmessage = (event: MessageEvent<{ side: number; days: number; floor: number; methods: LungStepMethod[] }>) => {
  const { side, days, floor, methods } = event.data;
  const parameters: Record<string, number> = Object.fromEntries(lungManifest.parameters.map((p) => [p.id, p.default]));
  parameters.latticeSize = side;
  parameters.fieldFloor = floor;
  const seconds: number[] = [];
  const results: Uint32Array[][] = [];
  for (const method of methods) {
    const start = performance.now();
    const model = new LungModel({ parameters, initial: {}, rng: createRng(1) }, { method });
    const steps = Math.round(days / model.dt);
    for (let s = 0; s < steps; s++) model.step(model.dt);
    seconds.push((performance.now() - start) / 1000);
    results.push(bits(model));
  }
  const identical = results.every((r) =>
    r.every((a, j) => a.length === results[0][j].length && a.every((x, i) => x === results[0][j][i])),
  );
  self.postMessage({ seconds, identical });
};
