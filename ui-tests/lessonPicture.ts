/**
 * A picture of a lesson's outputs: the open notebook with its markdown cells and code inputs hidden, the window made
 * as tall as what is left, so one screenshot holds every output (check verdicts, printed numbers, plots).
 */
import type { Locator, Page } from '@playwright/test';
import { waitForDrawings } from './lessonRun';

/** Width of the pictures (CSS px): a laptop's window; the plots fill it. */
const WIDTH = 1100;

/** Hides what is not output, sizes the window to the outputs and returns the notebook to photograph. */
export async function lessonOutputs(page: Page): Promise<Locator> {
  await page.addStyleTag({
    content: `.jp-Notebook .jp-MarkdownCell, .jp-Notebook .jp-Cell-inputWrapper, .jp-Notebook .jp-Cell-inputCollapser,
      .jp-Notebook .jp-cell-toolbar { display: none !important; }`,
  });
  // The side panels closed (JupyterLab opens the file browser), so the notebook has the window's width.
  await page.evaluate(() => {
    const { shell } = (window as unknown as { jupyterapp: { shell: { collapseLeft(): void; collapseRight(): void } } })
      .jupyterapp;
    shell.collapseLeft();
    shell.collapseRight();
  });
  const notebook = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-notebook');
  // Tall first, so every cell is on screen, rendered and measured at its own height; then just tall enough.
  await page.setViewportSize({ width: WIDTH, height: 8000 });
  await waitForDrawings(page);
  const height = await notebook.evaluate((node) => {
    const scroller = node.querySelector('.jp-WindowedPanel-outer') ?? node;
    scroller.scrollTop = 0;
    const top = node.getBoundingClientRect().top;
    const bottoms = [...node.querySelectorAll('.jp-Cell')]
      .filter((cell) => (cell as HTMLElement).offsetHeight > 0)
      .map((cell) => cell.getBoundingClientRect().bottom - top);
    // The window's height less the notebook's: menu, tool and status bars.
    const chrome = window.innerHeight - node.getBoundingClientRect().height;
    return chrome + Math.max(0, ...bottoms) + 16;
  });
  await page.setViewportSize({ width: WIDTH, height: Math.min(Math.ceil(height), 8000) });
  await waitForDrawings(page);
  // Away from the plots, so plotly's hover-only mode bars are hidden.
  await page.mouse.move(1, 1);
  return notebook;
}
