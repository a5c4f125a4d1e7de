/**
 * Node only: a twin kernel served over its process's standard streams, one JSON Jupyter message a line, for the
 * headless kernel's Python wrapper (`immunotwin/headless_kernel.py`), which owns the ZeroMQ sockets.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { KernelMessage } from '@jupyterlab/services';

/** What the stdio loop needs of a kernel: `TwinKernel` has it. */
export interface IStdioKernel {
  /** Resolves when the kernel can take requests. */
  readonly ready: Promise<void>;
  /** Handles one request; its replies and outputs go through the kernel's `sendMessage`. */
  handleMessage(msg: KernelMessage.IMessage): Promise<void>;
  /** Stops the running cell, if any. */
  interrupt(): Promise<void>;
  /** Stops the kernel's worker. */
  dispose(): void;
}

/** Options of {@link serveKernelOverStdio}. */
export interface IStdioOptions {
  /** Requests, one JSON message a line (default: `process.stdin`). */
  input?: Readable;
  /** Where the messages go, one JSON line each (default: `process.stdout`). */
  output?: Writable;
}

/** Writes one message as a JSON line: the `sendMessage` of a kernel served by {@link serveKernelOverStdio}. */
export function writeMessageLine(output: Writable, msg: KernelMessage.IMessage): void {
  output.write(`${JSON.stringify(msg)}\n`);
}

/**
 * Hands every line of `input` to the kernel as a message, one request at a time in arrival order; SIGINT
 * interrupts the running cell (the wrapper forwards the interrupt it gets from Jupyter); the end of `input`
 * (the wrapper exited) disposes the kernel. Resolves when `input` has ended and the last request is done.
 */
export async function serveKernelOverStdio(kernel: IStdioKernel, options: IStdioOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const onInterrupt = (): void => void kernel.interrupt();
  process.on('SIGINT', onInterrupt);
  await kernel.ready;
  let queue = Promise.resolve();
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const msg = JSON.parse(line) as KernelMessage.IMessage;
    queue = queue.then(() => kernel.handleMessage(msg));
  }
  await queue;
  process.off('SIGINT', onInterrupt);
  kernel.dispose();
}
