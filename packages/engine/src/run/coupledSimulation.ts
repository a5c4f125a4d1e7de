import { createRng } from '../rng/index.js';
import type { TissueView } from '../space/tissueView.js';
import type { ResolvedCoupling } from './resolveCoupling.js';
import type { ResolvedIntervention, ResolvedScenario } from './resolveScenario.js';
import { buildSchedule, type Breakpoint } from './schedule.js';
import type { Simulation } from './simulation.js';
import { SteppedSimulation } from './steppedSimulation.js';

/** An input port a link sets: the model it belongs to and its id. */
interface InputTarget {
  readonly model: number;
  readonly id: string;
}

/** What a coupled run's snapshot holds. */
interface CoupledSnapshot {
  readonly members: unknown[];
  readonly exchanges: number;
  readonly nextBreakpoint: number[];
  readonly values: Float64Array;
}

/** Whether `a` has reached `b` (the tolerance `SteppedSimulation` lands with). */
const reached = (a: number, b: number): boolean => b - a <= 1e-12 * Math.max(1, Math.abs(b));

/**
 * A coupled run: the scenario's model (member 0) and its partners (members 1…) stepped in lockstep. At every
 * multiple of the coupling interval — first at time 0 — all models stop, every link's observable is read
 * (all of them before any input is set, so no model sees another's exchange early) and each input is set to
 * the sum of scale × observable over the links into it; the inputs then hold until the next exchange. At one
 * time the exchange comes first, then the partners' interventions. Each model draws from its own random
 * stream, (seed, replicate) for the scenario's model (the stream it has when it runs alone) and
 * (seed, replicate, k) for partner k, so a coupled run is as reproducible as a single one. The runner samples
 * and intervenes on the scenario's model as usual; partners' interventions are applied here.
 */
export class CoupledSimulation implements Simulation {
  private readonly coupling: ResolvedCoupling;
  /** The names links use: the scenario's model id, then the partners'. */
  private readonly names: string[];
  private readonly members: SteppedSimulation[];
  private readonly rows: Float64Array[];
  private readonly schedules: Breakpoint[][];
  private readonly nextBreakpoint: number[];
  private readonly targets: InputTarget[];
  /** For each link, the index of its target in `targets`. */
  private readonly linkTarget: number[];
  /** The inputs' values since the last exchange, one per target. */
  private readonly values: Float64Array;
  private exchanges = 0;

  constructor(scenario: ResolvedScenario, replicate: number) {
    if (!scenario.coupling) throw new Error(`the scenario of model "${scenario.plugin.manifest.id}" is not coupled`);
    const coupling = scenario.coupling;
    this.coupling = coupling;
    this.names = [scenario.plugin.manifest.id, ...coupling.partners.map((p) => p.name)];
    const scenarios = [scenario, ...coupling.partners.map((p) => p.scenario)];
    this.targets = [];
    this.linkTarget = coupling.links.map(({ to }) => {
      const found = this.targets.findIndex((t) => t.model === to.model && t.id === to.input);
      if (found >= 0) return found;
      this.targets.push({ model: to.model, id: to.input });
      return this.targets.length - 1;
    });
    this.values = new Float64Array(this.targets.length);
    this.members = scenarios.map((s, k) => {
      const rng = k === 0 ? createRng(scenario.seed, replicate) : createRng(scenario.seed, replicate, k);
      const inputs = this.targets.filter((t) => t.model === k).map((t) => t.id);
      return new SteppedSimulation(s, rng, inputs);
    });
    this.rows = scenarios.map((s) => new Float64Array(s.plugin.manifest.observables.length));
    this.schedules = scenarios.map((s, k) => (k === 0 ? [] : buildSchedule(s.interventions, scenario.duration)));
    this.nextBreakpoint = scenarios.map(() => 0);
  }

  get time(): number {
    return this.members[0].time;
  }

  /** Advances every model to `t`, stopping at each exchange and each partner intervention on the way. */
  advanceTo(t: number): void {
    for (;;) {
      const now = this.members[0].time;
      if (reached(now, this.exchanges * this.coupling.interval)) {
        this.exchange();
        continue;
      }
      this.applyPartnerInterventions(now);
      if (reached(now, t)) return;
      let next = Math.min(t, this.exchanges * this.coupling.interval);
      this.schedules.forEach((schedule, k) => {
        const point = schedule[this.nextBreakpoint[k]];
        if (point) next = Math.min(next, point.time);
      });
      for (const member of this.members) member.advanceTo(next);
    }
  }

  private applyPartnerInterventions(now: number): void {
    this.schedules.forEach((schedule, k) => {
      while (this.nextBreakpoint[k] < schedule.length && reached(now, schedule[this.nextBreakpoint[k]].time)) {
        const point = schedule[this.nextBreakpoint[k]++];
        this.members[k].apply(point.intervention, point.phase);
      }
    });
  }

  /** Reads every link's observable, then sets every input (the sum of its links' scale × observable). */
  private exchange(): void {
    const { links } = this.coupling;
    const read = new Set(links.map((l) => l.from.model));
    for (const k of read) this.members[k].observe(this.rows[k]);
    this.values.fill(0);
    links.forEach((link, i) => {
      this.values[this.linkTarget[i]] += link.scale * this.rows[link.from.model][link.from.observable];
    });
    this.setInputs();
    this.exchanges++;
  }

  private setInputs(): void {
    this.targets.forEach((target, i) => {
      const value = this.values[i];
      if (!Number.isFinite(value)) {
        throw new Error(
          `coupled run: input "${this.names[target.model]}.${target.id}" became ${value} at ${this.time}`,
        );
      }
      this.members[target.model].setInput(target.id, value);
    });
  }

  sample(t: number, _horizon: number, out: Float64Array): void {
    this.advanceTo(t);
    this.members[0].observe(out);
  }

  /**
   * Writes the observables of model `k` now (0 the scenario's model, k ≥ 1 partner k, in the order the scenario
   * names them) into `out`, a row as long as that model's observables: how a caller records the partners too.
   */
  observeModel(k: number, out: Float64Array): void {
    this.members[k].observe(out);
  }

  apply(intervention: ResolvedIntervention, phase: 'start' | 'stop'): void {
    this.members[0].apply(intervention, phase);
  }

  initialState(): Record<string, number> {
    return this.members[0].initialState();
  }

  /** Steps taken by all the models together. */
  work(): number {
    return this.members.reduce((sum, m) => sum + m.work(), 0);
  }

  view(fields?: readonly string[]): TissueView | undefined {
    return this.members[0].view(fields);
  }

  snapshot(): CoupledSnapshot {
    return {
      members: this.members.map((m) => m.snapshot()),
      exchanges: this.exchanges,
      nextBreakpoint: [...this.nextBreakpoint],
      values: this.values.slice(),
    };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as CoupledSnapshot;
    this.members.forEach((m, k) => m.restore(s.members[k]));
    this.exchanges = s.exchanges;
    s.nextBreakpoint.forEach((n, k) => (this.nextBreakpoint[k] = n));
    this.values.set(s.values);
    if (this.exchanges > 0) this.setInputs();
  }
}
