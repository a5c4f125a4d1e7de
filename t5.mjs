import { createTwinApi } from '@immunotwin/kernel';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
const reg = builtInRegistry();
const pool = createNodePool({ plugins: builtInDescriptors, size: 2 });
const twin = createTwinApi(reg.get('target-cell-limited'), { pool: () => pool });
const P = { beta: { range: [1e-5, 1e-4] }, p: { range: [0.015, 0.15] }, c: { range: [1.7, 17] }, delta: { range: [1.7, 17] } };
for (const skip of [0, 1024]) {
  const s = await twin.sensitivity({ parameters: P, n: 256, design: undefined, outcomes: ['V.peak', 'V.timeToPeak'], duration: 12 });
  console.log(s.sensitivity.map(x => x.outcome + ' ST ' + Array.from(x.indices.total, v => v.toFixed(2)).join(' ') + ' S1 ' + Array.from(x.indices.firstOrder, v => v.toFixed(2)).join(' ')).join('\n'));
}
const sw = await twin.sweep({ parameters: { p: { range: [0.015, 0.15] }, c: { range: [1.7, 17] } }, design: { kind: 'grid', levels: 5 }, outcomes: ['V.peak'], duration: 12 });
console.log(sw.rows().map(r => [r.p.toFixed(3), r.c.toFixed(2), r['V.peak'].toExponential(2)].join(' ')).join('\n'));
pool.dispose();
