// Parse phase: the gump template language (language.md §14.1) → literal text and placeholders.
// Pure; used by the checker for static references and by lowering to pre-parse templates.

/** `{REF}` found in a template, with its place in the *value* string (braces included). */
export interface Placeholder {
  /** Text between the braces: `converge.output`, `task.name`, `decompose/x/impl.diff`. */
  ref: string;
  start: number;
  end: number;
  parsed: ParsedRef;
}

export type ParsedRef =
  /** `{name}`: reserved name, input or (wrongly) a step. */
  | { kind: 'bare'; name: string }
  /** `{name.f1.f2}`: step field or namespace (`task`, `prev`, `gate`, `steps`, `item`). */
  | { kind: 'dotted'; name: string; fields: string[] }
  /** `{a/b/c.f}`: qualified step path from the workflow root. */
  | { kind: 'qualified'; path: string[]; fields: string[] };

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'ref'; ref: string; parsed: ParsedRef };

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SEG = /^[A-Za-z0-9_-]+$/;
const PSEG = /^[A-Za-z0-9._-]+$/;

/** Parse the text between braces per the REF grammar, or undefined when it is literal text. */
export function parseRef(ref: string): ParsedRef | undefined {
  if (ref.includes('/')) {
    const segs = ref.split('/');
    const last = segs[segs.length - 1]!;
    const dot = last.indexOf('.');
    if (dot <= 0) return undefined;
    const path = [...segs.slice(0, -1), last.slice(0, dot)];
    const fields = last.slice(dot + 1).split('.');
    if (!NAME.test(path[0]!)) return undefined;
    if (!path.slice(1).every((s) => PSEG.test(s))) return undefined;
    if (!fields.every((f) => SEG.test(f))) return undefined;
    return { kind: 'qualified', path, fields };
  }
  const parts = ref.split('.');
  const name = parts[0]!;
  if (!NAME.test(name)) return undefined;
  if (parts.length === 1) return { kind: 'bare', name };
  const fields = parts.slice(1);
  if (!fields.every((f) => SEG.test(f))) return undefined;
  return { kind: 'dotted', name, fields };
}

/** Split a template into literal text (escapes resolved) and references; never fails. */
export function parseTemplate(text: string): { parts: TemplatePart[]; placeholders: Placeholder[] } {
  const parts: TemplatePart[] = [];
  const placeholders: Placeholder[] = [];
  let buf = '';
  let open = 0;
  let i = 0;
  const flush = (): void => {
    if (buf.length > 0) parts.push({ kind: 'text', text: buf });
    buf = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      buf += '{';
      open++;
      i += 2;
      continue;
    }
    if (c === '}' && text[i + 1] === '}' && open > 0) {
      buf += '}';
      open--;
      i += 2;
      continue;
    }
    if (c === '{') {
      const close = text.indexOf('}', i + 1);
      if (close > i) {
        const ref = text.slice(i + 1, close);
        const parsed = parseRef(ref);
        if (parsed) {
          flush();
          parts.push({ kind: 'ref', ref, parsed });
          placeholders.push({ ref, start: i, end: close + 1, parsed });
          i = close + 1;
          continue;
        }
      }
    }
    buf += c;
    i++;
  }
  flush();
  return { parts, placeholders };
}
