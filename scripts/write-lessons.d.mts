// Types of scripts/write-lessons.mjs, for the tests that import it.

/** One lesson's id and its two notebooks as text. */
export interface RenderedLesson {
  id: string;
  student: string;
  teacher: string;
}
export declare const SOURCES_DIR: string;
export declare const LESSONS_DIR: string;
export declare const TEACHER_DIR: string;
export declare const CODE_STUB: string;
export declare const LEVELS: string[];
export declare function renderLessons(dir?: string): RenderedLesson[];
export declare function writeLessons(options?: { check?: boolean }): string[];
