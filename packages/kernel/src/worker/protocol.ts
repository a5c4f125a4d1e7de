import type { PluginDescriptor } from '@immunotwin/engine';
import type { CompleteReply } from '../completion.js';
import type { StreamName } from '../console.js';
import type { InspectReply } from '../inspection.js';
import type { IsCompleteReply } from '../isComplete.js';
import type { MimeBundle } from '../mime.js';
import type { ErrorReply } from '../traceback.js';

/** How the kernel's worker is set up: which model `twin` is, and the shared interrupt flag. */
export interface IKernelWorkerOptions {
  /** Model id of `twin` (default: the first registered model with a `kernel` section, else the first). */
  model?: string;
  /** The models the worker knows, as descriptors: it imports their code when it initialises. */
  plugins?: readonly PluginDescriptor[];
  /** An Int32Array over a SharedArrayBuffer: element 0 set to 1 by the kernel means "interrupt". */
  interruptFlag?: Int32Array;
}

/** One output of a cell as the worker reports it, numbered so the kernel can keep their order. */
export type IWorkerOutput =
  | {
      seq: number;
      kind: 'display';
      bundle: MimeBundle;
      /** An id that later outputs can replace this one by (Jupyter's `transient.display_id`). */
      displayId?: string;
      /** Replace the output shown under `displayId` (an update_display_data message) instead of adding one. */
      update?: boolean;
    }
  | { seq: number; kind: 'stream'; name: StreamName; text: string };

/** Receives a cell's outputs as they happen (a comlink proxy on the worker's side). */
export interface IOutputCallbacks {
  /** One display or stream output. */
  output(event: IWorkerOutput): void;
}

/** The reply of the worker to `execute`: the outcome plus how many outputs it sent before it. */
export type IWorkerExecuteReply = ({ status: 'ok'; result?: MimeBundle } | ({ status: 'error' } & ErrorReply)) & {
  /** Number of outputs sent with `output()` during this execution. */
  outputs: number;
};

/** What the kernel's worker serves over comlink. */
export interface IKernelWorkerRemote {
  /** Sets the worker up (call once, before anything else). Returns the model of `twin`. */
  initialize(options: IKernelWorkerOptions): Promise<{ id: string; title: string }>;
  /** Runs a cell; outputs go to `callbacks` as they happen. Never rejects. */
  execute(code: string, executionCount: number, callbacks: IOutputCallbacks): Promise<IWorkerExecuteReply>;
  /** complete_reply content. */
  complete(code: string, cursorPos: number): Promise<CompleteReply>;
  /** inspect_reply content. */
  inspect(code: string, cursorPos: number, detailLevel: number): Promise<InspectReply>;
  /** is_complete_reply content. */
  isComplete(code: string): IsCompleteReply;
  /** Aborts the running cell (if any): its pending awaits and its simulation reject with KeyboardInterrupt. */
  interrupt(): void;
}
