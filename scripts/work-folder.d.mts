// Types of scripts/work-folder.mjs, for the tests that import it.

/** The default work folder, at the repository root and ignored by git. */
export declare const DEFAULT_WORK_FOLDER: string;
/** The user's work folder for `env` (created if missing); throws when it is notebooks/ or inside it. */
export declare function workFolder(env?: Record<string, string | undefined>): string;
