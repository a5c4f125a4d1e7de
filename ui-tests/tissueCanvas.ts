import type { Locator } from '@playwright/test';

/**
 * The number of distinct colours on a `<twin-tissue>`'s canvas, whichever way it is drawn (WebGL2 or canvas 2D):
 * the canvas is copied into a 2D canvas and read there.
 */
export function tissueCanvasColours(tissue: Locator): Promise<number> {
  return tissue.evaluate((element) => {
    const canvas = element.shadowRoot!.querySelector('canvas')!;
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return seen.size;
  });
}
