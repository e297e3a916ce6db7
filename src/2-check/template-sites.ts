// Check phase: every template field of a step with its evaluation context (language.md §14.3),
// and the source position of each placeholder, also inside block scalars and prompt files (§19).
// The sites are built once, by the bind pass (bind-templates.ts); rules visit them from the model.

import { posix } from 'node:path';
import type { GateAst, InputAst, RetryAst, TemplateAst } from '../1-parse/ast.js';
import type { LScalar, Span } from '../1-parse/located.js';
import { SourceText } from '../1-parse/source-map.js';
import { parseTemplate, type Placeholder } from '../1-parse/template.js';
import type { Diagnostic, Params, ReportExtra } from '../diagnostics/diagnostic.js';
import type { Binding } from './bind-reference.js';
import type { SourceFile } from './host.js';
import type { StepInfo, WorkflowModel } from './model.js';
import type { RuleContext } from './rule.js';

/** Where a template is rendered (§14.3); `step-no-error-diff` is the context `file:` path. */
export type TemplateContext = 'step' | 'step-no-error-diff' | 'caller' | 'gate' | 'retry';

export type SiteKind =
  | 'prompt'
  | 'retry-prompt'
  | 'agent'
  | 'retry-agent'
  | 'context-file'
  | 'get-input'
  | 'with'
  | 'gate-input'
  | 'retry-with';

export interface TemplateSite {
  kind: SiteKind;
  context: TemplateContext;
  template: TemplateAst;
  /** Bound to another workflow (get inputs, call/retry `with:`, validator gate inputs): no GUMP511. */
  bound: boolean;
  /** The text the template's node is located in: the workflow, or a `prompt: {file}` file. */
  source: SourceText;
  /** Display path of that text when it is not the workflow itself (a prompt file). */
  file?: string;
  /** The input this value binds, for bound sites. */
  input?: InputAst;
  gate?: GateAst;
  retry?: RetryAst;
}

/** A site with what each of its placeholders denotes, in `template.placeholders` order. */
export interface BoundSite extends TemplateSite {
  bindings: readonly Binding[];
}

/** `prompt: {file}` texts by path as written (undefined: unreadable), read once per workflow. */
export type PromptTexts = ReadonlyMap<string, string | undefined>;

/** Every template field of one step, in source order of the step's keys. */
export function templateSites(
  step: StepInfo,
  wf: Pick<WorkflowModel, 'ast'>,
  from: SourceFile,
  prompts: PromptTexts,
): TemplateSite[] {
  const ast = step.ast;
  const source = wf.ast.source;
  const sites: TemplateSite[] = [];
  const add = (
    kind: SiteKind,
    context: TemplateContext,
    template: TemplateAst,
    bound: boolean,
    extra: Partial<TemplateSite> = {},
  ): void => {
    sites.push({ kind, context, template, bound, source, ...extra });
  };

  const prompt = ast.prompt?.value;
  if (prompt?.kind === 'inline') add('prompt', 'step', prompt.template, false);
  else if (prompt?.kind === 'file') {
    const file = promptFile(prompt.path, from, prompts.get(prompt.path));
    if (file) add('prompt', 'step', file.template, false, { source: file.source, file: file.display });
  }
  const agent = ast.agent?.value;
  if (agent?.kind === 'template') add('agent', 'step', agent.template, false);
  for (const entry of ast.context?.value ?? [])
    if (entry.kind === 'file') add('context-file', 'step-no-error-diff', entry.path, false);
  if (ast.keys.has('getWorkflow'))
    for (const input of ast.getInputs) if (input.value) add('get-input', 'step', input.value, true, { input });
  if (ast.keys.has('workflow'))
    for (const input of ast.with?.value ?? []) if (input.value) add('with', 'caller', input.value, true, { input });
  for (const gate of ast.gate?.value ?? []) {
    for (const input of gate.inputs) if (input.value) add('gate-input', 'gate', input.value, true, { input, gate });
  }
  for (const retry of ast.retry?.value ?? []) {
    if (retry.prompt) add('retry-prompt', 'step', retry.prompt.value, false, { retry });
    const ra = retry.agent?.value;
    if (ra?.kind === 'template') add('retry-agent', 'step', ra.template, false, { retry });
    for (const input of retry.with?.value ?? [])
      if (input.value) add('retry-with', 'retry', input.value, true, { input, retry });
  }
  return sites;
}

/** A `prompt: {file}` text as a template located in its own file; undefined when unreadable (GUMP221). */
function promptFile(
  path: string,
  from: SourceFile,
  text: string | undefined,
): { template: TemplateAst; source: SourceText; display: string } | undefined {
  if (text === undefined) return undefined;
  const source = new SourceText(text);
  // Style `none`: the whole file is the value, no block header to skip.
  const node: LScalar = { kind: 'scalar', value: text, style: 'none', span: source.span(0, text.length) };
  const { placeholders } = parseTemplate(text);
  const display = posix.normalize(posix.join(posix.dirname(from.file), path));
  return { template: { text, placeholders, node, span: node.span }, source, display };
}

/**
 * Source span of a placeholder. Its offsets are in the template's *value*; the value and the raw
 * source slice hold the same braces (folding, indentation and quoting never touch a `{REF}`), so
 * the k-th placeholder with this text in the value is the k-th one in the raw slice.
 */
export function placeholderSpan(source: SourceText, tpl: TemplateAst, ph: Placeholder): Span {
  const node = tpl.node;
  let from = node.span.offset;
  const to = node.span.endOffset;
  if (node.kind === 'scalar' && node.style === 'block') {
    // Skip the block header (`|`, `>-`, `|2 # comment`).
    const nl = source.text.indexOf('\n', from);
    if (nl >= 0 && nl < to) from = nl + 1;
  }
  const raw = source.text.slice(from, to);
  const text = `{${ph.ref}}`;
  const k = tpl.placeholders.filter((p) => p.ref === ph.ref && p.start < ph.start).length;
  let at = parseTemplate(raw).placeholders.filter((p) => p.ref === ph.ref)[k]?.start;
  if (at === undefined) {
    let i = -1;
    for (let n = 0; n <= k; n++) {
      i = raw.indexOf(text, i + 1);
      if (i < 0) break;
    }
    if (i >= 0) at = i;
  }
  if (at === undefined) return node.span;
  return source.span(from + at, from + at + text.length);
}

export interface PlaceholderVisit {
  step: StepInfo;
  site: BoundSite;
  ph: Placeholder;
  /** What the placeholder denotes, bound once by the bind pass. */
  binding: Binding;
}

/** Visit every placeholder of every template field of the workflow (steps preorder). */
export function forEachPlaceholder(ctx: Pick<RuleContext, 'wf'>, visit: (v: PlaceholderVisit) => void): void {
  for (const step of ctx.wf.steps) {
    for (const site of ctx.wf.templates.get(step) ?? []) {
      site.template.placeholders.forEach((ph, i) => visit({ step, site, ph, binding: site.bindings[i]! }));
    }
  }
}

/** Report a diagnostic at a placeholder, in the prompt file when the template lives there. */
export function reportAtPlaceholder(
  ctx: RuleContext,
  v: PlaceholderVisit,
  code: string,
  params: Params = {},
  extra: ReportExtra = {},
): Diagnostic {
  const d = ctx.out.report(code, placeholderSpan(v.site.source, v.site.template, v.ph), params, extra);
  if (v.site.file !== undefined) d.file = v.site.file;
  return d;
}
