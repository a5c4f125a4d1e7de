/**
 * How the lesson tests prove that the headless kernel (nbconvert) and an in-browser kernel give the same bits: every
 * output of every code cell — check verdicts, printed numbers, plot bundles with their full series, tissue and
 * workbench bundles — is compared as data, numbers as the doubles JSON carries (shortest round-trip form, so two
 * equal doubles and only those print the same).
 *
 * Only what is the front end's and not the kernel's is set aside: execution counts, `transient` display ids, how
 * a stream is cut into messages (JupyterLab joins consecutive stream outputs of one name and applies `\r` and `\b`
 * as a terminal would; nbclient keeps each message), and the wall-clock seconds of a progress line (an output whose
 * metadata has `immunotwin/progress`: "sensitivity: 1536 runs in 1.8 s" is compared as "… runs in ‹s› s"). Multi-line
 * text that nbformat writes as a list of lines is joined. Nothing else is normalised, so any other difference fails.
 */
import type { IOutputJson } from './lessonRun';

/** An output reduced to what its kernel decided. */
export interface IComparableOutput {
  output_type: string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** The metadata key of the kernel's progress outputs (`PROGRESS_METADATA_KEY` in the kernel's progressOutput.ts). */
const PROGRESS_KEY = 'immunotwin/progress';
/** The seconds a progress line reports: "· 3 s", "in 1.8 s", "(0.4 s)". */
const PROGRESS_SECONDS = /\d+(?:\.\d+)? s\b/g;

const joinLines = (value: unknown): unknown =>
  Array.isArray(value) && value.every((line) => typeof line === 'string') ? value.join('') : value;

/** A stream's text as a terminal shows it: each line's text after its last `\r`, each `\b` erasing a character. */
function asTerminalShows(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let shown = line.slice(line.lastIndexOf('\r') + 1);
      for (let at = shown.indexOf('\b'); at >= 0; at = shown.indexOf('\b'))
        shown = shown.slice(0, Math.max(0, at - 1)) + shown.slice(at + 1);
      return shown;
    })
    .join('\n');
}

/** One cell's outputs as compared (see the file comment). */
export function comparableOutputs(outputs: readonly IOutputJson[]): IComparableOutput[] {
  const out: IComparableOutput[] = [];
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      const text = joinLines(output.text) as string;
      const last = out[out.length - 1];
      if (last?.output_type === 'stream' && last.name === output.name) last.text += text;
      else out.push({ output_type: 'stream', name: output.name, text });
      continue;
    }
    const kept: IComparableOutput = { output_type: output.output_type };
    if (output.data) {
      kept.data = Object.fromEntries(Object.entries(output.data).map(([mime, value]) => [mime, joinLines(value)]));
    }
    if (output.metadata && Object.keys(output.metadata).length > 0) kept.metadata = output.metadata;
    const text = kept.data?.['text/plain'];
    if (output.metadata?.[PROGRESS_KEY] === true && typeof text === 'string') {
      kept.data = { ...kept.data, 'text/plain': text.replace(PROGRESS_SECONDS, '‹s› s') };
    }
    if (output.ename !== undefined) kept.ename = output.ename;
    if (output.evalue !== undefined) kept.evalue = output.evalue;
    out.push(kept);
  }
  for (const stream of out) if (stream.text !== undefined) stream.text = asTerminalShows(stream.text);
  return out;
}

/** What comparing two runs found: numbers compared, how many differ in their bits, by how much at most, and where. */
export interface IComparison {
  /** The first difference that is not a number's value (text, structure, an output missing), if any. */
  otherDifference?: string;
  /** Numbers compared (in JSON data and inside texts). */
  numbers: number;
  /** Those whose doubles differ. */
  differing: number;
  /** The largest |a − b| / max(|a|, |b|) among them. */
  maxRelative: number;
  /** The first number that differs: its place and both values. */
  firstDiffering?: string;
}

/** A number inside a text, as JavaScript and Python print doubles (and as the kernel formats them). */
const NUMBER_IN_TEXT = /-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi;

function compareValues(a: unknown, b: unknown, at: string, found: IComparison): void {
  if (found.otherDifference) return;
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 200);
  if (typeof a === 'number' && typeof b === 'number') {
    found.numbers += 1;
    if (Object.is(a, b)) return;
    found.differing += 1;
    found.firstDiffering ??= `${at}: ${a} ≠ ${b}`;
    found.maxRelative = Math.max(found.maxRelative, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
    return;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const words = (text: string) => text.split(NUMBER_IN_TEXT);
    const numbers = (text: string) => (text.match(NUMBER_IN_TEXT) ?? []).map(Number);
    if (firstDifferenceIn(words(a), words(b))) {
      found.otherDifference = `${at}: ${show(a)} ≠ ${show(b)}`;
      return;
    }
    numbers(a).forEach((value, i) => compareValues(value, numbers(b)[i], `${at} (number ${i} of the text)`, found));
    return;
  }
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    if (!Object.is(a, b)) found.otherDifference = `${at || '(root)'}: ${show(a)} ≠ ${show(b)}`;
    return;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    compareValues(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      Array.isArray(a) ? `${at}[${key}]` : `${at}.${key}`,
      found,
    );
  }
}

const firstDifferenceIn = (a: string[], b: string[]): boolean =>
  a.length !== b.length || a.some((word, i) => word !== b[i]);

/**
 * Compares a browser run's outputs with the headless run's, code cell by code cell (see the file comment for what
 * is set aside): every text outside its numbers must be the same, and every number is compared as a double.
 */
export function compareWithHeadless(
  browser: readonly { outputs: readonly IOutputJson[] }[],
  headless: readonly { outputs: readonly IOutputJson[] }[],
): IComparison {
  const found: IComparison = { numbers: 0, differing: 0, maxRelative: 0 };
  if (browser.length !== headless.length) {
    found.otherDifference = `${browser.length} code cells in the browser, ${headless.length} headless`;
    return found;
  }
  browser.forEach((cell, i) =>
    compareValues(comparableOutputs(cell.outputs), comparableOutputs(headless[i].outputs), `code cell ${i}: `, found),
  );
  return found;
}
