/** One change to a source text: replace `[start, end)` with `text` (an insertion when start === end). */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly order: number;
}

/**
 * A list of non-overlapping replacements and insertions on a source text, applied in one pass. At one
 * position, insertions go before a replacement and otherwise apply in the order they were added, so a
 * visitor that adds a node's opening text before visiting its children and its closing text after them
 * nests correctly.
 */
export class SourceEdits {
  private readonly edits: Edit[] = [];

  constructor(private readonly source: string) {}

  /** Inserts `text` before the character at `position`. */
  insert(position: number, text: string): void {
    this.edits.push({ start: position, end: position, text, order: this.edits.length });
  }

  /**
   * Replaces `[start, end)` with `text`, keeping the line breaks of the replaced text (appended after
   * `text`) so that every later line keeps its number.
   */
  replace(start: number, end: number, text: string): void {
    const breaks = this.source.slice(start, end).replace(/[^\n]/g, '');
    this.edits.push({ start, end, text: text + breaks, order: this.edits.length });
  }

  /** The source with every edit applied. */
  apply(): string {
    const isReplacement = (edit: Edit): number => (edit.end > edit.start ? 1 : 0);
    const sorted = [...this.edits].sort(
      (a, b) => a.start - b.start || isReplacement(a) - isReplacement(b) || a.order - b.order,
    );
    let out = '';
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start < cursor) throw new Error(`overlapping source edits at offset ${edit.start}`);
      out += this.source.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return out + this.source.slice(cursor);
  }
}
