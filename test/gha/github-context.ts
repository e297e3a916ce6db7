// The `github` context of a workflow_dispatch run, for one job (github.job, github.workspace).

import { asString, type Json } from './expressions.js';
import type { RunContext } from './job-context.js';

export function githubContext(run: RunContext, jobId: string, workspace: string): Record<string, Json> {
  const [owner = '', name = ''] = run.repository.split('/');
  return {
    event_name: 'workflow_dispatch',
    event: {
      inputs: Object.fromEntries(Object.entries(run.inputs).map(([k, v]) => [k, asString(v)])),
      ref: run.ref,
      repository: { full_name: run.repository, name, owner: { login: owner } },
      sender: { login: run.actor },
      workflow: run.workflowName,
    },
    repository: run.repository,
    repository_owner: owner,
    sha: run.sha,
    ref: run.ref,
    ref_name: run.ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: run.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    head_ref: '',
    base_ref: '',
    run_id: String(run.runId),
    run_number: String(run.runId),
    run_attempt: String(run.attempt),
    retention_days: '90',
    actor: run.actor,
    triggering_actor: run.actor,
    token: run.token,
    workspace,
    job: jobId,
    action: '',
    api_url: run.apiUrl,
    server_url: 'https://github.com',
    graphql_url: `${run.apiUrl}/graphql`,
    workflow: run.workflowName,
  };
}
