// Check phase, bind pass: every template field of every step (template-sites.ts) with what each
// placeholder denotes (bind-reference.ts), computed once per workflow; `prompt: {file}` texts are
// read here, once per path. Rules and lowering read the result from the model; no diagnostics.

import type { ProjectHost, SourceFile } from './host.js';
import type { StepInfo, WorkflowModel } from './model.js';
import { createBinder } from './bind-reference.js';
import { templateSites, type BoundSite, type PromptTexts } from './template-sites.js';

export interface BoundTemplates {
  templates: Map<StepInfo, BoundSite[]>;
  prompts: PromptTexts;
}

export function bindTemplates(model: WorkflowModel, source: SourceFile, host: ProjectHost): BoundTemplates {
  const prompts = new Map<string, string | undefined>();
  for (const step of model.steps) {
    const prompt = step.ast.prompt?.value;
    if (prompt?.kind === 'file' && !prompts.has(prompt.path))
      prompts.set(prompt.path, host.readRelative(source, prompt.path));
  }
  const bind = createBinder(model);
  const templates = new Map<StepInfo, BoundSite[]>();
  for (const step of model.steps) {
    const sites = templateSites(step, model, source, prompts).map((site) => ({
      ...site,
      bindings: site.template.placeholders.map((ph) => bind(step, site, ph.parsed)),
    }));
    templates.set(step, sites);
  }
  return { templates, prompts };
}
