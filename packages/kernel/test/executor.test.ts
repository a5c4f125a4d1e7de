import { describe, expect, it } from 'vitest';
import { CellExecutor, type CellContext, type ExecutionOutcome } from '../src/index.js';
import { recorder } from './recorder.js';

/** Runs cells in order on one executor and returns the outcome of the last. */
async function runCells(executor: CellExecutor, ...cells: string[]): Promise<ExecutionOutcome> {
  let outcome: ExecutionOutcome = { status: 'ok' };
  for (const cell of cells) {
    outcome = await executor.execute(cell, recorder());
    if (outcome.status !== 'ok') return outcome;
  }
  return outcome;
}

function plain(outcome: ExecutionOutcome): unknown {
  if (outcome.status !== 'ok') throw new Error(`cell failed: ${outcome.traceback.join('\n')}`);
  return outcome.result?.data['text/plain'];
}

describe('declarations persist across cells', () => {
  it('keeps const values', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, 'const a = 1', 'a + 1'))).toBe('2');
  });

  it('keeps functions, and functions see later values of the names they use', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, 'let n = 2\nfunction f() { return n * 10 }', 'f()'))).toBe('20');
    expect(plain(await runCells(executor, 'n = 3', 'f()'))).toBe('30');
  });

  it('keeps classes', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(
      executor,
      'class Counter { count = 0; inc() { return ++this.count } static make() { return new Counter() } }',
      'const c = Counter.make(); c.inc(); c.inc()',
    );
    expect(plain(outcome)).toBe('2');
    expect(plain(await runCells(executor, 'c instanceof Counter'))).toBe('true');
  });

  it('keeps names bound by destructuring, with defaults and rest', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(
      executor,
      'const { a, b: [c, d = 4], ...rest } = { a: 1, b: [3], e: 5, f: 6 }',
      '[a, c, d, rest]',
    );
    expect(plain(outcome)).toBe('[ 1, 3, 4, { e: 5, f: 6 } ]');
  });

  it('lets a later cell declare a const again, but not assign it', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, 'const a = 1', 'const a = 2', 'a'))).toBe('2');
    const assigned = await runCells(executor, 'a = 3');
    expect(assigned).toMatchObject({ status: 'error', ename: 'TypeError' });
    expect(plain(await runCells(executor, 'a'))).toBe('2');
  });

  it('keeps var declared in a top-level loop, and keeps loop-scoped let local', async () => {
    const executor = new CellExecutor();
    expect(
      plain(
        await runCells(executor, 'for (var i = 0; i < 3; i++) {}\nfor (let j = 0; j < 2; j++) {}', '[i, typeof j]'),
      ),
    ).toBe("[ 3, 'undefined' ]");
  });

  it('names functions after the variable they are assigned to', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, 'const g = () => 1', 'g.name'))).toBe("'g'");
  });
});

describe('cells', () => {
  it('await at top level', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(
      executor,
      'const v = await new Promise((resolve) => setTimeout(() => resolve(41), 5))',
      'await Promise.resolve(v + 1)',
    );
    expect(plain(outcome)).toBe('42');
  });

  it('strip TypeScript annotations, interfaces, type aliases, generics and enums', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(
      executor,
      [
        'interface Point { x: number; y: number }',
        'type Pair<T> = [T, T];',
        'function swap<T>(pair: Pair<T>): Pair<T> { return [pair[1], pair[0]] }',
        'const p: Point = { x: 1, y: 2 } as Point;',
        'enum Colour { Red, Green }',
      ].join('\n'),
      'swap<number>([p.x, p.y])',
    );
    expect(plain(outcome)).toBe('[ 2, 1 ]');
    expect(plain(await runCells(executor, 'Colour.Green'))).toBe('1');
  });

  it('run plain JavaScript in a javascript executor without transpiling', async () => {
    const executor = new CellExecutor({ language: 'javascript' });
    expect(plain(await runCells(executor, 'const lt = (a, b) => a < b\nlt(1, 2) > (0)'))).toBe('true');
  });

  it('give the final expression as text/plain, and no result for a declaration or undefined', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, "const s = 'hi'\ns.toUpperCase()"))).toBe("'HI'");
    expect(await runCells(executor, 'const t = 1')).toEqual({ status: 'ok' });
    expect(await runCells(executor, 'undefined')).toEqual({ status: 'ok' });
  });

  it('read a lone `{ … }` as an object literal, as a REPL does', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, '{ days: 10, dose: [1, 2] }'))).toBe('{ days: 10, dose: [ 1, 2 ] }');
    const block = recorder();
    await executor.execute("{ const local = 'block'; console.log(local) }", block);
    expect(block.events).toEqual([{ kind: 'stdout', text: 'block\n' }]);
  });

  it('show typed arrays as text and row arrays as an HTML table with text', async () => {
    const executor = new CellExecutor();
    expect(plain(await runCells(executor, 'new Float64Array([1, 2.5])'))).toBe('Float64Array(2) [ 1, 2.5 ]');
    const table = await runCells(executor, "[{ t: 0, V: 10 }, { t: 1, V: 'x<y' }]");
    expect(table.status === 'ok' && table.result?.data['text/html']).toContain('<td>x&lt;y</td>');
    expect(plain(table)).toBe('   t  V\n0  0  10\n1  1  x<y');
  });

  it('use a value’s own toMimeBundle()', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(
      executor,
      "({ toMimeBundle: () => ({ data: { 'text/html': '<b>twin</b>' }, metadata: { isolated: true } }) })",
    );
    expect(outcome).toMatchObject({
      status: 'ok',
      result: { data: { 'text/html': '<b>twin</b>' }, metadata: { isolated: true } },
    });
  });
});

