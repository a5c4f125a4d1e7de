/**
 * The page of the widgets benchmark (bench/widgets.mjs builds it with vite and drives it in Chromium).
 * It mounts one real `<twin-workbench>` at a time, with either the production worker session
 * (`browserSessionFactory(…)`: a module Web Worker) or the main-thread peer (an in-process `TwinSession`),
 * and the real plotly.js behind a `plotlyLoader` that notes when each drawing call has finished.
 * Everything is measured here in the page's own clock (`performance.now()`); Node only presses keys and
 * reads the figures.
 */
import {
  defaultPlotlyLoader,
  type IPlotly,
  type PlotlyLoader,
  type TwinWorkbenchElement,
  type WorkbenchState,
} from '@immunotwin/widgets';
import { browserSessionFactory } from '@immunotwin/widgets/browserSession';
import { TwinSession } from '@immunotwin/worker';
import { withinHostModels } from '@immunotwin/model-within-host';

const withinHostDescriptors = withinHostModels.map(({ manifest }) => ({ manifest }));

/** Where the twin runs. */
export type SessionKind = 'worker' | 'main';

/** One finished plotly call. */
interface IPlotCall {
  /** `react`, `extendTraces`, … */
  kind: string;
  /** `performance.now()` when the call's promise resolved. */
  at: number;
  /** Milliseconds from the call to its promise's resolution (plotly draws synchronously, mostly). */
  ms: number;
  /** Points it handed to plotly (0 for a react of an empty figure). */
  points: number;
}

/** A main-thread task of 50 ms or more, from the Long Tasks API. */
interface ILongTask {
  start: number;
  duration: number;
}

const calls: IPlotCall[] = [];
const inputs: number[] = [];
const longTasks: ILongTask[] = [];
let workbench: TwinWorkbenchElement | undefined;

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

// Slider moves reach the document: `input` events are composed, so they leave the shadow roots.
document.addEventListener('input', (event) => inputs.push(event.timeStamp), true);

function countPoints(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let n = 0;
  for (const trace of value as { x?: ArrayLike<unknown> | ArrayLike<unknown>[] }[]) {
    const x = trace?.x;
    if (Array.isArray(x) && Array.isArray(x[0])) for (const xs of x as unknown[][]) n += xs.length;
    else if (x) n += x.length;
  }
  return n;
}

/** The real plotly (the default loader), each drawing call timed at the moment its promise resolves. */
const timedPlotly: PlotlyLoader = async () => {
  const plotly = await defaultPlotlyLoader();
  const timed =
    <A extends unknown[]>(kind: string, call: (...args: A) => Promise<unknown>, points: (...args: A) => number) =>
    async (...args: A): Promise<unknown> => {
      const started = performance.now();
      const result = await call.apply(plotly, args);
      const at = performance.now();
      calls.push({ kind, at, ms: at - started, points: points(...args) });
      return result;
    };
  return {
    ...plotly,
    react: timed('react', plotly.react, (_node, data) => countPoints(data)),
    extendTraces: timed('extendTraces', plotly.extendTraces, (_node, update) => countPoints([update])),
    relayout: timed('relayout', plotly.relayout, () => 0),
    toImage: plotly.toImage.bind(plotly),
    purge: plotly.purge.bind(plotly),
    resize: plotly.resize.bind(plotly),
  } satisfies IPlotly;
};

/** The twin's state of every measurement: the within-host model, a 30-day run. */
function stateOf(scenario: Record<string, unknown> = {}): WorkbenchState {
  return { version: 1, scenario: { model: 'target-cell-limited', duration: 30, ...scenario } } as WorkbenchState;
}

/** The slider of parameter `name` inside the workbench's controls. */
function slider(name: string): HTMLInputElement {
  const controls = workbench!.renderRoot.querySelector('twin-controls')!;
  return controls.renderRoot.querySelector<HTMLInputElement>(`.row[data-parameter="${name}"] input[type="range"]`)!;
}

