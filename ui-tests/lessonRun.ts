/**
 * The lessons as the end-to-end tests run them: every teacher notebook of notebooks/teacher (found in the folder,
 * so a lesson added there is run with no change here), put into the page's own contents (the server's in
 * JupyterLab, the browser's storage in JupyterLite), opened, run with Run All and read back from the notebook
 * model — shared by tests/lessons.spec.ts (server JupyterLab) and lite-tests/lessons.spec.ts (the course site).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';

/** The teacher (nbgrader source) versions of the lessons: solutions filled in. */
export const TEACHER_DIR = path.resolve(__dirname, '../notebooks/teacher');

/** One output as nbformat writes it. */
export interface IOutputJson {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** One code cell after a run: whether nbgrader grades it (a check cell) and its outputs. */
export interface IRunCell {
  graded: boolean;
  outputs: IOutputJson[];
}

/** A lesson's teacher notebook. */
export interface ILesson {
  /** The lesson's id: the notebook's file name without `.ipynb`. */
  id: string;
  /** The notebook file. */
  file: string;
  /** Its JSON. */
  notebook: {
    cells: { cell_type: string; metadata: Record<string, unknown>; source: string | string[] }[];
    metadata: Record<string, unknown>;
  };
}

/** Every lesson's teacher notebook, by file name. */
export function teacherLessons(): ILesson[] {
  return readdirSync(TEACHER_DIR)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((name) => {
      const file = path.join(TEACHER_DIR, name);
      return { id: name.replace(/\.ipynb$/, ''), file, notebook: JSON.parse(readFileSync(file, 'utf8')) };
    });
}

/** Waits until the page's JupyterLab or JupyterLite app has started and restored its layout. */
export async function appReady(page: Page): Promise<void> {
  await page.waitForFunction(() => 'jupyterapp' in window, undefined, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { jupyterapp: { restored: Promise<void> } }).jupyterapp.restored);
}

/**
 * Closes every open document and shuts every kernel session down, saves `lesson` as `<id>.ipynb` in the page's
 * contents, opens it, waits for its kernel (the one its metadata names), runs every cell (Run › Run All Cells; stops
 * at an error as a student's run would) and returns each code cell's outputs as the notebook model holds them. One
 * page serves lesson after lesson, each on a fresh kernel. Needs `window.jupyterapp` (Galata's JupyterLab server
 * exposes it; the JupyterLite tests turn on `exposeAppInBrowser`).
 */
export async function runLessonInPage(page: Page, lesson: ILesson): Promise<IRunCell[]> {
  await appReady(page);
  return page.evaluate(
    async ({ path, content }) => {
      interface INotebookPanel {
        context: { ready: Promise<void> };
        sessionContext: { ready: Promise<void>; session?: { kernel?: { info: Promise<unknown> } | null } | null };
        content: {
          model: {
            toJSON(): { cells: { cell_type: string; metadata: Record<string, unknown>; outputs?: unknown[] }[] };
          };
        };
      }
      const app = (
        window as unknown as {
          jupyterapp: {
            restored: Promise<void>;
            shell: { widgets(area: string): Iterable<{ dispose(): void }> };
            serviceManager: {
              contents: { save(path: string, model: object): Promise<unknown> };
              sessions: { shutdownAll(): Promise<void> };
            };
            commands: { execute(id: string, args?: object): Promise<unknown> };
          };
        }
      ).jupyterapp;
      await app.restored;
      // Disposed, not closed: closing a run notebook would ask whether to save it.
      for (const widget of [...app.shell.widgets('main')]) widget.dispose();
      await app.serviceManager.sessions.shutdownAll();
      await app.serviceManager.contents.save(path, { type: 'notebook', format: 'json', content });
      const panel = (await app.commands.execute('docmanager:open', { path, factory: 'Notebook' })) as INotebookPanel;
      await panel.context.ready;
      await panel.sessionContext.ready;
      // The kernel answers its info request once it can run code.
      await panel.sessionContext.session?.kernel?.info;
      await app.commands.execute('notebook:run-all-cells');
      return panel.content.model
        .toJSON()
        .cells.filter((cell) => cell.cell_type === 'code')
        .map((cell) => ({
          graded: Boolean((cell.metadata.nbgrader as { grade?: boolean } | undefined)?.grade),
          outputs: (cell.outputs ?? []) as IOutputJson[],
        }));
    },
    { path: `${lesson.id}.ipynb`, content: lesson.notebook },
  );
}

/** The text/plain of an output (a stream's text), as one string. */
export function plainText(output: IOutputJson): string {
  const text = output.data?.['text/plain'] ?? output.text ?? '';
  return Array.isArray(text) ? text.join('') : String(text);
}

/** What went wrong in a run: every error output and every stderr stream, as `ename: evalue` or the text. */
export function errorsOf(cells: readonly IRunCell[]): string[] {
  return cells
    .flatMap((cell) => cell.outputs)
    .filter((output) => output.output_type === 'error' || (output.output_type === 'stream' && output.name === 'stderr'))
    .map((output) => (output.output_type === 'error' ? `${output.ename}: ${output.evalue}` : plainText(output)));
}

/** Which of the lesson's code cells call `twin.check(` (by their index among the code cells). */
export function checkCellIndices(lesson: ILesson): number[] {
  return lesson.notebook.cells
    .filter((cell) => cell.cell_type === 'code')
    .flatMap((cell, i) =>
      (Array.isArray(cell.source) ? cell.source.join('') : cell.source).includes('twin.check(') ? [i] : [],
    );
}

/**
 * Every output of the cells at `indices` (the check cells), as text: one verdict line per check cell when each prints
 * only its verdict (`✔ task: right. …` when the answer is right).
 */
export function verdictsOf(cells: readonly IRunCell[], indices: readonly number[]): string[] {
  return indices.flatMap((i) => cells[i].outputs.map(plainText));
}

/**
 * Switches JupyterLab's theme (`JupyterLab Light`, `JupyterLab Dark`) and waits until the page wears it; nothing when
 * it already does (asked for the theme it has, the command's promise never settles).
 */
export async function setTheme(page: Page, theme: string): Promise<void> {
  if ((await page.evaluate(() => document.body.dataset.jpThemeName)) === theme) return;
  await page.evaluate((name) => {
    const app = (window as unknown as { jupyterapp: { commands: { execute(id: string, args: object): unknown } } })
      .jupyterapp;
    void app.commands.execute('apputils:change-theme', { theme: name });
  }, theme);
  await page.waitForSelector(`body[data-jp-theme-name="${theme}"]`);
}

/**
 * Waits until every plot, workbench and study on the page has drawn what it holds (their `flushed()` and
 * `settled()`), looking inside shadow roots.
 */
export async function waitForDrawings(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // A change seen by the elements' observers (the theme, a resize) is scheduled for the next frames: let them come.
    for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const all = (root: ParentNode, tags: string[]): Element[] => [
      ...root.querySelectorAll(tags.join(',')),
      ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? all(el.shadowRoot, tags) : [])),
    ];
    const waits = all(document, ['twin-timeseries', 'twin-workbench', 'twin-study']).map((el) => {
      const element = el as Element & { flushed?: () => Promise<void>; settled?: () => Promise<void> };
      return element.settled?.() ?? element.flushed?.();
    });
    await Promise.all(waits);
  });
}
