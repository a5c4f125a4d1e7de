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

/** The folder of lesson notebooks (student versions, written by scripts/write-lessons.mjs). */
export const LESSONS_DIR = join(NOTEBOOKS_DIR, 'lessons');

/** Where the catalog is written (its notebooks beside it: {@link notebooksFileOf}). */
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

/** The catalog entry of one notebook file; a lesson's (`metadata.immunotwin.lesson`) carries its level and topic. */
function templateEntry(dir, file) {
  const notebook = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const kernel = notebook.metadata?.kernelspec;
  if (!kernel?.name) throw new Error(`${file}: metadata.kernelspec.name is missing; a template names its kernel`);
  const lesson = notebook.metadata?.immunotwin?.lesson;
  return {
    file,
    ...describeNotebook(notebook, file),
    kernelName: kernel.name,
    kernelDisplayName: kernel.display_name ?? kernel.name,
    ...(lesson ? { lesson: { level: lesson.level, topic: lesson.topic, order: lesson.order } } : {}),
    notebook,
  };
}

/** The catalog entries of every `*.ipynb` in `dir`, in file-name order, then those of `lessonsDir` (if it exists). */
export function readTemplates(dir = NOTEBOOKS_DIR, lessonsDir = dir === NOTEBOOKS_DIR ? LESSONS_DIR : undefined) {
  const notebooksIn = (folder) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.ipynb'))
      .sort()
      .map((file) => templateEntry(folder, file));
  const templates = notebooksIn(dir);
  const lessons = lessonsDir && existsSync(lessonsDir) ? notebooksIn(lessonsDir) : [];
  for (const lesson of lessons) {
    if (!lesson.lesson) throw new Error(`lessons/${lesson.file}: a lesson needs metadata.immunotwin.lesson`);
    if (templates.some((t) => t.file === lesson.file))
      throw new Error(`lessons/${lesson.file}: a template has that name`);
  }
  return [...templates, ...lessons];
}

/** The file beside the catalog that holds the templates' notebooks, loaded only when one is opened. */
export const notebooksFileOf = (catalogFile) => join(dirname(catalogFile), 'catalogNotebooks.json');

/**
 * Writes the catalog (titles, descriptions, kernels, lesson levels and topics: what the launcher shows at start) and,
 * beside it, the notebooks by file name (a chunk of their own, fetched when a template is opened), each only when its
 * content changed; returns whether it wrote either.
 */
export function writeCatalog(dir = NOTEBOOKS_DIR, file = CATALOG_FILE) {
  const templates = readTemplates(dir);
  const entries = templates.map(({ notebook: _notebook, ...entry }) => entry);
  const notebooks = Object.fromEntries(templates.map((t) => [t.file, t.notebook]));
  let wrote = false;
  for (const [path, value] of [
    [file, entries],
    [notebooksFileOf(file), notebooks],
  ]) {
    const text = `${JSON.stringify(value)}\n`;
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    wrote = true;
  }
  return wrote;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeCatalog();