describe('outputs', () => {
  it('arrive in order: display and console interleaved in one list', async () => {
    const executor = new CellExecutor();
    const context = recorder();
    const outcome = await executor.execute(
      [
        "console.log('first', { a: 1 })",
        "display({ 'text/html': '<i>second</i>' }, { raw: true })",
        "console.warn('third')",
        'await null',
        'display(42)',
        "console.error('fifth %d', 5)",
        'console.info([1, 2])',
      ].join('\n'),
      context,
    );
    expect(outcome).toEqual({ status: 'ok' });
    expect(context.events).toEqual([
      { kind: 'stdout', text: 'first { a: 1 }\n' },
      {
        kind: 'display',
        bundle: { data: { 'text/html': '<i>second</i>', 'text/plain': '<rich output>' }, metadata: {} },
      },
      { kind: 'stderr', text: 'third\n' },
      { kind: 'display', bundle: { data: { 'text/plain': '42' }, metadata: {} } },
      { kind: 'stderr', text: 'fifth 5\n' },
      { kind: 'stdout', text: '[ 1, 2 ]\n' },
    ]);
  });

  it('of functions defined earlier go to the cell running now', async () => {
    const executor = new CellExecutor();
    await executor.execute("function say() { console.log('said') }", recorder());
    const second = recorder();
    await executor.execute('say()', second);
    expect(second.events).toEqual([{ kind: 'stdout', text: 'said\n' }]);
  });
});

describe('globals', () => {
  it('come from the context, and their provider gets the interrupt signal', async () => {
    const executor = new CellExecutor();
    const controller = new AbortController();
    let seen: CellContext | undefined;
    const twin = { run: (days: number) => `ran ${days} days` };
    const outcome = await executor.execute(
      'twin.run(3) + " of " + models.length',
      recorder({
        signal: controller.signal,
        globals: (cell) => {
          seen = cell;
          return { twin, models: ['within-host'] };
        },
      }),
    );
    expect(plain(outcome)).toBe("'ran 3 days of 1'");
    expect(seen?.signal).toBe(controller.signal);
    expect(seen?.executionCount).toBe(1);
  });

  it('give way to a cell’s own declaration of the same name', async () => {
    const executor = new CellExecutor();
    const context = recorder({ globals: { twin: 'global' } });
    await executor.execute("const twin = 'mine'", context);
    expect(plain(await executor.execute('twin', context))).toBe("'mine'");
  });
});

