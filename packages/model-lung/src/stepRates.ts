import { type ParameterId, portableMath } from '@immunotwin/engine';
import type { lungManifest } from './manifest/manifest.js';
import { epitheliumRates, type EpitheliumRates } from './tissue/epithelium.js';
import type { InnateRules } from './tissue/innateStep.js';
import type { LungModifiers } from './treatments.js';

/** The per-step rates of the epithelium and the innate cells. */
export interface StepRates {
  /** The epithelium's. */
  readonly epithelium: EpitheliumRates;
  /** The innate cells'. */
  readonly innate: InnateRules;
}

/**
 * The per-step rates for steps of `minutes`, from the parameters `p` and the treatments' modifiers `m` in force
 * (virion production, entry and cytokine secretion scaled by them).
 */
export function stepRates(
  p: Readonly<Record<ParameterId<typeof lungManifest>, number>>,
  m: LungModifiers,
  minutes: number,
): StepRates {
  const epithelium = epitheliumRates(
    {
      ...p,
      virionProduction: p.virionProduction * m.production,
      infectivity: p.infectivity * m.entry,
      cytokineSecretion: p.cytokineSecretion * m.cytokine,
    },
    minutes,
  );
  const perStep = (rate: number): number => -portableMath.expm1(-rate * minutes);
  const moves = (speed: number): number => (speed * minutes) / p.siteSize;
  const innate: InnateRules = {
    death: Float64Array.of(perStep(p.macrophageDeath), perStep(p.neutrophilDeath), perStep(p.nkDeath)),
    moves: Float64Array.of(moves(p.macrophageSpeed), moves(p.neutrophilSpeed), moves(p.nkSpeed)),
    inflammatoryMoves: moves(p.macrophageInflammatorySpeed),
    bias: Float64Array.of(p.macrophageBias, p.neutrophilBias, p.nkBias),
    // Neutrophils climb the cytokine (an IL-8-like signal); macrophages and NK cells the chemokine.
    attractant: Uint8Array.of(0, 1, 0),
    virionsLeft: portableMath.exp(-p.macrophageVirionUptake * minutes),
    engulf: perStep(p.macrophagePhagocytosis),
    activation: p.macrophageActivation,
    cellLoad: p.macrophageCellLoad,
    loadKept: portableMath.exp(-p.macrophageDigestion * minutes),
    cytokine: p.macrophageCytokineSecretion * m.cytokine * minutes,
    rosLevel: p.rosSecretion / p.rosDecay,
    nkKill: p.nkKillRate * minutes,
    nkIfnProtection: p.nkIfnProtection,
    ifnHalf: p.ifnHalf,
    apoptosisPeriod: p.apoptosisPeriod,
  };
  return { epithelium, innate };
}
