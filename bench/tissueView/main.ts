/**
 * The page of the tissue view benchmark (bench/tissueView.mjs builds it with vite and drives it in Chromium): a
 * `<twin-tissue>` of a synthetic section — infection foci as rings (dead core, apoptotic, expressing and
 * incubating rims), virions glowing around them, immune cells scattered over them — at a size Node chooses,
 * drawn with WebGL2 or canvas 2D. Node drags and wheels; the page reports its own draw times and frame intervals.
 */
import {
  encodeTissueFrame,
  parseTissue,
  pictureTissue,
  tissueFieldStride,
  TISSUE_BUNDLE_VERSION,
  type TissueJson,
  type TissueView,
} from '@immunotwin/engine';
import '@immunotwin/widgets';
import type { TwinTissueElement } from '@immunotwin/widgets';

const STATES = ['healthy', 'incubating', 'expressing', 'apoptotic', 'dead', 'antiviral'];
const AGENTS = ['cd8', 'macrophage', 'neutrophil', 'nk'];

/** A section of `side²` sites with `foci` infection foci (fixed places: the same picture every time). */
function section(side: number, foci: number): TissueView {
  const cells = new Uint8Array(side * side);
  const virions = new Float32Array(side * side);
  const centres = Array.from({ length: foci }, (_, i) => [
    ((i * 0.618034) % 1) * side,
    ((i * 0.414214 + 0.3) % 1) * side,
    side * (0.02 + 0.05 * ((i * 0.7548) % 1)),
  ]);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let state = 0;
      let v = 0;
      for (const [cx, cy, r] of centres) {
        const d = Math.hypot(x - cx, y - cy) / r;
        if (d < 1.6) v += 100 * Math.exp(-d * d);
        const s = d < 0.6 ? 4 : d < 0.7 ? 3 : d < 0.85 ? 2 : d < 1 ? 1 : d < 1.3 ? 5 : 0;
        if (s && (state === 0 || state === 5)) state = s;
      }
      // Scattered apoptotic sites (a T cell's work) and a sprinkle of expressing ones: single sites in the LOD.
      const hash = (x * 73856093) ^ (y * 19349663);
      if (state === 0 && (hash & 4095) === 7) state = 2;
      cells[y * side + x] = state;
      virions[y * side + x] = v;
    }
  }
  const agents = Math.round(side * side * 2e-4) + 50;
  const sites = Int32Array.from({ length: agents }, (_, i) => Math.floor(((i * 0.754877666) % 1) * side * side));
  const types = Uint8Array.from({ length: agents }, (_, i) => i % AGENTS.length);
  return {
    width: side,
    height: side,
    siteSize: 5,
    cells,
    cellStates: STATES,
    fields: { virions: { values: virions, unit: 'virions/site' } },
    agents: { sites, types, agentTypes: AGENTS },
  };
}

/** The tissue bundle of one synthetic picture. */
function bundle(side: number, foci: number): TissueJson {
  const view = section(side, foci);
  return {
    version: TISSUE_BUNDLE_VERSION,
    model: 'lung',
    title: 'Synthetic section',
    timeUnit: 'day',
    width: side,
    height: side,
    siteSize: 5,
    cellStates: STATES,
    agentTypes: AGENTS,
    field: { id: 'virions', unit: 'virions/site' },
    fieldStride: tissueFieldStride(side, side),
    frames: [encodeTissueFrame(view, 4, 'virions')],
  };
}

/** Frame intervals (ms) seen by requestAnimationFrame while `recording`. */
const intervals: number[] = [];
let recording = false;
let last = 0;
const loop = (now: number) => {
  if (recording && last) intervals.push(now - last);
  last = now;
  requestAnimationFrame(loop);
};
requestAnimationFrame(loop);

