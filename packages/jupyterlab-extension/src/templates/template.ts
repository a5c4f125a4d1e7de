// What the launcher and the template dialog know of a template, and how they group them (no catalog data here).

/**
 * A notebook template: one of the notebooks in the repository's `notebooks/` (or a lesson in `notebooks/lessons/`),
 * bundled at build time; its notebook comes from `loadTemplateNotebook` (catalog.ts).
 */
export interface INotebookTemplate {
  /** File name in `notebooks/` (also the name a copy starts from). */
  readonly file: string;
  /** The first heading of its first markdown cell. */
  readonly title: string;
  /** The paragraph under that heading, as plain text. */
  readonly description: string;
  /** The kernel it runs on. */
  readonly kernelName: string;
  /** That kernel's display name. */
  readonly kernelDisplayName: string;
  /** A lesson's level, topic and order (lessons only: notebooks/lessons/). */
  readonly lesson?: ILessonInfo;
}

/** Where a lesson stands in the course. */
export interface ILessonInfo {
  /** Beginner, Intermediate or Advanced. */
  readonly level: string;
  /** What it is about, e.g. "Virus dynamics". */
  readonly topic: string;
  /** Its place in the course (levels and topics come in the order of their first lesson). */
  readonly order: number;
}

/** Templates shown together: the notebooks, or the lessons of one level and topic. */
export interface ITemplateGroup {
  /** The group's heading, e.g. "Lessons · Beginner · Virus dynamics". */
  readonly label: string;
  /** The level of a lessons group. */
  readonly level?: string;
  /** Its templates, lessons in course order. */
  readonly templates: readonly INotebookTemplate[];
}

/**
 * The templates grouped for a picker: the notebooks first (file-name order), then the lessons by level and topic,
 * levels and topics in the order of their first lesson and lessons in course order.
 */
export function templateGroups(templates: readonly INotebookTemplate[]): ITemplateGroup[] {
  const groups: ITemplateGroup[] = [];
  const notebooks = templates.filter((t) => !t.lesson);
  if (notebooks.length > 0) groups.push({ label: 'Notebooks', templates: notebooks });
  const lessons = templates.filter((t) => t.lesson).sort((a, b) => a.lesson!.order - b.lesson!.order);
  // Sets keep the order of first appearance: levels and topics come in the order of their first lesson.
  const levels = new Set(lessons.map((t) => t.lesson!.level));
  for (const level of levels) {
    const ofLevel = lessons.filter((t) => t.lesson!.level === level);
    for (const topic of new Set(ofLevel.map((t) => t.lesson!.topic))) {
      groups.push({
        label: `Lessons · ${level} · ${topic}`,
        level,
        templates: ofLevel.filter((t) => t.lesson!.topic === topic),
      });
    }
  }
  return groups;
}
