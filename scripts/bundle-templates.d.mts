// Types of scripts/bundle-templates.mjs, for the tests that import it.

/** A bundled template: its file name, title, description, kernel and the notebook itself. */
export interface TemplateEntry {
  file: string;
  title: string;
  description: string;
  kernelName: string;
  kernelDisplayName: string;
  notebook: { cells: { cell_type: string; source: string | string[] }[]; metadata: Record<string, unknown> };
}
export declare const NOTEBOOKS_DIR: string;
export declare const CATALOG_FILE: string;
export declare function describeNotebook(notebook: unknown, file: string): { title: string; description: string };
export declare function readTemplates(dir?: string): TemplateEntry[];
export declare function writeCatalog(dir?: string, file?: string): boolean;
