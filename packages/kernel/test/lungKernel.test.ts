import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '@jupyterlab/services';
import { parseTissue, tissueCounts, TISSUE_MIME_TYPE, WORKBENCH_MIME_TYPE } from '@immunotwin/engine';
import { buildKernelPackage, execute, outputs, startKernel, type KernelUnderTest } from './kernelHarness.js';

/**
 * The Lung Twin's kernel: the built-in descriptor names `@immunotwin/model-lung`, which the kernel's worker
 * imports (as a page's worker imports the URL the extension serves), then the `twin` API runs it.
 */
let k: KernelUnderTest;

beforeAll(() => buildKernelPackage(), 120_000);
beforeAll(async () => {
  k = startKernel({ model: 'lung' });
  await k.kernel.ready;
});
afterAll(() => k?.kernel.dispose());

const data = (iopub: KernelMessage.IMessage[]) => (outputs(iopub)[0].content as { data: Record<string, unknown> }).data;

describe('the Lung Twin kernel', () => {
  it('runs the lung model', async () => {
    const { reply, iopub } = await k.request('execute_request', execute('twin.manifest.title'));
    expect(reply.content).toMatchObject({ status: 'ok' });
    expect(data(iopub)['text/plain']).toBe("'Lung Twin'");
  });

  it('gives its workbench for twin.controls()', async () => {
    const { iopub } = await k.request(
      'execute_request',
      execute('twin.set({ latticeSize: 30 }); twin.controls({ duration: 10 })'),
    );
    expect(data(iopub)[WORKBENCH_MIME_TYPE]).toMatchObject({
      version: 1,
      scenario: { model: 'lung', parameters: { latticeSize: 30 }, duration: 10 },
    });
  });

  it('pictures its tissue: the six epithelial states, virions glowing, the immune cells on their sites', async () => {
    const { reply, iopub } = await k.request(
      'execute_request',
      execute('twin.set({ latticeSize: 30, tCellDelay: 0.5 }); await twin.tissue({ duration: 2, times: [0, 1, 2] })'),
    );
    expect(reply.content).toMatchObject({ status: 'ok' });
    // A run of a fraction of a second shows no live pictures: its one output is the finished view.
    expect(outputs(iopub).map((m) => m.header.msg_type)).toEqual(['execute_result']);
    const tissue = parseTissue(data(iopub)[TISSUE_MIME_TYPE]);
    expect(tissue.header).toMatchObject({
      model: 'lung',
      title: 'Lung Twin',
      width: 30,
      height: 30,
      cellStates: ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'],
      agentTypes: ['cd8', 'macrophage', 'neutrophil', 'nk'],
      field: { id: 'virions', unit: 'virions/site' },
    });
    expect(tissue.frames.map((f) => f.time)).toEqual([0, 1, 2]);
    const [first, , last] = tissue.frames.map((f) => tissueCounts(tissue, f));
    expect(first.cells).toEqual([900, 0, 0, 0, 0, 0]);
    // The focus has taken hold, virions have spread from it and T cells have come in.
    expect(last.cells[0]).toBeLessThan(900);
    expect(tissue.frames[2].field!.filter((v) => v > 0).length).toBeGreaterThan(1);
    expect(last.agents[0]).toBeGreaterThan(0);
  });

  it('runs coupled to the Immune System Twin’s lymph node: twin.run({ coupling }) finds the partner in the registry', async () => {
    const coupling = `{ interval: 0.125, partners: { node: { model: 'immune-system', parameters: { inoculum: 0 } } },
      links: [{ from: 'lung.antigenOut', to: 'node.antigenIn', scale: 72.8 }, { from: 'node.cd8Effector', to: 'lung.effectorSupply', scale: 1.389 }] }`;
    const { reply, iopub } = await k.request(
      'execute_request',
      execute(
        `twin.set({ latticeSize: 30 }); const coupled = await twin.run({ duration: 4, coupling: ${coupling} });` +
          ` [...twin.observe(coupled, 'tCellSupply').values].map((v) => v > 0)`,
      ),
    );
    expect(reply.content).toMatchObject({ status: 'ok' });
    // No effectors on day 1 (DCs take a day to reach the node), effectors from the node's expansion by day 4.
    const supplied = data(iopub)['text/plain'] as string;
    expect(supplied.startsWith('[\n  false,')).toBe(true);
    expect(supplied.trimEnd().endsWith('true\n]')).toBe(true);

    // The tissue of a coupled run, too.
    const tissue = await k.request(
      'execute_request',
      execute(`await twin.tissue({ duration: 1, times: [0, 1], coupling: ${coupling} })`),
    );
    expect(tissue.reply.content).toMatchObject({ status: 'ok' });
    expect(parseTissue(data(tissue.iopub)[TISSUE_MIME_TYPE]).frames.map((f) => f.time)).toEqual([0, 1]);
  });

  it('says what is wrong with a coupling, naming the lung’s inputs', async () => {
    const { reply } = await k.request(
      'execute_request',
      execute(
        `await twin.run({ duration: 1, coupling: { interval: 0.5, partners: { node: { model: 'immune-system' } }, links: [{ from: 'node.cd8Effector', to: 'lung.tCells' }] } })`,
      ),
    );
    expect(reply.content).toMatchObject({ status: 'error' });
    expect((reply.content as { evalue: string }).evalue).toContain(
      'coupling.links[0].to: "lung" declares no input "tCells"; its inputs: effectorSupply, antibodyClearance',
    );
  });
});
