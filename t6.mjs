import { createTwinApi } from '@immunotwin/kernel';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
const reg = builtInRegistry();
const pool = createNodePool({ plugins: builtInDescriptors, size: 2 });
const twin = createTwinApi(reg.get('target-cell-limited'), { pool: () => pool });
const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(p * (s.length - 1))]; };
for (const seed of [1, 2]) {
const c = await twin.sweep({ parameters: {
  beta: { distribution: { kind: 'log-normal', mu: Math.log(3.2e-5), sigma: 0.5, truncate: { lower: 1e-6, upper: 1e-3 } } },
  p: { distribution: { kind: 'log-normal', mu: Math.log(0.046), sigma: 0.5, truncate: { lower: 1e-3, upper: 1 } } } },
  design: { kind: 'lhs', n: 200, seed }, outcomes: ['V.peak', 'V.timeToPeak'], duration: 10 });
const rows = c.rows();
const tp = rows.map(r => r['V.timeToPeak']), pk = rows.map(r => r['V.peak']);
console.log('seed', seed, 'ttp 5/50/95', q(tp, .05), q(tp, .5), q(tp, .95), 'peak', q(pk, .05).toExponential(2), q(pk, .5).toExponential(2), q(pk, .95).toExponential(2));
console.log(c.figures.map(f => f.kind));
}
pool.dispose();
