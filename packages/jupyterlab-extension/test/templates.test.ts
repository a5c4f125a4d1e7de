import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInModels } from '@immunotwin/models';
import { describe, expect, it } from 'vitest';
import { describeNotebook, notebooksFileOf, readTemplates, writeCatalog } from '../../../scripts/bundle-templates.mjs';
import { twinKernelSpecs } from '../src/specs.js';
import { freeCopyPath } from '../src/templates/copyName.js';
import { templateGroups, type INotebookTemplate } from '../src/templates/template.js';

const markdown = (source: string) => ({ cell_type: 'markdown', metadata: {}, source });

describe('a copy of a template', () => {
  const taken = (paths: string[]) => async (path: string) => paths.includes(path);

  it('keeps the template name when it is free', async () => {
    expect(await freeCopyPath('lessons', '00-intro.ipynb', taken([]))).toBe('lessons/00-intro.ipynb');
    expect(await freeCopyPath('', '00-intro.ipynb', taken([]))).toBe('00-intro.ipynb');
  });

  it('never takes the name of an existing file', async () => {
    const existing = ['lessons/00-intro.ipynb', 'lessons/00-intro-1.ipynb'];
    expect(await freeCopyPath('lessons/', '00-intro.ipynb', taken(existing))).toBe('lessons/00-intro-2.ipynb');
  });
});

describe('the template catalog (scripts/bundle-templates.mjs)', () => {
  it('takes the title from the first heading and the description from the paragraph under it, both as plain text', () => {
    const notebook = {
      cells: [
        markdown('# Clonal *expansion*\n\nWatch **CD8** cells expand ([De Boer 2001](https://doi.org)).\n\nMore.'),
      ],
    };
    expect(describeNotebook(notebook, 'x.ipynb')).toEqual({
      title: 'Clonal expansion',
      description: 'Watch CD8 cells expand (De Boer 2001).',
    });
  });

  it('rejects a notebook with no title, naming the file', () => {
    expect(() => describeNotebook({ cells: [{ cell_type: 'code', source: '1' }] }, 'a.ipynb')).toThrow(
      /a\.ipynb: a template needs a markdown cell/,
    );
    expect(() => describeNotebook({ cells: [markdown('Just text')] }, 'b.ipynb')).toThrow(/b\.ipynb: .*no "# Title"/);
  });

  it('lists the notebooks of notebooks/, each on a kernel the suite or the server provides', () => {
    const templates = readTemplates();
    const gettingStarted = templates.find((t) => t.file === '00-getting-started.ipynb');
    expect(gettingStarted).toMatchObject({
      title: 'Getting started: a virus infection in a twin',
      kernelName: 'immunotwin-target-cell-limited',
      kernelDisplayName: 'Within-host Twin',
    });
    expect(gettingStarted!.description).toMatch(/^This notebook runs on the Within-host Twin kernel/);
    const twinKernels = twinKernelSpecs(builtInModels).map((spec) => spec.name);
    for (const template of templates) expect([...twinKernels, 'python3']).toContain(template.kernelName);
  });

  it('writes the catalog, and the notebooks in a file beside it, only when they changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'immunotwin-templates-'));
    const notebook = { cells: [markdown('# One\n\nFirst.')], metadata: { kernelspec: { name: 'python3' } } };
    writeFileSync(join(dir, 'one.ipynb'), JSON.stringify(notebook));
    const catalog = join(dir, 'catalog.json');
    expect(writeCatalog(dir, catalog)).toBe(true);
    expect(JSON.parse(readFileSync(catalog, 'utf8'))).toEqual([
      { file: 'one.ipynb', title: 'One', description: 'First.', kernelName: 'python3', kernelDisplayName: 'python3' },
    ]);
    expect(JSON.parse(readFileSync(notebooksFileOf(catalog), 'utf8'))).toEqual({ 'one.ipynb': notebook });
    expect(writeCatalog(dir, catalog)).toBe(false);
  });

  it('lists the lessons of notebooks/lessons after the notebooks, each with its level, topic and order', () => {
    const templates = readTemplates();
    const r0 = templates.find((t) => t.file === 'r0-and-the-threshold.ipynb');
    expect(r0).toMatchObject({
      title: 'R0 and the threshold of an infection',
      kernelName: 'immunotwin-target-cell-limited',
      lesson: { level: 'Beginner', topic: 'Virus dynamics', order: 1 },
    });
    expect(templates.findIndex((t) => t.lesson)).toBe(templates.filter((t) => !t.lesson).length);
  });
});

describe('the template groups of the launcher and the template dialog', () => {
  const entry = (file: string, lesson?: INotebookTemplate['lesson']) =>
    ({
      file,
      title: file,
      description: '',
      kernelName: 'k',
      kernelDisplayName: 'K',
      notebook: {},
      lesson,
    }) as unknown as INotebookTemplate;

  it('puts the notebooks first, then lessons by level and topic in the order of their first lesson', () => {
    const groups = templateGroups([
      entry('a.ipynb'),
      entry('late.ipynb', { level: 'Intermediate', topic: 'Bacteria', order: 5 }),
      entry('first.ipynb', { level: 'Beginner', topic: 'Virus dynamics', order: 1 }),
      entry('second.ipynb', { level: 'Intermediate', topic: 'Virus dynamics', order: 2 }),
      entry('third.ipynb', { level: 'Intermediate', topic: 'Innate immunity', order: 3 }),
      entry('fourth.ipynb', { level: 'Intermediate', topic: 'Virus dynamics', order: 4 }),
    ]);
    expect(groups.map((g) => [g.label, g.templates.map((t) => t.file)])).toEqual([
      ['Notebooks', ['a.ipynb']],
      ['Lessons · Beginner · Virus dynamics', ['first.ipynb']],
      ['Lessons · Intermediate · Virus dynamics', ['second.ipynb', 'fourth.ipynb']],
      ['Lessons · Intermediate · Innate immunity', ['third.ipynb']],
      ['Lessons · Intermediate · Bacteria', ['late.ipynb']],
    ]);
    expect(groups.map((g) => g.level)).toEqual([undefined, 'Beginner', 'Intermediate', 'Intermediate', 'Intermediate']);
  });
});
