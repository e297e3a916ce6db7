// The executor's command-line flags → RunWorkflowOptions (repeatable --input/--secret/--var
// NAME=value and --decision approve|reject, in order). Throws a message on a bad flag.

import type { RunWorkflowOptions } from './run-workflow.js';

export const USAGE =
  'usage: npm run gha -- --repo <git dir> --workflow <file> --out <dir> [--input name=value]... [--decision approve|reject]... [--secret NAME=value]... [--var NAME=value]... [--rerun-failed <runId>] [--state <dir>] [--repository owner/repo] [--ref branch]';

export function parseArgs(argv: string[]): RunWorkflowOptions {
  const options: Partial<RunWorkflowOptions> & {
    inputs: Record<string, string>;
    secrets: Record<string, string>;
    vars: Record<string, string>;
    decisions: ('approve' | 'reject')[];
  } = {
    inputs: {},
    secrets: {},
    vars: {},
    decisions: [],
  };
  const pair = (flag: string, v: string): [string, string] => {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new Error(`${flag} expects NAME=value, got '${v}'`);
    return [v.slice(0, eq), v.slice(eq + 1)];
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--repo':
        options.repo = value();
        break;
      case '--workflow':
        options.workflow = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--state':
        options.state = value();
        break;
      case '--repository':
        options.repository = value();
        break;
      case '--ref':
        options.ref = value();
        break;
      case '--input': {
        const [k, v] = pair(flag, value());
        options.inputs[k] = v;
        break;
      }
      case '--secret': {
        const [k, v] = pair(flag, value());
        options.secrets[k] = v;
        break;
      }
      case '--var': {
        const [k, v] = pair(flag, value());
        options.vars[k] = v;
        break;
      }
      case '--decision': {
        const d = value();
        if (d !== 'approve' && d !== 'reject') throw new Error(`--decision expects approve or reject, got '${d}'`);
        options.decisions.push(d);
        break;
      }
      case '--rerun-failed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new Error(`--rerun-failed expects a run id, got '${v}'`);
        options.rerunFailed = Number(v);
        break;
      }
      default:
        throw new Error(`unknown argument '${flag}'`);
    }
  }
  for (const required of ['repo', 'workflow', 'out'] as const)
    if (options[required] === undefined) throw new Error(`--${required} is required`);
  return options as RunWorkflowOptions;
}
