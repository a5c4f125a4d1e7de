import type { Rng } from '@immunotwin/engine';
import { CELL, type AgentPool, type AgentStep, type AgentStepOutcome, type AgentWorld } from '../src/index.js';

/**
 * The agent step written the plain way, as the model first had it: every neighbour read from the table,
 * every choice a branch. `stepAgents` must do exactly what this does (same draws, same order, same results).
 */
export function referenceStepAgents(
  pool: AgentPool,
  world: AgentWorld,
  s: AgentStep,
  rng: Rng,
  out: AgentStepOutcome,
): void {
  const { cells, neighbours, virus, antigen, chemokine, cytokine } = world;
  const U = 2.3283064365386963e-10;
  for (let i = 0; i < pool.count; i++) {
    const type = pool.type[i];
    if (rng.nextUint32() * U < s.death[type]) {
      pool.remove(i);
      i--;
      continue;
    }
    let site = pool.site[i];
    if (!s.spatial) {
      site = rng.integer(cells.length);
    } else {
      const m = s.moves[type];
      let hops = Math.floor(m);
      if (rng.nextUint32() * U < m - hops) hops++;
      for (let k = 0; k < hops; k++) {
        const bits = rng.nextUint32();
        let next = neighbours[8 * site + (bits & 7)];
        if (s.chemotaxis[type]) {
          const other = neighbours[8 * site + ((bits >>> 3) & 7)];
          if (next < 0 || (other >= 0 && chemokine[other] > chemokine[next])) next = other;
        }
        if (next >= 0) site = next;
      }
    }
    pool.site[i] = site;
    const cell = cells[site];
    if (type === 0) {
      virus[site] *= s.virusLeft;
      if (virus[site] + antigen[site] > s.activation) pool.state[i] = 1;
      else if (pool.state[i] === 1 && rng.nextUint32() * U < s.deactivation) pool.state[i] = 0;
      if (pool.state[i] === 1) {
        cytokine[site] += s.cytokine;
        chemokine[site] += s.chemokine;
      }
    } else if (type === 1) {
      virus[site] *= s.virusLeft;
      cytokine[site] += s.cytokine;
    } else if (type === 4 || type === 2) {
      let target = site;
      if (type === 4 && cell !== CELL.eclipse && cell !== CELL.productive) {
        target = neighbours[8 * site + (rng.nextUint32() & 7)];
      }
      const tc = target >= 0 ? cells[target] : CELL.healthy;
      if (
        (tc === CELL.eclipse || tc === CELL.productive) &&
        rng.nextUint32() * U < (type === 4 ? s.ctlKill : s.nkKill)
      ) {
        cells[target] = CELL.dead;
        antigen[target] += s.antigen;
        if (type === 4) out.ctlKills++;
        else out.nkKills++;
      }
    } else {
      const load = pool.load[i] * s.dcLoadKept + s.dcUptake * (virus[site] + antigen[site]);
      if (load >= 1) {
        pool.remove(i);
        i--;
        out.dcDepartures++;
        continue;
      }
      pool.load[i] = load;
    }
  }
}
