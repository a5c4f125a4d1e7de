import type { Tissue, TissueFrame } from '@immunotwin/engine';
import { frameLevels, levelFor } from './tissueLevels.js';
import { AGENTS_FRAGMENT, AGENTS_VERTEX, CELLS_FRAGMENT, CELLS_VERTEX, PALETTE_SIZE } from './glShaders.js';
import type { Camera } from './tissueCamera.js';
import { colourOf, FIELD_OPACITY, FIELD_RGB, fieldMax, fieldStrength } from './tissueImage.js';
import type { TissueLayers, TissueRenderer } from './tissueRenderer.js';

/** Immune cells are drawn at least this wide (CSS px), so one stays visible when a pixel spans several sites. */
const MIN_AGENT_SIZE = 2.5;
/**
 * Immune cells are drawn from this zoom on (CSS px per site). Further out, cells of MIN_AGENT_SIZE would cover
 * the tissue (the Lung Twin's 17 000 resident macrophages on a 3000² section, shown whole in 420 px) and say
 * nothing a legend's count does not.
 */
export const AGENT_MIN_ZOOM = 0.5;

function compile(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, vertex],
    [gl.FRAGMENT_SHADER, fragment],
  ] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(shader) ?? 'shader');
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(gl.getProgramInfoLog(program) ?? 'link');
  return program;
}

/** A palette uniform: the colours of `names`, 0–1, padded to {@link PALETTE_SIZE}. */
function palette(names: readonly string[]): Float32Array {
  const rgb = new Float32Array(PALETTE_SIZE * 3).fill(1);
  names.slice(0, PALETTE_SIZE).forEach((name, i) =>
    rgb.set(
      colourOf(name, i).map((c) => c / 255),
      i * 3,
    ),
  );
  return rgb;
}

/**
 * The WebGL2 tissue renderer. Per picture: the cell states go to an 8-bit integer texture whose mip levels are
 * the picture's levels of detail (`frameLevels`: each block's most severe state, made with a live picture in the
 * run's worker, else once per picture here), the
 * field to an 8-bit normalized texture of its strength (`fieldStrength`) with mipmaps, the immune cells to a
 * vertex buffer. Per draw (a pan or zoom): one triangle whose fragment shader looks each pixel's site up at the
 * level of detail of the zoom and colours it from a palette, then the cells as points. Panning and zooming a
 * 3000² section redraws without touching the picture's data.
 */
export class GlTissueRenderer implements TissueRenderer {
  readonly kind = 'webgl2';
  private readonly cellsProgram: WebGLProgram;
  private readonly agentsProgram: WebGLProgram;
  private cellsTexture: WebGLTexture;
  private readonly fieldTexture: WebGLTexture;
  private readonly agentBuffer: WebGLBuffer;
  private readonly agentArray: WebGLVertexArrayObject;
  private cellsSize = '';
  private levels = 1;
  private sites: [number, number] = [1, 1];
  private fieldSites: [number, number] = [1, 1];
  private agents = 0;
  private layers: TissueLayers = { field: true, agents: true };

  /** @returns undefined where the page has no WebGL2, or its textures cannot hold a `width × height` lattice */
  static create(canvas: HTMLCanvasElement, width: number, height: number): GlTissueRenderer | undefined {
    const probe = document.createElement('canvas').getContext('webgl2');
    const max = probe ? (probe.getParameter(probe.MAX_TEXTURE_SIZE) as number) : 0;
    probe?.getExtension('WEBGL_lose_context')?.loseContext();
    if (width > max || height > max) return undefined;
    const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
    return gl ? new GlTissueRenderer(gl) : undefined;
  }