describe('errors', () => {
  const internals = /executor|rewrite|runtime|transpile|node_modules|\.ts\b|__scope|__kernel|__cell|file:/;

  it('give the error, the cell lines and nothing of the executor', async () => {
    const executor = new CellExecutor();
    const outcome = await executor.execute(
      'const x = 1\nfunction check(v) {\n  if (v > 0) throw new RangeError(`too big: ${v}`)\n}\ncheck(x)',
      recorder(),
    );
    expect(outcome).toMatchObject({ status: 'error', ename: 'RangeError', evalue: 'too big: 1' });
    if (outcome.status !== 'error') return;
    expect(outcome.traceback[0]).toBe('RangeError: too big: 1');
    expect(outcome.traceback).toContain('    at check, line 3: if (v > 0) throw new RangeError(`too big: ${v}`)');
    expect(outcome.traceback).toContain('    at line 5: check(x)');
    expect(outcome.traceback.join('\n')).not.toMatch(internals);
  });

  it('name the cell of a frame in an earlier cell', async () => {
    const executor = new CellExecutor();
    await executor.execute('function fail() {\n  return missing.value\n}', recorder({ executionCount: 7 }));
    const outcome = await executor.execute('\nfail()', recorder({ executionCount: 8 }));
    expect(outcome).toMatchObject({ status: 'error', ename: 'ReferenceError', evalue: 'missing is not defined' });
    if (outcome.status !== 'error') return;
    expect(outcome.traceback.slice(1)).toEqual([
      '    at fail, line 2 of cell [7]: return missing.value',
      '    at line 2: fail()',
    ]);
  });

  it('strip the scope object from engine messages', async () => {
    const executor = new CellExecutor();
    const outcome = await runCells(executor, 'const notAFunction = 1', 'notAFunction()');
    expect(outcome).toMatchObject({ status: 'error', ename: 'TypeError', evalue: 'notAFunction is not a function' });
  });

  it('report syntax errors with line and column, and a caret under the place', async () => {
    const executor = new CellExecutor();
    const outcome = await executor.execute('const ok = 1\nconst = 5', recorder());
    expect(outcome).toMatchObject({ status: 'error', ename: 'SyntaxError', evalue: 'Unexpected token (2:6)' });
    if (outcome.status !== 'error') return;
    expect(outcome.traceback).toEqual([
      'SyntaxError: Unexpected token (2:6)',
      '    at line 2: const = 5',
      ' '.repeat('    at line 2: const'.length + 1) + '^',
    ]);
    expect(plain(await executor.execute('typeof ok', recorder()))).toBe("'undefined'");
  });

  it('report a thrown non-Error value readably', async () => {
    const outcome = await new CellExecutor().execute("throw 'plain text'", recorder());
    expect(outcome).toMatchObject({ status: 'error', ename: 'Error', evalue: 'plain text' });
  });
});

describe('interrupts', () => {
  it('end a pending await with KeyboardInterrupt and keep earlier variables', async () => {
    const executor = new CellExecutor();
    await executor.execute('const kept = 40', recorder());
    const controller = new AbortController();
    const pending = executor.execute(
      'const lost = 1\nawait new Promise(() => {})',
      recorder({ signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 10);
    const outcome = await pending;
    expect(outcome).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    if (outcome.status !== 'error') return;
    expect(outcome.traceback).toEqual([
      'KeyboardInterrupt: execution interrupted',
      '    at line 2: await new Promise(() => {})',
    ]);
    expect(plain(await executor.execute('kept + lost + 1', recorder()))).toBe('42');
  });

  it('reject the await inside the cell, so it stops there (running its finally blocks)', async () => {
    const executor = new CellExecutor();
    const controller = new AbortController();
    const context = recorder({ signal: controller.signal });
    const pending = executor.execute(
      "try {\n  await new Promise(() => {})\n  console.log('not reached')\n} finally {\n  console.log('cleaned up')\n}",
      context,
    );
    setTimeout(() => controller.abort(), 10);
    expect(await pending).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(context.events).toEqual([{ kind: 'stdout', text: 'cleaned up\n' }]);
  });

  it('stop a background loop of an interrupted cell at its next await', async () => {
    const executor = new CellExecutor();
    const controller = new AbortController();
    const context = recorder({ signal: controller.signal });
    const pending = executor.execute(
      'let ticks = 0\nwhile (true) {\n  ticks++\n  await new Promise((resolve) => setTimeout(resolve, 1))\n}',
      context,
    );
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
    const ticks = (await executor.execute('ticks', recorder())).status;
    expect(ticks).toBe('ok');
    const before = executor.scope.ticks;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(executor.scope.ticks).toBe(before);
  });

  it('come back at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const outcome = await new CellExecutor().execute('1', recorder({ signal: controller.signal }));
    expect(outcome).toMatchObject({ status: 'error', ename: 'KeyboardInterrupt' });
  });
});

describe('imports', () => {
  it('load modules through the executor’s loader', async () => {
    const requested: string[] = [];
    const executor = new CellExecutor({
      importModule: async (specifier) => {
        requested.push(specifier);
        return { default: 'D', twice: (x: number) => 2 * x };
      },
    });
    const outcome = await runCells(
      executor,
      "import d, { twice } from 'fake'\nconst m = await import('other')",
      '[d, twice(2), typeof m.twice]',
    );
    expect(plain(outcome)).toBe("[ 'D', 4, 'function' ]");
    expect(requested).toEqual(['fake', 'other']);
  });
});