const api = {
  /** Shows a `side²` section drawn with `renderer`; resolves with the renderer used and the ms taken to show it. */
  async mount(
    side: number,
    renderer: 'auto' | 'canvas2d',
  ): Promise<{ kind: string; showMs: number; decodeMs: number; bundleBytes: number }> {
    const data = bundle(side, 12);
    // The bundle's decoding alone (JSON-ready object to typed arrays), which showing it repeats.
    const decodeBegun = performance.now();
    parseTissue(data);
    const decodeMs = performance.now() - decodeBegun;
    const element = document.createElement('twin-tissue') as TwinTissueElement;
    element.renderer = renderer;
    const begun = performance.now();
    element.data = data;
    document.getElementById('host')!.replaceChildren(element);
    await element.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const showMs = performance.now() - begun;
    return { kind: element.view?.kind ?? 'none', showMs, decodeMs, bundleBytes: JSON.stringify(data).length };
  },
  /**
   * Pans across the section at `zoom` (× fit) in `moves` jumps, each drawn and then waited for (one pixel read
   * back, which waits until the canvas is drawn): the ms of each, the renderer's whole work for one camera.
   */
  drawnPans(zoom: number, moves: number): number[] {
    const element = document.querySelector('twin-tissue') as TwinTissueElement;
    const stage = element.view!;
    const canvas = stage.canvas;
    const gl = stage.kind === 'webgl2' ? canvas.getContext('webgl2')! : undefined;
    const context = gl ? undefined : canvas.getContext('2d')!;
    const pixel = new Uint8Array(4);
    const side = stage.view!.x * 2;
    const fit = stage.view!.zoom;
    const times: number[] = [];
    for (let i = 0; i < moves; i++) {
      const begun = performance.now();
      stage.lookAt({ x: side * (0.2 + (0.6 * i) / moves), y: side * (0.5 + 0.2 * Math.sin(i / 5)), zoom: fit * zoom });
      if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      else context!.getImageData(0, 0, 1, 1);
      times.push(performance.now() - begun);
    }
    stage.fit();
    return times;
  },
  /**
   * Shows `count` next pictures of the mounted section (a live run's, as a workbench gets them), alternately with
   * the levels of detail and the counts by state made where the picture was made (`frame.levels`,
   * `frame.cellCounts`, as a session's worker sends them) and without (the page computes them): the page's ms for
   * each, from handing the picture over until it is drawn and the GPU has it (gl.finish), the same for both.
   */
  async nextPictures(count: number): Promise<{ given: number[]; computed: number[]; same: boolean }> {
    const element = document.querySelector('twin-tissue') as TwinTissueElement;
    const shown = element.decoded!;
    const side = shown.header.width;
    const view = section(side, 12);
    const gl = element.view!.kind === 'webgl2' ? element.view!.canvas.getContext('webgl2') : null;
    const times = { given: [] as number[], computed: [] as number[] };
    // What the last two pictures (one of each kind, the same cells) look like: the canvas's pixels at the zoom
    // shown (a coarse level of detail when fitted) and the legend's text.
    const looks: string[] = [];
    for (let i = 0; i < 2 * count; i++) {
      const given = i % 2 === 0;
      // Made before the clock starts: in a live run this is the worker's work.
      const made = pictureTissue(view, i + 1, 'virions');
      const frame = given ? made : { ...made, levels: undefined, cellCounts: undefined };
      const begun = performance.now();
      element.tissue = { header: shown.header, fieldGrid: shown.fieldGrid, frames: [frame] };
      await element.updateComplete;
      gl?.finish();
      (given ? times.given : times.computed).push(performance.now() - begun);
      if (gl && i >= 2 * count - 2) {
        const pixels = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
        gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        let hash = 0;
        for (let p = 0; p < pixels.length; p++) hash = (Math.imul(hash, 31) + pixels[p]) | 0;
        looks.push(`${hash} ${element.shadowRoot!.querySelector('.legend')!.textContent!.replace(/\s+/g, ' ')}`);
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
    return { ...times, same: looks.length === 2 && looks[0] === looks[1] };
  },
  /** Starts recording frame intervals and clears the draw times. */
  record(): void {
    const element = document.querySelector('twin-tissue') as TwinTissueElement;
    element.view!.drawTimes.length = 0;
    intervals.length = 0;
    last = 0;
    recording = true;
  },
  /** Stops recording: the frame intervals and the draws' own times (ms). */
  stop(): { intervals: number[]; draws: number[] } {
    recording = false;
    const element = document.querySelector('twin-tissue') as TwinTissueElement;
    return { intervals: [...intervals], draws: [...element.view!.drawTimes] };
  },
};
(globalThis as unknown as { tissueBench: typeof api }).tissueBench = api;
