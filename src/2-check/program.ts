// Check phase driver: parses and checks one workflow and, recursively, every callee it reaches
// (memoised per file, cycles detected). The pipeline per file is parse → model → passes → rules:
// the passes compute the facts every rule and lowering read (callees, bound templates and prompt
// texts, inputs), each once; the rules then only report (run-rules.ts), never writing the model.

import { parseWorkflow } from '../1-parse/parse.js';
import { Collector, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { WorkflowAst } from '../1-parse/ast.js';
import { bindTemplates } from './bind-templates.js';
import { buildModel } from './build-model.js';
import { checkConfig, type GumpConfig } from './check-config.js';
import { collectInputs } from './collect-inputs.js';
import type { CalleeKind, ProjectHost, SourceFile } from './host.js';
import type { CheckedWorkflow } from './model.js';
import { resolveCallees } from './resolve-callees.js';
import { runRules } from './run-rules.js';
import type { CheckOptions, RuleContext } from './rule.js';

export interface CheckResult {
  /** Null when the file could not be parsed (its diagnostics say why). */
  workflow: CheckedWorkflow | null;
  diagnostics: Diagnostic[];
}

export class Program {
  private readonly done = new Map<string, CheckResult>();
  private configResult: { config: GumpConfig; diagnostics: Diagnostic[] } | null | undefined;
  /** Files being checked, outermost first: a callee already on the stack is a cycle. */
  readonly stack: string[] = [];

  constructor(
    readonly host: ProjectHost,
    readonly options: CheckOptions = {},
  ) {}

  /** The project's gump.toml, read and checked once per program; null when there is none. */
  config(): { config: GumpConfig; diagnostics: Diagnostic[] } | null {
    if (this.configResult === undefined) {
      const file = this.host.config();
      this.configResult = file ? checkConfig(file) : null;
    }
    return this.configResult;
  }

  check(source: SourceFile): CheckResult {
    const cached = this.done.get(source.file);
    if (cached) return cached;
    this.stack.push(source.file);
    const out = new Collector(source.file);
    const ast = parseWorkflow(source.file, source.text, out);
    let workflow: CheckedWorkflow | null = null;
    if (ast) {
      workflow = this.analyse(ast, source, out);
      this.report({
        wf: workflow,
        source,
        out,
        options: this.options,
        config: this.config()?.config,
        root: this.stack.length === 1,
      });
    }
    this.stack.pop();
    const result: CheckResult = { workflow, diagnostics: sortDiagnostics(out.diagnostics) };
    this.done.set(source.file, result);
    return result;
  }

  /** Run the rules over the complete model (a seam: tests freeze the model first). */
  protected report(ctx: RuleContext): void {
    runRules(ctx);
  }

  /** The passes, in dependency order; only the resolve pass reports (GUMP118–121, 127). */
  private analyse(ast: WorkflowAst, source: SourceFile, out: Collector): CheckedWorkflow {
    const model = buildModel(ast);
    const callees = resolveCallees(model, this, out);
    const { templates, prompts } = bindTemplates(model, source, this.host);
    const resolved = { ...model, callees, templates };
    return { ...resolved, prompts, ...collectInputs(resolved) };
  }

  /** Check a callee by normalised name; undefined when it does not resolve. */
  checkCallee(
    name: string,
    as: CalleeKind,
  ): { source: SourceFile; result?: CheckResult; cycle?: string[] } | undefined {
    const source = this.host.resolve(name, as);
    if (!source) return undefined;
    const at = this.stack.indexOf(source.file);
    if (at >= 0) return { source, cycle: [...this.stack.slice(at), source.file] };
    return { source, result: this.check(source) };
  }
}
