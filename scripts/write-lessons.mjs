#!/usr/bin/env node
// Writes each lesson's two notebooks from its source in notebooks/lesson-sources/<id>.md:
// - notebooks/teacher/<id>.ipynb: the nbgrader *source* version (solutions, teacher notes, nbgrader cell metadata),
//   what a teacher puts in nbgrader's source/<assignment>/ folder;
// - notebooks/lessons/<id>.ipynb: the student version, as `nbgrader generate_assignment` makes it with
//   notebooks/teacher/nbgrader_config.py (solution regions replaced by the code stub, teacher notes left out),
//   which the launcher and the template dialog offer.
// `--check` fails when a written notebook differs from its source (run by test/lessons.test.ts).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where lesson sources are. */
export const SOURCES_DIR = join(root, 'notebooks', 'lesson-sources');
/** Where the student versions go. */
export const LESSONS_DIR = join(root, 'notebooks', 'lessons');
/** Where the teacher (nbgrader source) versions go. */
export const TEACHER_DIR = join(root, 'notebooks', 'teacher');

/** What replaces a solution region (nbgrader's ClearSolutions.code_stub for TypeScript, in nbgrader_config.py). */
export const CODE_STUB =
  "// YOUR ANSWER HERE\nthrow new Error('No answer yet: replace these two lines with your code');";

/** The in-browser kernels by model: their kernelspec names and display names (the extension's twin kernelspecs). */
const KERNELS = {
  'target-cell-limited': 'Within-host Twin',
  'immune-system': 'Immune System Twin',
  lung: 'Lung Twin',
};

/** The levels in teaching order (the launcher and the template dialog sort by it). */
export const LEVELS = ['Beginner', 'Intermediate', 'Advanced'];

/** Splits a source into its front matter and its cells (`<!-- cell: kind args -->` starts each cell). */
export function parseLesson(text, file) {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!front) throw new Error(`${file}: a lesson source starts with front matter between --- lines`);
  const meta = parseYaml(front[1]);
  for (const key of ['level', 'topic', 'order', 'kernel']) {
    if (meta[key] === undefined) throw new Error(`${file}: front matter needs "${key}"`);
  }
  if (!LEVELS.includes(meta.level)) throw new Error(`${file}: level "${meta.level}"; allowed: ${LEVELS.join(', ')}`);
  if (!KERNELS[meta.kernel])
    throw new Error(`${file}: kernel "${meta.kernel}"; allowed: ${Object.keys(KERNELS).join(', ')}`);
  const cells = [];
  const marker = /^<!-- cell: (\w+)(.*?) -->$/;
  let current;
  for (const line of text.slice(front[0].length).split('\n')) {
    const m = marker.exec(line);
    if (m) {
      current = {
        kind: m[1],
        args: Object.fromEntries(
          m[2]
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map((a) => a.split('=')),
        ),
        lines: [],
      };
      cells.push(current);
    } else if (current) current.lines.push(line);
    else if (line.trim()) throw new Error(`${file}: text before the first <!-- cell: … --> marker`);
  }
  for (const cell of cells) {
    while (cell.lines.length && !cell.lines[cell.lines.length - 1].trim()) cell.lines.pop();
    while (cell.lines.length && !cell.lines[0].trim()) cell.lines.shift();
    if (!['markdown', 'code', 'answer', 'check', 'teacher'].includes(cell.kind)) {
      throw new Error(`${file}: unknown cell kind "${cell.kind}"`);
    }
  }
  return { meta, cells };
}

/** nbformat's list-of-lines source. */
const sourceLines = (text) => text.split('\n').map((line, i, all) => (i < all.length - 1 ? `${line}\n` : line));

