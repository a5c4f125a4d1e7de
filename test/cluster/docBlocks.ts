/**
 * The code blocks of docs/cluster.md that the tests run, found by the `<!-- tested by …: NAME -->` comment
 * above each, so the documentation shows exactly what is tested.
 */
import { readFileSync } from 'node:fs';

const clusterDoc = new URL('../../docs/cluster.md', import.meta.url);

/** The text of the code block that the comment `<!-- tested by …: name -->` marks in `markdown`. */
export function markedCodeBlock(markdown: string, name: string): string {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `<!-- tested by [^:>]+: ${escaped} -->\\s*\\n\`\`\`[\\w-]*\\n([\\s\\S]*?)\\n\`\`\`\\n`,
    'g',
  );
  const blocks = [...markdown.matchAll(pattern)].map((match) => `${match[1]}\n`);
  if (blocks.length !== 1) {
    throw new Error(`expected one code block marked "tested by …: ${name}", found ${blocks.length}`);
  }
  return blocks[0]!;
}

/** The code block `name` of docs/cluster.md. */
export function clusterDocBlock(name: string): string {
  return markedCodeBlock(readFileSync(clusterDoc, 'utf8'), name);
}

/** The one line of `script` that runs `command` (e.g. "immunotwin sweep"), without its indentation. */
export function commandLine(script: string, command: string): string {
  const lines = script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(`${command} `));
  if (lines.length !== 1) throw new Error(`expected one line running "${command}", found ${lines.length}`);
  return lines[0]!;
}
