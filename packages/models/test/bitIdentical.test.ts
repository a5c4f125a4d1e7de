import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { builtInModels } from '../src/index.js';
import { digestRun, goldenCases, WITHOUT_GOLDEN_CASES, type RunDigest } from './goldenRuns.js';

/**
 * Bit-identical runs of every built-in model, before and after a change that must not change results (such as
 * porting the models to `defineModel` and the manifest builders).
 *
 * Every model runs with each of its methods (ode, also stiff; ssa; tau-leaping; agent) on a few seeds, with
 * one intervention of every kind, every preset, a snapshot/restore and (for the agent-based twins) without
 * WebAssembly. Each run is reduced to a SHA-256 of every output column's bytes (Float64Array buffers, time
 * included), its work counter and its initial state, and compared with `fixtures/golden-runs.json`.
 *
 * The fixture was produced by the code BEFORE the port (commit "Golden fixture…"), not by the code under test;
 * it is regenerated only on purpose, when results are meant to change:
 *
 *   UPDATE_GOLDEN=1 npx vitest run packages/models/test/bitIdentical.test.ts
 */
const FIXTURE = new URL('./fixtures/golden-runs.json', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const cases = goldenCases(builtInModels);
const golden: Record<string, RunDigest[]> = UPDATE ? {} : JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('built-in models run bit-identically to the golden fixture', () => {
  it('the fixture holds exactly the cases run here', () => {
    if (UPDATE) return;
    expect(Object.keys(golden)).toEqual(cases.map((c) => c.name));
  });

  it('every built-in model has golden cases, except the ones listed without (none today)', () => {
    const covered = new Set(cases.map((c) => c.name.split('/')[0]));
    const ids = builtInModels.map((plugin) => plugin.manifest.id);
    expect(ids.filter((id) => !covered.has(id))).toEqual(Object.keys(WITHOUT_GOLDEN_CASES));
    expect(Object.keys(WITHOUT_GOLDEN_CASES)).toEqual([]);
  });

  for (const goldenCase of cases) {
    it(goldenCase.name, () => {
      const digests = goldenCase.run().map(digestRun);
      if (UPDATE) golden[goldenCase.name] = digests;
      else expect(digests).toStrictEqual(golden[goldenCase.name]);
    });
  }

  for (const name of ['immune-system/agent/seed-5/well-mixed', 'lung/agent/seed-1/every-intervention']) {
    it(`${name}: the same bits without WebAssembly`, () => {
      const withKernel = cases.find((c) => c.name === name)!;
      vi.stubGlobal('WebAssembly', undefined);
      try {
        expect(withKernel.run().map(digestRun)).toStrictEqual(golden[name]);
      } finally {
        vi.unstubAllGlobals();
      }
    });
  }

  for (const name of ['immune-system/agent/seed-1/every-intervention', 'lung/agent/seed-1/every-intervention']) {
    it(`${name}: a run continued from a snapshot is the run without one`, () => {
      expect(golden[`${name}/through-snapshot`]).toStrictEqual(golden[name]);
    });
  }

  if (UPDATE) {
    it('writes the fixture', () => {
      writeFileSync(FIXTURE, `${JSON.stringify(golden, null, 2)}\n`);
    });
  }
});
