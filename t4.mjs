import { createTwinApi } from '@immunotwin/kernel';
import { builtInDescriptors, builtInRegistry } from '@immunotwin/models';
import { createNodePool } from '@immunotwin/worker/node';
const reg = builtInRegistry();
const pool = createNodePool({ plugins: builtInDescriptors, size: 2 });
const imm = createTwinApi(reg.get('immune-system'), { pool: () => pool });
for (const seed of [1, 2]) {
let t = performance.now();
const p = await imm.sensitivity({ analysis: 'prcc', seed, parameters: { production: { range: [6, 24] }, antiviralRate: { range: [1, 9] }, nkKill: { range: [1, 9] }, infectedDeath: { range: [2.6, 10.4] } }, n: 60, outcomes: ['virus.peak', 'damage.peak', 'virus.auc'] });
console.log(p.toString(), ((performance.now() - t) / 1000).toFixed(1), 's');
}
pool.dispose();
