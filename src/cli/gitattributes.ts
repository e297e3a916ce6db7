// CLI, compile: the block of `.gitattributes` that marks gump's generated files
// `linguist-generated` (collapsed in diffs, left out of language statistics). Only the block
// between the markers is gump's; everything else in the file is kept as it is.

import type { Target } from '../../targets/ci/limits.js';

const BEGIN = '# >>> gump: generated files (gump compile) — do not edit this block';
const END = '# <<< gump';

export function gitattributesBlock(targets: readonly Target[]): string {
  const lines = ['.gump/compiled/** linguist-generated=true', '.gump/runtime/** linguist-generated=true'];
  if (targets.includes('github'))
    lines.push(
      '.github/workflows/gump-*.yml linguist-generated=true',
      '.github/actions/gump/** linguist-generated=true',
    );
  if (targets.includes('gitlab')) lines.push('.gitlab/gump/** linguist-generated=true');
  return [BEGIN, ...lines, END].join('\n');
}

/** The file's text with gump's block added or replaced (LF, trailing newline). */
export function withGitattributes(current: string | undefined, targets: readonly Target[]): string {
  const block = gitattributesBlock(targets);
  if (current === undefined || current === '') return `${block}\n`;
  const start = current.indexOf(BEGIN);
  const end = start >= 0 ? current.indexOf(END, start) : -1;
  if (start >= 0 && end >= 0) return current.slice(0, start) + block + current.slice(end + END.length);
  return `${current}${current.endsWith('\n') ? '' : '\n'}${block}\n`;
}
