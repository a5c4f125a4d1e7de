import type { ResolvedIntervention } from './resolveScenario.js';

/** A moment when the model changes discontinuously: an intervention starting or stopping. */
export interface Breakpoint {
  /** When it happens. */
  readonly time: number;
  /** Which intervention. */
  readonly intervention: ResolvedIntervention;
  /** Whether it starts or stops. */
  readonly phase: 'start' | 'stop';
}

/**
 * Orders every start and stop in time. At equal times, stops come before starts (so a treatment that ends
 * as another begins never overlaps with it) and otherwise scenario order is kept.
 */
export function buildSchedule(interventions: readonly ResolvedIntervention[], duration: number): Breakpoint[] {
  const points: Breakpoint[] = [];
  for (const intervention of interventions) {
    points.push({ time: intervention.start, intervention, phase: 'start' });
    if (intervention.stop !== undefined && intervention.stop <= duration) {
      points.push({ time: intervention.stop, intervention, phase: 'stop' });
    }
  }
  const phaseOrder = (p: Breakpoint): number => (p.phase === 'stop' ? 0 : 1);
  return points.sort(
    (a, b) => a.time - b.time || phaseOrder(a) - phaseOrder(b) || a.intervention.index - b.intervention.index,
  );
}

/**
 * The sample times 0, Δ, 2Δ, … up to the duration, computed as k·Δ (not by accumulation, so they are
 * exact and platform-independent), with the duration itself appended when it is not a multiple of Δ.
 */
export function sampleTimes(duration: number, interval: number): Float64Array {
  const n = Math.floor(duration / interval + 1e-9);
  const last = n * interval;
  const extra = Math.abs(duration - last) > 1e-9 * Math.max(1, duration) ? 1 : 0;
  const times = new Float64Array(n + 1 + extra);
  for (let k = 0; k <= n; k++) times[k] = k * interval;
  if (extra) times[n + 1] = duration;
  else times[n] = Math.min(times[n], duration);
  return times;
}
