import { withinHostModels } from '@immunotwin/model-within-host';
import { TwinSession, type IRunOptions, type IRunSummary } from '@immunotwin/worker';
import type { RunProgress } from '@immunotwin/engine';

/**
 * An in-process session (the real engine) that counts its runs and cancellations and reports frames and progress
 * (shared by the workbench tests).
 */
export class CountingSession extends TwinSession {
  runs = 0;
  cancels = 0;
  disposed = false;
  onFrame: (() => void) | undefined;
  /** Called after each progress report of a run (awaited by the run, as a remote listener would be). */
  afterProgress: ((progress: RunProgress) => Promise<void> | void) | undefined;

  constructor() {
    super({ plugins: withinHostModels });
  }

  override run(options: IRunOptions = {}): Promise<IRunSummary> {
    this.runs++;
    const { onFrame, onProgress } = options;
    return super.run({
      ...options,
      onFrame: async (frame) => {
        await onFrame?.(frame);
        this.onFrame?.();
      },
      onProgress: async (progress) => {
        await onProgress?.(progress);
        await this.afterProgress?.(progress);
      },
    });
  }

  override cancel(): Promise<void> {
    this.cancels++;
    return super.cancel();
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Resolves at the next frame of a run. */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => (this.onFrame = resolve));
  }
}
