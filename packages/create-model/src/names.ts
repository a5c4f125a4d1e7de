/** The names one plugin goes by in each ecosystem, all derived from its model id. */
export interface PluginNames {
  /** Model id (the manifest's `id`): lower-case words joined by hyphens, e.g. `hiv-latent`. */
  readonly id: string;
  /** Human-readable title (manifest `title`, kernel display name, launcher card). */
  readonly title: string;
  /** npm package name of the generated package (also the JupyterLab extension's name). */
  readonly packageName: string;
  /** Python distribution name (what `pip install` takes). */
  readonly pythonDistribution: string;
  /** Python import package (the folder holding the prebuilt labextension). */
  readonly pythonPackage: string;
}

/** The model id rule of the engine's manifest schema. */
const MODEL_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Whether `id` is a valid model id (lower-case letters and digits in hyphen-separated words). */
export function isModelId(id: string): boolean {
  return MODEL_ID.test(id);
}

/** "hiv-latent" → "Hiv Latent Twin": a title to start from, meant to be edited. */
export function titleFromId(id: string): string {
  const words = id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return `${words.join(' ')} Twin`;
}

/**
 * Every name of a plugin with model `id` (throws naming the id when it breaks the model id rule). The npm and
 * Python names carry an `immunotwin-model-` prefix so the plugin is found next to the suite's own packages.
 */
export function pluginNames(id: string, title: string = titleFromId(id)): PluginNames {
  if (!isModelId(id)) {
    throw new Error(
      `the model id "${id}" is not allowed: use lower-case letters and digits in hyphen-separated words, e.g. "hiv-latent"`,
    );
  }
  if (title.trim() === '') throw new Error('the title is empty: give a few words, e.g. --title "HIV Latent Twin"');
  const packageName = `immunotwin-model-${id}`;
  return {
    id,
    title: title.trim(),
    packageName,
    pythonDistribution: packageName,
    pythonPackage: packageName.replaceAll('-', '_'),
  };
}

/** "examples/plugin-hiv-latent" → "plugin-hiv-latent" → a model id guess ("hiv-latent" drops a "plugin-" prefix). */
export function idFromDirectory(directory: string): string {
  const base =
    directory
      .replace(/[/\\]+$/, '')
      .split(/[/\\]/)
      .pop() ?? '';
  return base
    .toLowerCase()
    .replace(/^(immunotwin-)?(model-|plugin-)?/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
