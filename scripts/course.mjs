#!/usr/bin/env node
// `npm run course -- --out site/`: publishes the course as a static JupyterLite site — the students' copies of every
// lesson in notebooks/lessons/, one folder per level (1-beginner/, 2-intermediate/, 3-advanced/), a README.md that
// lists them in teaching order, the ImmunoTwin extension and its in-browser twin kernels. Nothing is loaded from
// another server: copy the folder to any static host (docs/deploy.md). The teacher versions (solutions) stay out.
// Expects `npm run build` first (`npm run course` does it).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLite } from './lite.mjs';
import { LESSONS_DIR, LEVELS } from './write-lessons.mjs';

const USAGE = `usage: npm run course -- [--out <folder>]

Builds the course site (the lessons' student copies, grouped by level, with the twin kernels) into <folder>
(default dist/course). The folder is replaced; it must be empty, missing or an earlier course site.`;

/** The folder a level's lessons go in: its place in the teaching order and its name, e.g. `1-beginner`. */
export const levelFolder = (level) => `${LEVELS.indexOf(level) + 1}-${level.toLowerCase()}`;

/** Every student lesson with what the course lists of it: id, level, topic, order and title (its first heading). */
export function courseLessons(dir = LESSONS_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ipynb'))
    .map((name) => {
      const notebook = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      const { id, level, topic, order } = notebook.metadata.immunotwin.lesson;
      const heading = notebook.cells
        .filter((cell) => cell.cell_type === 'markdown')
        .map((cell) => /^#\s+(.+)$/m.exec([cell.source].flat().join(''))?.[1])
        .find(Boolean);
      return { id, file: name, level, topic, order, title: heading ?? id, text: JSON.stringify(notebook, null, 1) };
    })
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.order - b.order || a.id.localeCompare(b.id));
}

/** The course's README.md: how to start and one table of the lessons in teaching order. */
export function courseReadme(lessons) {
  const rows = lessons.map(
    (lesson, i) =>
      `| ${i + 1} | [${lesson.title}](${levelFolder(lesson.level)}/${lesson.file}) | ${lesson.level} | ${lesson.topic} |`,
  );
  return `# ImmunoTwin course

Lessons on immune-system twins that run in this browser tab: nothing to install, and nothing you do leaves your
computer. Open a lesson (double-click it in the file browser, or use the links below), run its cells from the top
(Shift+Enter), and answer each task in its cell; \`await twin.check(…)\` says whether your answer is right.

Your work is kept in this browser's storage for this site. To keep a copy elsewhere, right-click the notebook in the
file browser and choose Download.

| # | lesson | level | topic |
| - | ------ | ----- | ----- |
${rows.join('\n')}
`;
}

/** Lays the course's files out in `folder`: a folder per level with its lessons, and the README. */
export function stageCourse(folder, lessons = courseLessons()) {
  for (const lesson of lessons) {
    const level = join(folder, levelFolder(lesson.level));
    mkdirSync(level, { recursive: true });
    writeFileSync(join(level, lesson.file), `${lesson.text}\n`);
  }
  writeFileSync(join(folder, 'README.md'), courseReadme(lessons));
}

/** Refuses to replace a folder that holds something other than an earlier site (the build empties its output). */
function checkOutput(out) {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes('jupyter-lite.json')) {
    console.error(`ImmunoTwin: ${out} is not empty and is not a course site; choose another --out folder.`);
    process.exit(2);
  }
}

/** Builds the course site into `out`; returns the lessons it holds. */
export function buildCourse(out) {
  checkOutput(out);
  const lessons = courseLessons();
  const staging = mkdtempSync(join(tmpdir(), 'immunotwin-course-'));
  try {
    stageCourse(staging, lessons);
    buildLite({ output: out, contents: { folder: staging, ignore: [] } });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  // GitHub Pages runs Jekyll on a site unless told not to; Jekyll would drop files and folders starting with _.
  writeFileSync(join(out, '.nojekyll'), '');
  return lessons;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  if (args.length > 0 && !(args.length === 2 && args[0] === '--out')) {
    console.error(USAGE);
    process.exit(2);
  }
  const out = resolve(args[1] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'course'));
  const lessons = buildCourse(out);
  console.error(`ImmunoTwin: the course site (${lessons.length} lessons) is in ${out}.`);
  console.error(`Try it: python3 -m http.server --directory ${out} 8000, then open http://localhost:8000/`);
  console.error('Publish it on any static host: docs/deploy.md.');
}
