/**
 * The versions the generated package builds with: those the ImmunoTwin suite itself is built and tested with
 * (JupyterLab 4.6, its extension builder, TypeScript, esbuild, vitest). Kept in one place so a release of the
 * generator moves them together.
 */
export const TOOL_VERSIONS: Readonly<Record<string, string>> = {
  '@jupyter/builder': '1.2.3',
  '@jupyterlab/core-meta': '~4.6.4',
  esbuild: '^0.28.2',
  typescript: '~5.9.3',
  vitest: '~4.1.12',
};

/** The JupyterLab packages the generated extension imports (types and the plugin interface). */
export const JUPYTERLAB_VERSIONS: Readonly<Record<string, string>> = {
  '@jupyterlab/application': '~4.6.4',
};
