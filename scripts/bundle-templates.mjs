#!/usr/bin/env node
// Bundles the notebooks in notebooks/ into the JupyterLab extension as its template catalog
// (packages/jupyterlab-extension/src/templates/catalog.json, generated, not committed), so the launcher and
// "New notebook from ImmunoTwin template" offer them in any JupyterLab or JupyterLite, whatever its root.
// Rewrites the catalog only when it changed. Run by the extension's build.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of template notebooks. */
export const NOTEBOOKS_DIR = join(root, 'notebooks');

/** Where the catalog is written. */
export const CATALOG_FILE = join(root, 'packages', 'jupyterlab-extension', 'src', 'templates', 'catalog.json');

/** A cell's source as one string (nbformat allows a string or a list of lines). */
function sourceText(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

/** Markdown inline text as plain text: links become their text, emphasis and code marks go. */
function plainText(markdown) {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__|\*|_|`)/g, '');
}

/**
 * A template's title and description: the first markdown cell's first heading, and the first paragraph
 * after it with Markdown emphasis and links reduced to their text.
 */
export function describeNotebook(notebook, file) {
  const markdown = notebook.cells?.find((cell) => cell.cell_type === 'markdown');
  if (!markdown) throw new Error(`${file}: a template needs a markdown cell with a "# Title" heading first`);
  const lines = sourceText(markdown).split('\n');
  const headingAt = lines.findIndex((line) => /^#\s+\S/.test(line));
  if (headingAt < 0) throw new Error(`${file}: the first markdown cell has no "# Title" heading`);
  const title = plainText(lines[headingAt].replace(/^#\s+/, '').trim());
  const paragraph = [];
  for (const line of lines.slice(headingAt + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^#/.test(line)) break;
    paragraph.push(line.trim());
  }
  const description = plainText(paragraph.join(' '));
  return { title, description };
}

/** The catalog entries of every `*.ipynb` in `dir`, in file-name order. */
export function readTemplates(dir = NOTEBOOKS_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb'))
    .sort()
    .map((file) => {
      const notebook = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const kernel = notebook.metadata?.kernelspec;
      if (!kernel?.name) throw new Error(`${file}: metadata.kernelspec.name is missing; a template names its kernel`);
      return {
        file,
        ...describeNotebook(notebook, file),
        kernelName: kernel.name,
        kernelDisplayName: kernel.display_name ?? kernel.name,
        notebook,
      };
    });
}

/** Writes the catalog when its content changed; returns whether it wrote. */
export function writeCatalog(dir = NOTEBOOKS_DIR, file = CATALOG_FILE) {
  const text = `${JSON.stringify(readTemplates(dir))}\n`;
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeFileSync(file, text);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeCatalog();
