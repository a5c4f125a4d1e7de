import { portableMath } from '@immunotwin/engine';
import type { CirculatingDepletion } from './tissue/vasculature.js';

/** The lasting interventions that act as modifiers while they are in force. */
export type LastingKind = 'antiviral' | 'entryBlocker' | 'ifnTherapy' | 'corticosteroid';

/** Factors and doses the lasting interventions in force apply to the model's rates. */
export interface LungModifiers {
  /** Multiplies virion production (a replication inhibitor: 1 − efficacy). */
  production: number;
  /** Multiplies infectivity (an entry blocker: 1 − efficacy). */
  entry: number;
  /** Multiplies cytokine secretion by epithelium and macrophages (a corticosteroid: 1 − efficacy). */
  cytokine: number;
  /** Multiplies neutrophil recruitment (a corticosteroid: 1 − efficacy). */
  neutrophilRecruitment: number;
  /** IFN added to every site per minute (IFN therapy), a.u./(site·min). */
  ifnDose: number;
}

/** One infusion of monoclonal antibody: extra virion clearance that halves every `halfLife` minutes. */
interface Infusion {
  readonly minute: number;
  readonly clearance: number;
  readonly halfLife: number;
}

/** One lasting intervention in force. */
interface Lasting {
  readonly kind: LastingKind;
  readonly values: Readonly<Record<string, number>>;
}

/** A structured-cloneable copy of {@link Treatments}. */
export interface TreatmentsSnapshot {
  /** Lasting interventions in force, by scenario index. */
  readonly active: readonly { index: number; kind: LastingKind; values: Record<string, number> }[];
  /** Antibody infusions so far. */
  readonly infusions: readonly Infusion[];
  /** Depletions of circulating T cells so far. */
  readonly depletions: readonly CirculatingDepletion[];
}

/**
 * The treatments of one run: the lasting interventions in force (combined into {@link LungModifiers}; several of
 * one kind multiply their factors and add their doses), the antibody infusions (their extra virion clearance
 * summed, each decaying with its half-life) and the depletions of circulating T cells. `version` changes whenever
 * the modifiers do, so the model recomputes its per-step rates only then.
 */
export class Treatments {
  /** The modifiers in force. */
  readonly modifiers: LungModifiers = { production: 1, entry: 1, cytokine: 1, neutrophilRecruitment: 1, ifnDose: 0 };
  /** Depletions of circulating T cells so far (for the vasculature). */
  depletions: CirculatingDepletion[] = [];
  /** Increases whenever the modifiers change. */
  version = 0;
  private active = new Map<number, Lasting>();
  private infusions: Infusion[] = [];

  /** A lasting intervention starts (scenario index `index`). */
  start(index: number, kind: LastingKind, values: Readonly<Record<string, number>>): void {
    this.active.set(index, { kind, values: { ...values } });
    this.update();
  }

  /** The lasting intervention with scenario index `index` stops. */
  stop(index: number): void {
    this.active.delete(index);
    this.update();
  }

  /** An antibody infusion at `minute`: `clearance` per minute of extra virion loss, halving every `halfLife` min. */
  infuse(minute: number, clearance: number, halfLife: number): void {
    this.infusions.push({ minute, clearance, halfLife });
  }

  /** Extra virion clearance per minute from every infusion so far, at `minute`. */
  antibodyClearance(minute: number): number {
    let c = 0;
    for (const f of this.infusions)
      if (minute >= f.minute) c += f.clearance * portableMath.pow(2, -(minute - f.minute) / f.halfLife);
    return c;
  }

  /** Records a depletion of `cells` circulating T cells at `minute`. */
  deplete(minute: number, cells: number): void {
    if (cells > 0) this.depletions.push({ minute, cells });
  }

  /** A structured-cloneable copy. */
  snapshot(): TreatmentsSnapshot {
    return {
      active: [...this.active.entries()].map(([index, a]) => ({ index, kind: a.kind, values: { ...a.values } })),
      infusions: this.infusions.map((f) => ({ ...f })),
      depletions: this.depletions.map((d) => ({ ...d })),
    };
  }

  /** Restores a copy taken with {@link snapshot}. */
  restore(s: TreatmentsSnapshot): void {
    this.active = new Map(s.active.map((a) => [a.index, { kind: a.kind, values: { ...a.values } }]));
    this.infusions = s.infusions.map((f) => ({ ...f }));
    this.depletions = s.depletions.map((d) => ({ ...d }));
    this.update();
  }

  private update(): void {
    const m = this.modifiers;
    m.production = 1;
    m.entry = 1;
    m.cytokine = 1;
    m.neutrophilRecruitment = 1;
    m.ifnDose = 0;
    for (const { kind, values } of this.active.values()) {
      if (kind === 'antiviral') m.production *= 1 - values.efficacy;
      else if (kind === 'entryBlocker') m.entry *= 1 - values.efficacy;
      else if (kind === 'ifnTherapy') m.ifnDose += values.dose;
      else {
        m.cytokine *= 1 - values.efficacy;
        m.neutrophilRecruitment *= 1 - values.efficacy;
      }
    }
    this.version++;
  }
}
