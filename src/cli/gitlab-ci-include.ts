// CLI, init: the block of `.gitlab-ci.yml` that includes gump's generated pipelines. Each
// `.gitlab/gump/<name>.yml` is included only when the pipeline variable `GUMP_WORKFLOW` names it
// (`include: rules:`), so the project's own pipelines are unchanged and a gump pipeline holds one
// workflow. Only the lines between the markers are gump's; the file is edited as text (comments
// and layout kept): the block is appended as a new `include:`, or put first in an existing block
// list, or refused with the lines to add by hand when `include:` has another form.

const BEGIN = '# >>> gump: gump workflows, run when GUMP_WORKFLOW names one (gump init --target gitlab)';
const END = '# <<< gump';

export function includeItems(workflows: readonly string[], indent: string): string[] {
  return workflows.flatMap((w) => [
    `${indent}- local: .gitlab/gump/${w}.yml`,
    `${indent}  rules:`,
    `${indent}    - if: $GUMP_WORKFLOW == "${w}"`,
  ]);
}

export type IncludeEdit = { text: string } | { manual: string };

/** The file's text with gump's includes added or replaced (LF, trailing newline). */
export function withGitlabInclude(current: string | undefined, workflows: readonly string[]): IncludeEdit {
  const text = current ?? '';
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const start = lines.findIndex((l) => l.trimStart() === BEGIN);
  const end = start >= 0 ? lines.findIndex((l, i) => i > start && l.trimStart() === END) : -1;
  if (start >= 0 && end >= 0) {
    const indent = /^\s*/.exec(lines[start]!)![0];
    const top = indent === '' && lines[start + 1] === 'include:';
    const block = top
      ? [BEGIN, 'include:', ...includeItems(workflows, '  '), END]
      : [`${indent}${BEGIN}`, ...includeItems(workflows, indent), `${indent}${END}`];
    return { text: finish([...lines.slice(0, start), ...block, ...lines.slice(end + 1)]) };
  }
  const at = lines.findIndex((l) => /^include\s*:/.test(l));
  if (at < 0)
    return {
      text: finish([
        ...lines,
        ...(lines.length > 0 ? [''] : []),
        BEGIN,
        'include:',
        ...includeItems(workflows, '  '),
        END,
      ]),
    };
  // An existing block list: our items go first, at its indentation.
  const next = lines.slice(at + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (/^include\s*:\s*(#.*)?$/.test(lines[at]!) && next !== undefined && /^\s+- /.test(next)) {
    const indent = /^\s*/.exec(next)![0];
    return {
      text: finish([
        ...lines.slice(0, at + 1),
        `${indent}${BEGIN}`,
        ...includeItems(workflows, indent),
        `${indent}${END}`,
        ...lines.slice(at + 1),
      ]),
    };
  }
  return { manual: ['include:', ...includeItems(workflows, '  ')].join('\n') };
}

function finish(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
