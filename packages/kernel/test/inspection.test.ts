import { describe, expect, it } from 'vitest';
import { DocsRegistry, inspect, parameterDoc } from '../src/index.js';

function docs(): DocsRegistry {
  const registry = new DocsRegistry();
  const beta = parameterDoc({
    id: 'beta',
    label: 'Infection rate',
    unit: '1/day',
    min: 0,
    max: 1,
    source: 'Baccam et al. 2006',
  });
  registry.register('twin.params.beta', beta);
  registry.registerArguments('twin.set', [beta]);
  registry.register('twin.run', { type: 'function', signature: 'twin.run(days: number)', markdown: 'Runs the model.' });
  return registry;
}

function at(code: string, scope: Record<string, unknown> = {}, detailLevel = 0) {
  const cursor = code.indexOf('|');
  return inspect(code.replace('|', ''), cursor, scope, docs(), { detailLevel });
}

describe('inspect', () => {
  it('returns the documentation of a parameter, with unit, range and source', () => {
    const reply = at('twin.params.be|ta');
    expect(reply.found).toBe(true);
    expect(reply.data['text/markdown']).toContain('**beta** — Infection rate');
    expect(reply.data['text/markdown']).toContain('| unit | `1/day` |');
    expect(reply.data['text/markdown']).toContain('| range | [0, 1] |');
    expect(reply.data['text/markdown']).toContain('| source | Baccam et al. 2006 |');
    expect(reply.data['text/plain']).toContain('unit: 1/day');
    expect(reply.data['text/plain']).toContain('source: Baccam et al. 2006');
  });

  it('finds a parameter used as a key or a string in a documented call', () => {
    expect(at('twin.set({ be|ta: 2 })').data['text/markdown']).toContain('Infection rate');
    expect(at("twin.set('be|ta', 2)").data['text/markdown']).toContain('Infection rate');
  });

  it('documents the function being called when the cursor is in its arguments', () => {
    const reply = at('await twin.run(|');
    expect(reply.data['text/markdown']).toBe('`twin.run(days: number)`\n\nRuns the model.');
  });

  it('describes live values when there are no docs', () => {
    const scope = { curve: [1, 2, 3], grow: (rate: number, days = 1) => rate * days };
    expect(at('cur|ve', scope).data['text/plain']).toBe('curve: Array(3)\n[ 1, 2, 3 ]');
    expect(at('gr|ow(1)', scope).data['text/plain']).toBe('grow: function\nsignature: grow(rate, days = 1)');
    expect(at('gr|ow(1)', scope, 1).data['text/plain']).toContain('rate * days');
    expect(at('Math.fl|oor').data['text/plain']).toContain('Math.floor: function');
  });

  it('finds nothing where there is nothing', () => {
    expect(at('unknownName|')).toEqual({ status: 'ok', found: false, data: {}, metadata: {} });
    expect(at('// twin.params.be|ta').found).toBe(false);
  });
});
