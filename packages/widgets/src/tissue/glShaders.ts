/** The most state and agent-type colours the WebGL2 tissue renderer's palettes hold. */
export const PALETTE_SIZE = 32;

/** A triangle covering the canvas (clip space); the fragment shader finds each pixel's site. */
export const CELLS_VERTEX = `#version 300 es
const vec2 corners[3] = vec2[3](vec2(-1.0, -1.0), vec2(3.0, -1.0), vec2(-1.0, 3.0));
void main() { gl_Position = vec4(corners[gl_VertexID], 0.0, 1.0); }
`;

/**
 * Each pixel's site through the camera; outside the lattice nothing. The cell state comes from the integer
 * texture's level of detail `u_level` (its mip levels hold each block's most severe state) and its colour from
 * the palette; the field (a normalized texture of its strength, mipmapped and filtered) is blended over it.
 */
export const CELLS_FRAGMENT = `#version 300 es
precision highp float;
precision highp int;
precision highp usampler2D;
uniform usampler2D u_cells;
uniform sampler2D u_field;
uniform vec2 u_viewport;   // canvas, device px
uniform vec2 u_center;     // site at the canvas centre
uniform float u_scale;     // device px per site
uniform vec2 u_sites;      // lattice width, height
uniform vec2 u_fieldSites; // sites the field texture spans (its grid × stride)
uniform int u_level;
uniform bool u_showField;
uniform float u_fieldOpacity;
uniform vec3 u_fieldColour;
uniform vec3 u_states[${PALETTE_SIZE}];
out vec4 colour;
void main() {
  vec2 pixel = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
  vec2 site = (pixel - 0.5 * u_viewport) / u_scale + u_center;
  float glow = texture(u_field, site / u_fieldSites).r;
  if (site.x < 0.0 || site.y < 0.0 || site.x >= u_sites.x || site.y >= u_sites.y) discard;
  ivec2 size = textureSize(u_cells, u_level);
  ivec2 block = min(ivec2(floor(site)) >> u_level, size - 1);
  uint code = texelFetch(u_cells, block, u_level).r;
  vec3 rgb = u_states[min(int(code), ${PALETTE_SIZE - 1})];
  if (u_showField) rgb = mix(rgb, u_fieldColour, u_fieldOpacity * glow);
  colour = vec4(rgb, 1.0);
}
`;

/** Immune cells as points at their sites' centres, at least `u_minSize` device px wide. */
export const AGENTS_VERTEX = `#version 300 es
in vec2 a_site;
in float a_type;
uniform vec2 u_viewport;
uniform vec2 u_center;
uniform float u_scale;
uniform float u_minSize;
uniform vec3 u_agents[${PALETTE_SIZE}];
flat out vec3 v_colour;
void main() {
  vec2 offset = (a_site + 0.5 - u_center) * u_scale / (0.5 * u_viewport);
  gl_Position = vec4(offset.x, -offset.y, 0.0, 1.0);
  gl_PointSize = max(u_minSize, 0.8 * u_scale);
  v_colour = u_agents[min(int(a_type), ${PALETTE_SIZE - 1})];
}
`;

/** A round point with a darker rim, so a cell shows on any state's colour. */
export const AGENTS_FRAGMENT = `#version 300 es
precision mediump float;
flat in vec3 v_colour;
out vec4 colour;
void main() {
  float r = length(gl_PointCoord - 0.5);
  if (r > 0.5) discard;
  colour = vec4(r > 0.34 ? v_colour * 0.45 : v_colour, 1.0);
}
`;
