// `gump graph <workflow> [--target github|gitlab]`: the CI job graph of a workflow as a Mermaid
// flowchart — the jobs the target emits, their needs and approval points; for GitLab, which
// pipeline (parent or dynamic child) holds each job, in stage order, and the triggers — without
// writing files.

import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { ciOptions, compile, workflowName } from '../compile.js';
import { Program } from '../2-check/program.js';
import { render } from '../diagnostics/render.js';
import { NodeHost } from '../project/node-host.js';
import { rootOption } from './root-option.js';
import { buildGraph } from '../../targets/ci/build-graph.js';
import { renderMermaid } from '../../targets/ci/mermaid.js';
import { renderGitlabGraph } from '../../targets/gitlab/graph.js';
import { oneOf, parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import { ROOT_OPTION, type CommandHelp } from './command-help.js';
import { loadFiles } from './load-files.js';

const help: CommandHelp = {
  usage: ['gump graph <workflow> [--target github|gitlab] [--root <dir>]'],
  description: `Prints the CI job graph of a workflow as a Mermaid flowchart: one node per job (a matrix of
parallel tasks is one node, approval jobs are hexagons), one edge per need. For GitLab, one subgraph
per pipeline — the parent and each dynamic child pipeline of a split — with its jobs in stage order,
a split's task jobs as one node and each trigger job's edge into its child. <workflow> is a file or
a name (.gump/workflows/<name>.yaml, then the built-in library).`,
  options: [['--target github|gitlab', 'the CI target whose jobs to draw (default github)'], ROOT_OPTION],
  exit: [
    [0, 'printed'],
    [1, 'errors in the workflow'],
    [2, 'usage or I/O error'],
  ],
};

export const graphCommand: Command = {
  summary: 'print the CI job graph of a workflow (Mermaid)',
  help,
  run(argv) {
    const args = parseArgs(argv, ['target', 'root'], ['help']);
    const target = oneOf('target', args.flags.get('target'), ['github', 'gitlab'] as const, 'github');
    const [workflow] = args.positionals;
    if (!workflow || args.positionals.length > 1) throw new UsageError('name one workflow');
    const rootFlag = args.flags.get('root');
    const root = rootOption(rootFlag, '.');
    const host = new NodeHost(root, root);
    const source = existsSync(resolve(workflow))
      ? loadFiles(host, [relative(root, resolve(workflow)).split(sep).join('/')])[0]!.source
      : host.resolve(workflow.replace(/\.ya?ml$/, ''), 'workflow');
    if (!source) throw new UsageError(`no workflow "${workflow}" (not a file, not in .gump/workflows/, not built in)`);
    const result = compile(host, [source], [target]);
    const plan = result.workflows[0]?.plan;
    if (!plan) {
      process.stderr.write(render(result.diagnostics, 'text', host.sources()));
      return 1;
    }
    const options = ciOptions(new Program(host, {}).config()?.config);
    const graph = buildGraph(plan, options, target);
    const name = workflowName(source.file);
    const chart = target === 'gitlab' ? renderGitlabGraph(graph, name, options) : renderMermaid(graph);
    process.stdout.write(`%% gump graph ${name} --target ${target}\n${chart}`);
    return 0;
  },
};
