/**
 * A module worker of the browser worker-pool benchmark page that makes its own pool, of nested workers (as the
 * kernel's worker will): on a message it runs the first tasks of the SSA ensemble on a default-sized pool and
 * posts back the pool's size and the runs.
 */
import { createBrowserPool } from '@immunotwin/worker/browserPool';
import { ENSEMBLE } from '../poolWorkloads.mjs';
import { plugins } from './plugins.js';

addEventListener('message', async (event: MessageEvent<{ tasks: number }>) => {
  const pool = createBrowserPool({ plugins });
  try {
    const runs = await pool.run(ENSEMBLE.tasks.slice(0, event.data.tasks));
    postMessage({ size: pool.size, runs });
  } catch (error) {
    postMessage({ error: String(error) });
  } finally {
    pool.dispose();
  }
});
