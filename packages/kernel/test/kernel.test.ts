import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelMessage } from '@jupyterlab/services';
import { PLOT_MIME_TYPE, WORKBENCH_MIME_TYPE, parsePlotBundle } from '@immunotwin/engine';
import { buildKernelPackage, execute, outputs, startKernel, type KernelUnderTest } from './kernelHarness.js';

let k: KernelUnderTest;

beforeAll(() => buildKernelPackage(), 120_000);
beforeAll(async () => {
  k = startKernel();
  await k.kernel.ready;
});
afterAll(() => k?.kernel.dispose());

type Content = Record<string, unknown>;
const content = (m: KernelMessage.IMessage): Content => m.content as Content;

describe('TwinKernel protocol (BaseKernel on a worker thread)', () => {
  it('answers kernel_info with TypeScript language info for CodeMirror', async () => {
    const { reply, iopub } = await k.request('kernel_info_request', {});
    expect(reply.header.msg_type).toBe('kernel_info_reply');
    const info = content(reply);
    expect(info.status).toBe('ok');
    expect(info.language_info).toMatchObject({
      name: 'typescript',
      mimetype: 'text/typescript',
      file_extension: '.ts',
      codemirror_mode: 'typescript',
    });
    expect(String(info.banner)).toContain('target-cell-limited');
    expect((info.help_links as unknown[]).length).toBeGreaterThan(0);
    expect(iopub.map((m) => content(m).execution_state)).toEqual(['busy', 'idle']);
  });

  it('replies to execute with increasing execution counts and publishes the result', async () => {
    const first = await k.request('execute_request', execute('const a: number = 20;\na + 1'));
    expect(first.reply.header.msg_type).toBe('execute_reply');
    expect(content(first.reply)).toMatchObject({ status: 'ok', execution_count: 1 });
    const result = outputs(first.iopub);
    expect(result.map((m) => m.header.msg_type)).toEqual(['execute_result']);
    expect(content(result[0])).toMatchObject({ execution_count: 1, data: { 'text/plain': '21' } });
    expect(first.iopub.map((m) => m.header.msg_type)).toEqual(['status', 'execute_input', 'execute_result', 'status']);

    const second = await k.request('execute_request', execute('a * 2'));
    expect(content(second.reply)).toMatchObject({ status: 'ok', execution_count: 2 });
    expect(content(outputs(second.iopub)[0])).toMatchObject({ execution_count: 2, data: { 'text/plain': '40' } });
  });

  it('keeps console and display outputs in the order they happen, before the result', async () => {
    const code = [
      "console.log('one');",
      'display({ x: 1 });',
      "console.error('two');",
      "display.html('<b>three</b>');",
      'await new Promise((r) => setTimeout(r, 10));',
      "console.log('four');",
      "'done'",
    ].join('\n');
    const { reply, iopub } = await k.request('execute_request', execute(code));
    expect(content(reply).status).toBe('ok');
    const seen = outputs(iopub).map((m) => {
      const c = content(m);
      if (m.header.msg_type === 'stream') return `${String(c.name)}:${String(c.text).trim()}`;
      return `${m.header.msg_type}:${Object.keys(c.data as object).join('+')}`;
    });
    expect(seen).toEqual([
      'stdout:one',
      'display_data:text/plain',
      'stderr:two',
      'display_data:text/html+text/plain',
      'stdout:four',
      'execute_result:text/plain',
    ]);
  });

  it('runs a simulation cell: the result is a plot bundle (data) under the plot MIME type with a text summary', async () => {
    const { reply, iopub } = await k.request(
      'execute_request',
      execute('const result = await twin.run({ duration: 8 });\nresult'),
    );
    expect(content(reply).status).toBe('ok');
    const [published] = outputs(iopub);
    expect(published.header.msg_type).toBe('execute_result');
    const data = content(published).data as Record<string, unknown>;
    const bundle = parsePlotBundle(data[PLOT_MIME_TYPE]);
    expect(bundle.model.observables.find((o) => o.id === 'V')).toMatchObject({
      label: 'Free virus',
      unit: 'TCID50/mL',
    });
    expect(bundle.observables).toEqual(['U', 'E', 'I', 'V', 'targetFraction']);
    // 8 days at the default output interval of 0.1 day: 81 samples, one value per sample in every column.
    expect(bundle.runs).toHaveLength(1);
    expect(bundle.runs[0].time).toHaveLength(81);
    expect(bundle.runs[0].observables.V).toHaveLength(81);
    expect(bundle.logY).toBe(false);
    expect(String(data['text/plain'])).toMatch(/V \(Free virus\): peak [\d.e+]+ TCID50\/mL at day [\d.]+/);

    const table = await k.request('execute_request', execute('result.table({ rows: 5 })'));
    const tableData = content(outputs(table.iopub)[0]).data as Record<string, string>;
    expect(tableData['text/html']).toContain('<table');
    expect(tableData['text/plain']).toContain('time');

    const csv = await k.request('execute_request', execute("result.csv().split('\\n')[0]"));
    expect(content(outputs(csv.iopub)[0]).data).toMatchObject({ 'text/plain': "'time,U,E,I,V,targetFraction'" });

    const log = await k.request('execute_request', execute("twin.plot(result, { observables: ['V'], log: true })"));
    const logBundle = parsePlotBundle((content(outputs(log.iopub)[0]).data as Record<string, unknown>)[PLOT_MIME_TYPE]);
    expect(logBundle.observables).toEqual(['V']);
    expect(Object.keys(logBundle.runs[0].observables)).toEqual(['V']);
    expect(logBundle.logY).toBe(true);
  });

  it('gives the workbench bundle for twin.controls() and keeps twin.set values across cells', async () => {
    await k.request(
      'execute_request',
      execute('twin.set({ beta: 2e-5 }); twin.intervene("entryInhibitor", { start: 1, stop: 4 })'),
    );
    const { iopub } = await k.request('execute_request', execute('twin.controls()'));
    const data = content(outputs(iopub)[0]).data as Record<string, unknown>;
    expect(data[WORKBENCH_MIME_TYPE]).toMatchObject({
      version: 1,
      scenario: {
        model: 'target-cell-limited',
        parameters: { beta: 2e-5 },
        interventions: [{ kind: 'entryInhibitor', start: 1, stop: 4 }],
      },
    });
    expect(String(data['text/plain'])).toContain('beta=0.00002');
    await k.request('execute_request', execute('twin.reset()'));
  });

  it('replies with an error naming the exception and the cell line, and no worker internals', async () => {
    const { reply, iopub } = await k.request(
      'execute_request',
      execute('const ok = 1;\nconst broken = null;\nbroken.field'),
    );
    const c = content(reply);
    expect(c).toMatchObject({ status: 'error', ename: 'TypeError' });
    expect(String(c.evalue)).toContain('field');
    const traceback = (c.traceback as string[]).join('\n');
    expect(traceback).toContain('broken.field');
    expect(traceback).toMatch(/line 3|:3/);
    expect(traceback).not.toMatch(/kernelWorker|node_modules|comlink/);
    const [error] = outputs(iopub);
    expect(error.header.msg_type).toBe('error');
    expect(content(error)).toMatchObject({ ename: 'TypeError' });
  });

  it('rejects twin.set with the field, the value and the allowed range', async () => {
    const { reply } = await k.request('execute_request', execute('twin.set({ beta: -1 })'));
    expect(content(reply)).toMatchObject({ status: 'error', ename: 'ValidationError' });
    expect(String(content(reply).evalue)).toMatch(/parameters\.beta: -1 is out of range; allowed: [\d.e-]+ to \d/);
  });

  it('completes the twin API and the model parameters', async () => {
    const set = await k.request('complete_request', { code: 'twin.se', cursor_pos: 7 });
    expect(set.reply.header.msg_type).toBe('complete_reply');
    expect(content(set.reply)).toMatchObject({ status: 'ok', cursor_start: 5, cursor_end: 7 });
    expect(content(set.reply).matches).toContain('set');
    const code = 'twin.set({ be';
    const beta = await k.request('complete_request', { code, cursor_pos: code.length });
    expect((content(beta.reply).matches as string[])[0]).toBe('beta');
    const kinds = await k.request('complete_request', { code: "twin.intervene('ent", cursor_pos: 19 });
    expect(content(kinds.reply).matches).toContain('entryInhibitor');
    const observable = await k.request('complete_request', { code: "twin.observe(result, 'targ", cursor_pos: 26 });
    expect(content(observable.reply).matches).toEqual(['targetFraction']);
  });

  it('inspects a parameter: unit, range and source in Markdown', async () => {
    const code = 'twin.set({ beta: 3e-5 })';
    const { reply } = await k.request('inspect_request', {
      code,
      cursor_pos: code.indexOf('beta') + 2,
      detail_level: 0,
    });
    expect(reply.header.msg_type).toBe('inspect_reply');
    const c = content(reply);
    expect(c).toMatchObject({ status: 'ok', found: true });
    const markdown = String((c.data as Record<string, unknown>)['text/markdown']);
    expect(markdown).toContain('**beta**');
    expect(markdown).toMatch(/\| unit \| `[^`]+` \|/);
    expect(markdown).toMatch(/\| range \| \[/);
    expect(markdown).toMatch(/\| source \| .+/);
    const run = await k.request('inspect_request', { code: 'twin.run', cursor_pos: 8, detail_level: 0 });
    expect(String((content(run.reply).data as Record<string, unknown>)['text/plain'])).toContain('twin.run(');
  });

  it('answers is_complete', async () => {
    const open = await k.request('is_complete_request', { code: 'for (const x of [1]) {' });
    expect(content(open.reply)).toMatchObject({ status: 'incomplete' });
    const done = await k.request('is_complete_request', { code: 'await twin.run()' });
    expect(content(done.reply)).toMatchObject({ status: 'complete' });
  });

  it('lists the registry through models', async () => {
    const { iopub } = await k.request('execute_request', execute('models.list()'));
    const data = content(outputs(iopub)[0]).data as Record<string, string>;
    expect(data['text/html']).toContain('target-cell-limited');
  });

  it('answers with the reason when the worker cannot start (an unknown model)', async () => {
    const broken = startKernel({ model: 'no-such-model' });
    try {
      await expect(broken.kernel.ready).rejects.toThrow(/unknown model "no-such-model"/);
      const { reply } = await broken.request('execute_request', execute('1'));
      expect(content(reply)).toMatchObject({ status: 'error', ename: 'ValidationError', execution_count: 1 });
    } finally {
      broken.kernel.dispose();
    }
  });
});