/** Number and total time of the plotly calls, by kind, and the longest call with the points it drew. */
function summarise(list: IPlotCall[]): Record<string, { calls: number; ms: number; longest: number; points: number }> {
  const byKind: Record<string, { calls: number; ms: number; longest: number; points: number }> = {};
  for (const call of list) {
    const entry = (byKind[call.kind] ??= { calls: 0, ms: 0, longest: 0, points: 0 });
    entry.calls++;
    entry.ms += call.ms;
    if (call.ms > entry.longest) {
      entry.longest = call.ms;
      entry.points = call.points;
    }
  }
  return byKind;
}

function waitFor(name: string): Promise<number> {
  return new Promise((resolve) => workbench!.addEventListener(name, () => resolve(performance.now()), { once: true }));
}

const bench = {
  /** Mounts a fresh workbench (disposing the previous one) and waits for its first run to be drawn. */
  async mount(kind: SessionKind, debounce: number): Promise<{ milliseconds: number }> {
    bench.unmount();
    const start = performance.now();
    const element = document.createElement('twin-workbench');
    // The within-host models are data plugins: their descriptors are their manifests, with no code to fetch.
    element.sessionFactory =
      kind === 'worker'
        ? browserSessionFactory(() => withinHostDescriptors)
        : () => new TwinSession({ plugins: withinHostModels });
    element.plotlyLoader = timedPlotly;
    element.debounce = debounce;
    element.state = stateOf();
    document.getElementById('host')!.appendChild(element);
    workbench = element;
    await element.settled();
    return { milliseconds: performance.now() - start };
  },

  /** Disposes and removes the workbench. */
  unmount(): void {
    workbench?.dispose();
    workbench?.remove();
    workbench = undefined;
  },

  /** Sets the debounce (ms) of parameter changes. */
  setDebounce(debounce: number): void {
    workbench!.debounce = debounce;
  },

  /** Focuses the slider of `name`, so that arrow keys move it. */
  focusSlider(name: string): void {
    slider(name).focus();
  },

  /** The number of `input` events seen so far (mark before a key press). */
  mark(): { inputs: number; calls: number } {
    return { inputs: inputs.length, calls: calls.length };
  },

  /**
   * After a slider move: waits until the workbench has settled, then gives the time from the `input`
   * event to the first plotly call of the new run that finished (`firstUpdate`, the old curve cleared)
   * and to the first one that drew points of the new run (`firstData`; `draw`: how long that call took),
   * plus the run's end.
   */
  async afterInput(mark: { inputs: number; calls: number }): Promise<{
    firstUpdate: number;
    firstData: number;
    draw: number;
    settled: number;
  }> {
    await workbench!.settled();
    const settledAt = performance.now();
    if (inputs.length <= mark.inputs) throw new Error('the key press moved no slider');
    const at = inputs[inputs.length - 1];
    const after = calls.slice(mark.calls).filter((c) => c.at >= at);
    const first = after[0];
    const data = after.find((c) => c.points > 0);
    if (!first || !data) throw new Error(`no plot update after the slider moved (${after.length} calls)`);
    return { firstUpdate: first.at - at, firstData: data.at - at, draw: data.ms, settled: settledAt - at };
  },

  /**
   * Runs the current scenario again (`play()`), or loads `scenario` if given, and waits until it has
   * run and been drawn. Gives the wall time to `run-end` and to settled, and the long tasks (≥ 50 ms)
   * that started in that window.
   */
  async run(scenario?: Record<string, unknown>): Promise<{
    start: number;
    runEnd: number;
    settled: number;
    longTasks: ILongTask[];
    plot: Record<string, { calls: number; ms: number; longest: number; points: number }>;
  }> {
    const element = workbench!;
    await element.settled();
    const first = calls.length;
    const ended = waitFor('run-end');
    console.timeStamp('bench:start'); // marks the window in a Chromium trace
    const start = performance.now();
    if (scenario) element.state = stateOf(scenario);
    else await element.play();
    const runEnd = (await ended) - start;
    await element.settled();
    const end = performance.now();
    console.timeStamp('bench:end');
    return {
      start,
      runEnd,
      settled: end - start,
      longTasks: longTasks.filter((t) => t.start >= start && t.start <= end),
      plot: summarise(calls.slice(first)),
    };
  },

  /** `performance.timeOrigin`, to line trace timestamps up with the page's clock. */
  timeOrigin(): number {
    return performance.timeOrigin;
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.body.dataset.ready = 'true';
