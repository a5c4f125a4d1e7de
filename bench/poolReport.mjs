/**
 * Reports a side-by-side measurement of a 2-worker and a 1-worker pool (`comparePools` in bench/poolWorkloads.mjs)
 * as a benchmark row: the medians, with the workload, the spread of the rounds and the bit check in the notes.
 */
import { formatRate, median, report } from './harness.mjs';

/**
 * @param {{ name: string, baselineLabel: string, workload: { label: string },
 *           measured: { one: number[], two: number[], identical: boolean }, notes?: string[] }} row
 */
export function reportPools({ name, baselineLabel, workload, measured, notes = [] }) {
  const range = (rates) => `${formatRate(Math.min(...rates))}–${formatRate(Math.max(...rates))}`;
  report({
    name,
    unit: 'runs/s',
    engine: median(measured.two),
    baseline: median(measured.one),
    baselineLabel,
    notes: [
      ...notes,
      `${workload.label}; target ≥ 1.8× on 2 cores`,
      `${measured.two.length} rounds after warm-up: 2 workers ${range(measured.two)}, 1 worker ${range(measured.one)} runs/s`,
      `the two pools' results are ${measured.identical ? 'the same bits' : 'NOT the same bits'}`,
    ],
  });
}
