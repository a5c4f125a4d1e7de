import { readFileSync } from 'node:fs';
import { builtInDescriptors } from '@immunotwin/models';
import { KernelWorker } from '../packages/kernel/src/worker/kernelWorker.js';

/**
 * Runs every code cell of a notebook under notebooks/ (`file` relative to it), in order, in a twin kernel worker on
 * `model`, and returns what they print: streams, the text/plain of displays (console.table's rows come as a display)
 * and of each cell's result. A cell that fails throws, naming the file and the cell.
 */
export async function printedByCells(file: string, model: string): Promise<string> {
  const notebook = JSON.parse(readFileSync(new URL(`../notebooks/${file}`, import.meta.url), 'utf8')) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  const worker = new KernelWorker();
  await worker.initialize({ model, plugins: builtInDescriptors });
  let printed = '';
  let count = 0;
  for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) {
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    const reply = await worker.execute(source, ++count, {
      output: (event) => {
        if (event.kind === 'stream') printed += event.text;
        const plain = event.kind === 'display' ? event.bundle.data['text/plain'] : undefined;
        if (typeof plain === 'string') printed += `${plain}\n`;
      },
    });
    if (reply.status === 'error') throw new Error(`${file}, cell ${count}: ${reply.ename}: ${reply.evalue}`);
    const result = reply.result?.data['text/plain'];
    if (typeof result === 'string') printed += `${result}\n`;
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  return printed;
}