/** Replaces each `// BEGIN SOLUTION` … `// END SOLUTION` region by the stub, at the region's indentation. */
export function clearSolutions(text, file) {
  const out = [];
  let inside = false;
  let found = false;
  for (const line of text.split('\n')) {
    if (/BEGIN SOLUTION/.test(line)) {
      if (inside) throw new Error(`${file}: nested BEGIN SOLUTION`);
      inside = found = true;
      const indent = /^\s*/.exec(line)[0];
      out.push(...CODE_STUB.split('\n').map((stub) => indent + stub));
    } else if (/END SOLUTION/.test(line)) {
      if (!inside) throw new Error(`${file}: END SOLUTION without BEGIN SOLUTION`);
      inside = false;
    } else if (!inside) out.push(line);
  }
  if (inside || !found) throw new Error(`${file}: an answer cell needs one // BEGIN SOLUTION … // END SOLUTION region`);
  return out.join('\n');
}

/** An nbgrader grade id from a task id (nbgrader allows letters, digits, _ and - only). */
const gradeId = (task) => task.replace(/\./g, '_');

/** The nbgrader metadata of a cell (schema 3), or undefined for an ordinary cell. */
function nbgraderOf(cell, index, file) {
  if (cell.kind === 'answer') {
    return {
      grade: false,
      grade_id: `${gradeId(cell.args.task)}-answer`,
      locked: false,
      schema_version: 3,
      solution: true,
      task: false,
    };
  }
  if (cell.kind === 'check') {
    const points = Number(cell.args.points ?? 1);
    if (!(points > 0)) throw new Error(`${file}: cell ${index}: points must be positive`);
    return {
      grade: true,
      grade_id: `${gradeId(cell.args.task)}-check`,
      locked: true,
      points,
      schema_version: 3,
      solution: false,
      task: false,
    };
  }
  return undefined;
}

/** The teacher (`teacher: true`) or student notebook of a parsed lesson. */
export function lessonNotebook({ meta, cells }, id, teacher, file) {
  const out = [];
  cells.forEach((cell, index) => {
    if (cell.kind === 'teacher' && !teacher) return;
    const text = cell.lines.join('\n');
    const code = ['code', 'answer', 'check'].includes(cell.kind);
    const metadata = {};
    const nbgrader = nbgraderOf(cell, index, file);
    if (nbgrader) metadata.nbgrader = nbgrader;
    if (cell.kind === 'teacher') metadata.tags = ['teacher-notes'];
    const source = cell.kind === 'answer' && !teacher ? clearSolutions(text, file) : text;
    if (cell.kind === 'answer') clearSolutions(text, file); // checks the region in both versions
    out.push(
      code
        ? {
            cell_type: 'code',
            execution_count: null,
            id: `${id}-${index}`,
            metadata,
            outputs: [],
            source: sourceLines(source),
          }
        : { cell_type: 'markdown', id: `${id}-${index}`, metadata, source: sourceLines(source) },
    );
  });
  return {
    cells: out,
    metadata: {
      immunotwin: { lesson: { id, level: meta.level, topic: meta.topic, order: meta.order } },
      kernelspec: { name: `immunotwin-${meta.kernel}`, display_name: KERNELS[meta.kernel], language: 'typescript' },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Every lesson's file name and both notebooks as text, in file-name order. */
export function renderLessons(dir = SOURCES_DIR) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.md$/, '');
      const parsed = parseLesson(readFileSync(join(dir, name), 'utf8'), name);
      const text = (teacher) => `${JSON.stringify(lessonNotebook(parsed, id, teacher, name), null, 1)}\n`;
      return { id, student: text(false), teacher: text(true) };
    });
}

/** Writes (or with `check`, compares) the notebooks; returns the files that differ. */
export function writeLessons({ check = false } = {}) {
  const stale = [];
  for (const lesson of renderLessons()) {
    for (const [dir, text] of [
      [LESSONS_DIR, lesson.student],
      [TEACHER_DIR, lesson.teacher],
    ]) {
      const file = join(dir, `${lesson.id}.ipynb`);
      if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
      stale.push(file);
      if (!check) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, text);
      }
    }
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = writeLessons({ check });
  if (check && stale.length) {
    console.error(
      `Lesson notebooks differ from their sources (run node scripts/write-lessons.mjs):\n${stale.join('\n')}`,
    );
    process.exit(1);
  }
}
