import { describe, expect, it } from 'vitest';
import { CellExecutor, DocsRegistry, complete, parameterDoc, type DocsProvider } from '../src/index.js';
import { recorder } from './recorder.js';

/** A fake twin API's docs: a `run` method, and a parameter `beta` under `twin.params` and as an argument of `twin.set`. */
function fakeDocs(): DocsProvider {
  const docs = new DocsRegistry();
  docs.register('twin', { type: 'instance', markdown: 'The twin of the selected model.' });
  docs.register('twin.run', {
    type: 'function',
    signature: 'twin.run(days: number): Promise<Result>',
    markdown: 'Runs the model for `days` days.',
  });
  const beta = parameterDoc({
    id: 'beta',
    label: 'Infection rate',
    unit: '(TCID50/mL)^-1 day^-1',
    default: 2.7e-5,
    min: 1e-7,
    max: 1e-3,
    scale: 'log',
    description: 'Rate at which free virus infects target cells.',
    source: 'Baccam et al. 2006, J Virol 80:7590',
  });
  docs.register(['twin', 'params', 'beta'], beta);
  docs.registerArguments('twin.set', [beta]);
  return docs;
}

/** Completion at the end of `code`, or at the `|` in it. */
function at(code: string, scope: Record<string, unknown>, docs?: DocsProvider) {
  const cursor = code.includes('|') ? code.indexOf('|') : code.length;
  return complete(code.replace('|', ''), cursor, scope, docs);
}

describe('complete', () => {
  it('offers names declared by earlier cells and the globals', async () => {
    const executor = new CellExecutor();
    await executor.execute('const infectionCurve = [1, 2]\nfunction infect() {}', recorder({ globals: { twin: {} } }));
    const reply = executor.complete('inf', 3);
    expect(reply.matches.slice(0, 2)).toEqual(['infect', 'infectionCurve']);
    expect(reply.cursor_start).toBe(0);
    expect(reply.cursor_end).toBe(3);
    expect(reply.metadata._jupyter_types_experimental[0]).toMatchObject({ text: 'infect', type: 'function' });
    expect(executor.complete('tw', 2).matches[0]).toBe('twin');
    expect(executor.complete('dis', 3).matches).toContain('display');
  });

  it('offers members of builtins and of live values', () => {
    const reply = at('Math.fl', {});
    expect(reply.matches).toEqual(['floor']);
    expect(reply.cursor_start).toBe(5);
    const scope = { result: { series: { time: [0, 1] }, summary: 1 } };
    expect(at('result.series.t', scope).matches).toEqual(['time']);
    expect(at('result.', scope).matches).toEqual(['series', 'summary']);
    expect(at('result.series.time.ma', scope).matches).toContain('map');
  });

  it('offers documented names, members and call arguments', () => {
    const docs = fakeDocs();
    expect(at('twin.params.b', { twin: {} }, docs).matches).toEqual(['beta']);
    const reply = at('twin.r', { twin: {} }, docs);
    expect(reply.matches).toEqual(['run']);
    expect(reply.metadata._jupyter_types_experimental[0].signature).toBe('twin.run(days: number): Promise<Result>');
    expect(at('twin.set({ be', {}, docs).matches[0]).toBe('beta');
    expect(at("twin.set('b", {}, docs).matches).toEqual(['beta']);
    expect(at('tw', {}, docs).matches[0]).toBe('twin');
  });

  it('offers nothing in a comment and replaces only the word at the cursor', () => {
    expect(at('// Math.fl', {}).matches).toEqual([]);
    const reply = at('const x = Math.fl| + 1', {});
    expect(reply.matches).toEqual(['floor']);
    expect([reply.cursor_start, reply.cursor_end]).toEqual([15, 17]);
  });

  it('counts the cursor in code points, as Jupyter does', () => {
    const code = "const s = '😀'; Math.fl";
    const reply = complete(code, [...code].length, {});
    expect(reply.matches).toEqual(['floor']);
    expect(reply.cursor_end).toBe([...code].length);
    expect(reply.cursor_start).toBe([...code].length - 2);
  });
});
