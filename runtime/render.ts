// Template rendering (language.md §14.1): one pass over the compiler's pre-parsed parts; values are
// inserted verbatim; a line holding a placeholder that renders to only whitespace disappears with
// its line break; unbound values render empty. Never fails.

import type { StateRef, Template, TemplateRef } from '../protocol/plan.js';

export interface RenderScope {
  reserved(name: 'spec' | 'attempt' | 'error' | 'diff' | 'output'): string;
  input(name: string): string;
  task(field: 'name' | 'description' | 'files'): string;
  prev(field: string): string;
  state(key: StateRef): string;
}

export function render(tpl: Template, scope: RenderScope): string {
  const lines: { text: string; hasRef: boolean }[] = [{ text: '', hasRef: false }];
  const append = (text: string, isRef: boolean): void => {
    const pieces = text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push({ text: '', hasRef: false });
      const line = lines[lines.length - 1]!;
      line.text += piece;
      if (isRef && i === 0) line.hasRef = true;
    });
    if (isRef) lines[lines.length - 1]!.hasRef = true;
  };
  for (const part of tpl.parts) {
    if (typeof part === 'string') append(part, false);
    else append(refValue(part, scope), true);
  }
  return lines
    .filter((line) => !(line.hasRef && line.text.trim() === ''))
    .map((line) => line.text)
    .join('\n');
}

function refValue(ref: TemplateRef, scope: RenderScope): string {
  switch (ref.kind) {
    case 'reserved':
      return scope.reserved(ref.name);
    case 'input':
      return scope.input(ref.name);
    case 'task':
      return scope.task(ref.field);
    case 'prev':
      return scope.prev(ref.field);
    case 'state':
      return scope.state(ref.key);
  }
}
