import { describe, expect, it } from 'vitest';
import { checkPlugin, ModelRegistry, simulateSync } from '@immunotwin/engine';
import { lungManifest, lungManifests, lungModel, lungModels } from '../src/index.js';

describe('Lung Twin: manifest and plugin', () => {
  it('registers and validates, with a unit, a range holding the default and a source for every parameter', () => {
    const registry = new ModelRegistry();
    for (const plugin of lungModels) registry.register(plugin);
    expect(() => checkPlugin(lungModel)).not.toThrow();
    expect(lungManifest.parameters.length).toBeGreaterThan(30);
    for (const p of lungManifest.parameters) {
      expect(p.unit, p.id).not.toBe('');
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.min, p.id).toBeLessThanOrEqual(p.default);
      expect(p.default, p.id).toBeLessThanOrEqual(p.max);
      expect(p.min, p.id).toBeLessThan(p.max);
    }
  });

  it('is the "lung" agent model with the kernelspec "Lung Twin", and its manifest entry point lists it', () => {
    expect(lungModel.manifest.id).toBe('lung');
    expect(lungModel.manifest.title).toBe('Lung Twin');
    expect(lungModel.manifest.methods).toEqual(['agent']);
    expect(lungModel.manifest.kernel).toEqual({ displayName: 'Lung Twin' });
    expect(lungManifests).toEqual([lungManifest]);
  });

  it('declares the six interventions and the three hosts, whose parameters all exist and run', () => {
    expect(lungManifest.interventions.map((i) => i.kind)).toEqual([
      'antiviral',
      'entryBlocker',
      'ifnTherapy',
      'corticosteroid',
      'monoclonalAntibody',
      'tCellDepletion',
    ]);
    const ids = new Set<string>(lungManifest.parameters.map((p) => p.id));
    expect(lungManifest.presets.map((p) => p.id)).toEqual(['adult', 'olderHost', 'immunosuppressed']);
    for (const preset of lungManifest.presets) {
      for (const id of Object.keys(preset.parameters)) expect(ids.has(id), `${preset.id}: ${id}`).toBe(true);
      const r = simulateSync(lungModel, {
        model: 'lung',
        duration: 0.5,
        seed: 1,
        preset: preset.id,
        parameters: { latticeSize: 20 },
      });
      expect(r.runs[0].observables.virions.length, preset.id).toBeGreaterThan(1);
    }
  });

  it('writes every observable, finite, at every sample', () => {
    const r = simulateSync(lungModel, {
      model: 'lung',
      duration: 2,
      outputInterval: 1,
      seed: 1,
      parameters: { latticeSize: 30 },
    }).runs[0];
    for (const o of lungManifest.observables) {
      expect(r.observables[o.id].length, o.id).toBe(3);
      for (const v of r.observables[o.id]) expect(Number.isFinite(v), o.id).toBe(true);
    }
  });
});
