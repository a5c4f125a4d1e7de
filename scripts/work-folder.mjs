// The folder `npm start` serves as the user's own: IMMUNOTWIN_WORK_DIR when set (relative to the repository
// root, or absolute), else my-notebooks/ at the root (git-ignored). It is never notebooks/, where the template
// sources live, so nothing a user saves in JupyterLab becomes part of the template catalog or breaks a build.
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The default work folder, at the repository root and ignored by git. */
export const DEFAULT_WORK_FOLDER = join(root, 'my-notebooks');

/** The template sources, which the work folder must not be or lie in. */
const TEMPLATE_SOURCES = join(root, 'notebooks');

/**
 * The user's work folder for `env` (created if missing). Throws when it is notebooks/ or a folder inside it,
 * naming the variable and what is allowed.
 */
export function workFolder(env = process.env) {
  const chosen = env.IMMUNOTWIN_WORK_DIR ? resolve(root, env.IMMUNOTWIN_WORK_DIR) : DEFAULT_WORK_FOLDER;
  const inside = relative(TEMPLATE_SOURCES, chosen);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new Error(
      `IMMUNOTWIN_WORK_DIR=${env.IMMUNOTWIN_WORK_DIR}: that is the template sources (notebooks/) or a folder in ` +
        'them; choose a folder outside notebooks/ (unset, it is my-notebooks/)',
    );
  }
  mkdirSync(chosen, { recursive: true });
  return chosen;
}
