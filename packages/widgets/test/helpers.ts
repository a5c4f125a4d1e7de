import '../src/index.js'; // registers the elements
import type { LitElement } from 'lit';
import type { IPlotly, IPlotlyExtension, PlotlyObject } from '../src/index.js';

/** Creates an element, sets its properties, attaches it to the document and waits for its first render. */
export async function mount<T extends LitElement>(tag: string, properties: Partial<T> = {}): Promise<T> {
  const element = document.createElement(tag) as T;
  Object.assign(element, properties);
  document.body.appendChild(element);
  await element.updateComplete;
  return element;
}

/** The first element matching `selector` in the element's shadow root (fails the test if none). */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

/** Every element matching `selector` in the element's shadow root. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...host.shadowRoot!.querySelectorAll<E>(selector)];
}

/** Types text into an input and commits it (as Enter or leaving the field would). */
export function typeInto(input: HTMLInputElement, text: string, commit = true): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Collects the details of every `type` event the element emits. */
export function collect<T>(element: EventTarget, type: string): T[] {
  const seen: T[] = [];
  element.addEventListener(type, (event) => seen.push((event as CustomEvent<T>).detail));
  return seen;
}

/** One recorded plotly call. */
export type PlotlyCall =
  | { name: 'react'; data: PlotlyObject[]; layout: PlotlyObject }
  | { name: 'extendTraces'; update: IPlotlyExtension; indices: number[] }
  | { name: 'relayout'; update: PlotlyObject }
  | { name: 'toImage'; format: string }
  | { name: 'purge' }
  | { name: 'resize' };

/**
 * A stand-in for plotly.js that records every call and keeps the figure as plotly would (react replaces
 * the traces, extendTraces appends to them), so tests can assert on what would be on screen.
 */
export class PlotlyRecorder implements IPlotly {
  readonly calls: PlotlyCall[] = [];
  /** The traces as drawn now. */
  data: PlotlyObject[] = [];
  layout: PlotlyObject = {};
  loads = 0;

  readonly loader = async (): Promise<IPlotly> => {
    this.loads++;
    return this;
  };

  async react(_node: HTMLElement, data: PlotlyObject[], layout: PlotlyObject): Promise<unknown> {
    this.calls.push({ name: 'react', data, layout });
    this.data = data.map((trace) => ({
      ...trace,
      x: [...((trace.x as number[]) ?? [])],
      y: [...((trace.y as number[]) ?? [])],
    }));
    this.layout = layout;
    return undefined;
  }

  async extendTraces(_node: HTMLElement, update: IPlotlyExtension, indices: number[]): Promise<unknown> {
    this.calls.push({ name: 'extendTraces', update, indices });
    indices.forEach((index, k) => {
      (this.data[index].x as number[]).push(...update.x[k]);
      (this.data[index].y as number[]).push(...update.y[k]);
    });
    return undefined;
  }

  async relayout(_node: HTMLElement, update: PlotlyObject): Promise<unknown> {
    this.calls.push({ name: 'relayout', update });
    return undefined;
  }

  async toImage(_node: HTMLElement, options: { format: 'png' | 'svg' }): Promise<string> {
    this.calls.push({ name: 'toImage', format: options.format });
    return options.format === 'svg' ? 'data:image/svg+xml,<svg/>' : 'data:image/png;base64,AAAA';
  }

  purge(): void {
    this.calls.push({ name: 'purge' });
  }

  async resize(): Promise<unknown> {
    this.calls.push({ name: 'resize' });
    return undefined;
  }

  /** The drawn trace named `name` (or, if none is, the first whose name starts with it). */
  trace(name: string): PlotlyObject & { x: number[]; y: number[] } {
    const found =
      this.data.find((t) => t.name === name) ??
      this.data.find((t) => typeof t.name === 'string' && t.name.startsWith(name));
    if (!found) throw new Error(`no trace named ${name}…; traces: ${this.data.map((t) => t.name).join(', ')}`);
    return found as PlotlyObject & { x: number[]; y: number[] };
  }
}
