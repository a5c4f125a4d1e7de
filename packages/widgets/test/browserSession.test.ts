// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserSession, browserSessionFactory } from '../src/browserSession.js';

/** Records how the factory starts its worker (happy-dom has no Worker). */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('browserSessionFactory', () => {
  it('starts one module worker on the worker package’s browser entry per session, and terminates it on dispose', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const factory = browserSessionFactory(() => []);
    const session = await factory();
    expect(session).toBeInstanceOf(BrowserSession);
    expect(FakeWorker.started).toHaveLength(1);
    const [worker] = FakeWorker.started;
    // Vite (like the extension's bundler) resolves the bare specifier to the worker package's entry.
    expect(String(worker.url)).toMatch(/worker\/.*browserWorker/);
    expect(worker.options.type).toBe('module');
    session.dispose!();
    expect(worker.terminated).toBe(true);
  });
});