  private constructor(private readonly gl: WebGL2RenderingContext) {
    this.cellsProgram = compile(gl, CELLS_VERTEX, CELLS_FRAGMENT);
    this.agentsProgram = compile(gl, AGENTS_VERTEX, AGENTS_FRAGMENT);
    this.cellsTexture = gl.createTexture();
    this.fieldTexture = gl.createTexture();
    this.agentBuffer = gl.createBuffer();
    this.agentArray = gl.createVertexArray();
    gl.bindVertexArray(this.agentArray);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.agentBuffer);
    const site = gl.getAttribLocation(this.agentsProgram, 'a_site');
    const type = gl.getAttribLocation(this.agentsProgram, 'a_type');
    gl.enableVertexAttribArray(site);
    gl.vertexAttribPointer(site, 2, gl.FLOAT, false, 12, 0);
    gl.enableVertexAttribArray(type);
    gl.vertexAttribPointer(type, 1, gl.FLOAT, false, 12, 8);
    gl.bindVertexArray(null);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  }

  show(tissue: Tissue, frame: TissueFrame, layers: TissueLayers): void {
    const { gl } = this;
    const { width, height, cellStates, agentTypes } = tissue.header;
    this.layers = layers;
    this.sites = [width, height];
    // Cell states: every level of detail as a mip level of one integer texture (made anew when the size changes).
    const levels = frameLevels(tissue, frame);
    const size = `${width}x${height}`;
    gl.bindTexture(gl.TEXTURE_2D, this.cellsTexture);
    if (this.cellsSize !== size) {
      gl.deleteTexture(this.cellsTexture);
      this.cellsTexture = gl.createTexture(); // storage of a new size needs a new texture
      gl.bindTexture(gl.TEXTURE_2D, this.cellsTexture);
      gl.texStorage2D(gl.TEXTURE_2D, levels.length, gl.R8UI, width, height);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST_MIPMAP_NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAX_LEVEL, levels.length - 1);
      this.cellsSize = size;
    }
    levels.forEach((level, i) =>
      gl.texSubImage2D(
        gl.TEXTURE_2D,
        i,
        0,
        0,
        level.width,
        level.height,
        gl.RED_INTEGER,
        gl.UNSIGNED_BYTE,
        level.cells,
      ),
    );
    this.levels = levels.length;
    this.showField(tissue, frame);
    // Immune cells: x, y, type per cell.
    const points = new Float32Array(frame.agentSites.length * 3);
    for (let a = 0; a < frame.agentSites.length; a++) {
      points[3 * a] = frame.agentSites[a] % width;
      points[3 * a + 1] = Math.floor(frame.agentSites[a] / width);
      points[3 * a + 2] = frame.agentTypes[a];
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.agentBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, points, gl.DYNAMIC_DRAW);
    this.agents = frame.agentSites.length;
    gl.useProgram(this.cellsProgram);
    gl.uniform3fv(gl.getUniformLocation(this.cellsProgram, 'u_states'), palette(cellStates));
    gl.useProgram(this.agentsProgram);
    gl.uniform3fv(gl.getUniformLocation(this.agentsProgram, 'u_agents'), palette(agentTypes));
  }

  /** The field's strength per value of its grid as an R8 texture with mipmaps (a 1 × 1 zero without a field). */
  private showField(tissue: Tissue, frame: TissueFrame): void {
    const { gl } = this;
    const grid = tissue.fieldGrid;
    const field = frame.field;
    const max = fieldMax(field);
    const strength = new Uint8Array(field ? field.length : 1);
    if (field) for (let i = 0; i < field.length; i++) strength[i] = Math.round(255 * fieldStrength(field[i], max));
    const [w, h] = field ? [grid.width, grid.height] : [1, 1];
    gl.bindTexture(gl.TEXTURE_2D, this.fieldTexture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, w, h, 0, gl.RED, gl.UNSIGNED_BYTE, strength);
    gl.generateMipmap(gl.TEXTURE_2D);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
    // Per site (stride 1) each site shows its own value; block means are interpolated between blocks.
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, grid.stride > 1 ? gl.LINEAR : gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    this.fieldSites = [w * grid.stride, h * grid.stride];
  }

  draw(camera: Camera, pixelRatio: number): void {
    const { gl } = this;
    const { width, height } = gl.canvas;
    const scale = camera.zoom * pixelRatio;
    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);

    const cells = this.cellsProgram;
    const at = (name: string) => gl.getUniformLocation(cells, name);
    gl.useProgram(cells);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.cellsTexture);
    gl.uniform1i(at('u_cells'), 0);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, this.fieldTexture);
    gl.uniform1i(at('u_field'), 1);
    gl.uniform2f(at('u_viewport'), width, height);
    gl.uniform2f(at('u_center'), camera.x, camera.y);
    gl.uniform1f(at('u_scale'), scale);
    gl.uniform2f(at('u_sites'), ...this.sites);
    gl.uniform2f(at('u_fieldSites'), ...this.fieldSites);
    gl.uniform1i(at('u_level'), levelFor(1 / scale, this.levels));
    gl.uniform1i(at('u_showField'), this.layers.field ? 1 : 0);
    gl.uniform1f(at('u_fieldOpacity'), FIELD_OPACITY);
    gl.uniform3f(at('u_fieldColour'), ...(FIELD_RGB.map((c) => c / 255) as [number, number, number]));
    gl.drawArrays(gl.TRIANGLES, 0, 3);

    if (!this.layers.agents || this.agents === 0 || !this.agentsVisible(camera.zoom)) return;
    const agents = this.agentsProgram;
    gl.useProgram(agents);
    gl.uniform2f(gl.getUniformLocation(agents, 'u_viewport'), width, height);
    gl.uniform2f(gl.getUniformLocation(agents, 'u_center'), camera.x, camera.y);
    gl.uniform1f(gl.getUniformLocation(agents, 'u_scale'), scale);
    gl.uniform1f(gl.getUniformLocation(agents, 'u_minSize'), MIN_AGENT_SIZE * pixelRatio);
    gl.bindVertexArray(this.agentArray);
    gl.drawArrays(gl.POINTS, 0, this.agents);
    gl.bindVertexArray(null);
  }

  agentsVisible(zoom: number): boolean {
    return zoom >= AGENT_MIN_ZOOM;
  }

  dispose(): void {
    const { gl } = this;
    gl.deleteTexture(this.cellsTexture);
    gl.deleteTexture(this.fieldTexture);
    gl.deleteBuffer(this.agentBuffer);
    gl.deleteVertexArray(this.agentArray);
    gl.deleteProgram(this.cellsProgram);
    gl.deleteProgram(this.agentsProgram);
  }
}
