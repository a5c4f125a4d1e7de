import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelRegistry, runScenarioSync } from '@immunotwin/engine';
import { withinHostModels } from '@immunotwin/model-within-host';
import { createBrowserPool } from '../src/browserPool.js';
import { exposePoolWorker } from '../src/pool/poolWorkerService.js';
import type { WorkerPool } from '../src/pool/workerPool.js';
import { ssaScenario } from './helpers.js';

/**
 * Node has no Web Worker: this one records how the factory starts it and serves the pool worker in this thread,
 * over a MessageChannel, as the `poolBrowserWorker` entry does on a real worker's global scope.
 */
class FakeWorker {
  static started: FakeWorker[] = [];
  readonly port: MessagePort;
  terminated = false;
  constructor(
    readonly url: URL | string,
    readonly options: WorkerOptions,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    exposePoolWorker(port2);
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.port.addEventListener(type, listener);
    this.port.start();
  }
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    this.port.removeEventListener(type, listener);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
}

const pools: WorkerPool[] = [];
afterEach(() => {
  pools.splice(0).forEach((pool) => pool.dispose());
  FakeWorker.started = [];
  vi.unstubAllGlobals();
});

function browserPool(options: Partial<Parameters<typeof createBrowserPool>[0]> = {}): WorkerPool {
  const pool = createBrowserPool({ plugins: withinHostModels.map(({ manifest }) => ({ manifest })), ...options });
  pools.push(pool);
  return pool;
}

describe('createBrowserPool', () => {
  it('has navigator.hardwareConcurrency workers by default, and 1 when the host does not say', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 3 });
    expect(browserPool().size).toBe(3);
    for (const hardwareConcurrency of [undefined, 0, Number.NaN]) {
      vi.stubGlobal('navigator', { hardwareConcurrency });
      expect(browserPool().size, String(hardwareConcurrency)).toBe(1);
    }
    vi.stubGlobal('navigator', undefined);
    expect(browserPool().size).toBe(1);
    expect(browserPool({ size: 2 }).size).toBe(2);
  });

  it('refuses a size that is not a whole number ≥ 1, naming the value', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(() => browserPool({ size }), String(size)).toThrow(RangeError);
    }
    expect(() => browserPool({ size: 0 })).toThrow(/size must be a whole number ≥ 1; got 0/);
  });

  it('starts its module workers on the package’s pool worker entry at the first run, with the engine’s bits', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const pool = browserPool({ size: 2 });
    expect(FakeWorker.started).toHaveLength(0);
    const scenario = { ...ssaScenario, replicates: 2 };
    const results = await pool.run([0, 1].map((r) => ({ scenario, replicates: [r] })));
    expect(FakeWorker.started).toHaveLength(2);
    for (const worker of FakeWorker.started) {
      expect(String(worker.url)).toMatch(/poolBrowserWorker/);
      expect(worker.options.type).toBe('module');
    }
    const registry = new ModelRegistry();
    for (const plugin of withinHostModels) registry.register(plugin);
    const expected = runScenarioSync(registry.resolve(scenario)).runs;
    results.flat().forEach((run, r) => {
      for (const [id, values] of Object.entries(expected[r]!.observables)) {
        expect(Buffer.from(run.observables[id]!.buffer).equals(Buffer.from(values.buffer)), `${r} ${id}`).toBe(true);
      }
    });
    pool.dispose();
    expect(FakeWorker.started.every((worker) => worker.terminated)).toBe(true);
  });

  it('starts its workers on `workerUrl` when given one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const workerUrl = 'https://example.org/static/pool-worker.js';
    await browserPool({ size: 1, workerUrl }).run([{ scenario: ssaScenario, replicates: [0] }]);
    expect(FakeWorker.started.map((worker) => [String(worker.url), worker.options.type])).toEqual([
      [workerUrl, 'module'],
    ]);
  });
});
