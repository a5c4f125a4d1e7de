/** The engine's version, recorded in every result's metadata (kept equal to package.json by a test). */
export const ENGINE_VERSION = '0.1.0';
