// The whole pipeline in one screen: source → parse → AST → check → checked model + diagnostics
// (language.md §19) → lower → Plan IR → emit(target) → files. The CLI commands and the test
// harnesses call these two functions instead of wiring the phases themselves.

import { Program, type CheckResult } from './2-check/program.js';
import type { ProjectHost, SourceFile } from './2-check/host.js';
import type { CheckOptions } from './2-check/rule.js';
import type { GumpConfig } from './2-check/check-config.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { lowerPlan, serialisePlan } from './3-lower/lower.js';
import type { Plan } from '../protocol/plan.js';
import { planPath } from '../protocol/runtime-cli.js';
import { DEFAULT_CI_OPTIONS, type CiOptions } from '../targets/ci/options.js';
import type { Target } from '../targets/ci/limits.js';
import { emitGithub, emitGithubAction, type EmittedFile } from '../targets/github/emit.js';
import { emitGitlab } from '../targets/gitlab/emit.js';
import { VERSION } from './version.js';

export interface CheckFilesResult {
  results: CheckResult[];
  /** Project configuration diagnostics (gump.toml), reported once. */
  configDiagnostics: Diagnostic[];
  /** The project's gump.toml as checked, when there is one. */
  config?: GumpConfig;
}

/** Check workflow files of one project: each with its callees, plus the project's gump.toml. */
export function checkFiles(host: ProjectHost, files: SourceFile[], options: CheckOptions = {}): CheckFilesResult {
  const program = new Program(host, options);
  const config = program.config();
  const results = files.map((f) => program.check(f));
  return { results, configDiagnostics: config?.diagnostics ?? [], ...(config ? { config: config.config } : {}) };
}

export interface CompiledWorkflow {
  source: SourceFile;
  diagnostics: Diagnostic[];
  /** Absent when the workflow has errors. */
  plan?: Plan;
  /** The workflow's own output files (its plan, its pipelines), repository-relative. */
  files: EmittedFile[];
}

export interface CompileResult {
  workflows: CompiledWorkflow[];
  configDiagnostics: Diagnostic[];
  /** Files every workflow shares (the GitHub composite action); empty when a workflow has errors. */
  shared: EmittedFile[];
  /** Every diagnostic, configuration first. */
  diagnostics: Diagnostic[];
}

/** parse → check → lower → emit, for the plan and each CI target. Writes nothing. */
export function compile(host: ProjectHost, files: SourceFile[], targets: readonly Target[] = []): CompileResult {
  const { results, configDiagnostics, config } = checkFiles(host, files, targets[0] ? { target: targets[0] } : {});
  const ci = ciOptions(config);
  const workflows = results.map((result, i): CompiledWorkflow => {
    const source = files[i]!;
    if (!result.workflow || result.diagnostics.some((d) => d.severity === 'error'))
      return { source, diagnostics: result.diagnostics, files: [] };
    const plan = lowerPlan(result.workflow, source.file);
    const name = workflowName(source.file);
    const out: EmittedFile[] = [{ path: planPath(name), text: serialisePlan(plan) }];
    if (targets.includes('github')) out.push(emitGithub(plan, name, ci));
    if (targets.includes('gitlab')) out.push(...emitGitlab(plan, name, ci, config?.ci.image));
    return { source, diagnostics: result.diagnostics, plan, files: out };
  });
  const diagnostics = [...configDiagnostics, ...results.flatMap((r) => r.diagnostics)];
  const failed = diagnostics.some((d) => d.severity === 'error');
  const shared = !failed && targets.includes('github') ? [emitGithubAction(VERSION, ci)] : [];
  return { workflows, configDiagnostics, shared, diagnostics };
}

/** `.gump/workflows/implement-spec.yaml`, `builtin:workflows/tdd.yaml` → `implement-spec`, `tdd`. */
export function workflowName(file: string): string {
  return (file.split(/[/:]/).pop() ?? file).replace(/\.ya?ml$/, '');
}

/** gump.toml `[ci]` over the defaults. */
export function ciOptions(config: GumpConfig | undefined): CiOptions {
  const c = config?.ci;
  const validationMinutes =
    config?.validation.timeoutMs !== undefined ? Math.ceil(config.validation.timeoutMs / 60_000) : undefined;
  return {
    ...DEFAULT_CI_OPTIONS,
    ...(c?.task_slots !== undefined ? { taskSlots: c.task_slots } : {}),
    ...(c?.max_parallel !== undefined ? { maxParallel: c.max_parallel } : {}),
    ...(c?.approval !== undefined ? { approval: c.approval } : {}),
    ...(c?.environment !== undefined ? { environment: c.environment } : {}),
    ...(c?.node_version !== undefined ? { nodeVersion: c.node_version } : {}),
    ...(c?.runs_on !== undefined ? { runsOn: c.runs_on } : {}),
    ...(c?.retention_days !== undefined ? { retentionDays: c.retention_days } : {}),
    ...(c?.attempt_minutes !== undefined ? { attemptMinutes: c.attempt_minutes } : {}),
    ...(validationMinutes !== undefined ? { gateMinutes: validationMinutes } : {}),
    pins: { ...(c?.pins ?? {}) },
  };
}
