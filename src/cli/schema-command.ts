// `gump schema`: prints the JSON Schema of the workflow language (draft 2020-12) for editors.

import { parseArgs, UsageError } from './args.js';
import type { Command } from './commands.js';
import type { CommandHelp } from './command-help.js';
import { SCHEMA_ID, workflowJsonSchema } from './workflow-json-schema.js';

const help: CommandHelp = {
  usage: ['gump schema'],
  description: `Prints the JSON Schema (draft 2020-12) of gump workflow files, for editor completion and
validation. With the YAML extension (yaml-language-server), save it and add to a workflow:
  # yaml-language-server: $schema=./gump-workflow.schema.json
The schema checks shapes only; "gump check" is the authority (templates, references, kinds).
Schema id: ${SCHEMA_ID}`,
  options: [],
  exit: [
    [0, 'printed'],
    [2, 'usage error'],
  ],
};

export const schemaCommand: Command = {
  summary: 'print the JSON Schema of workflow files (for editors)',
  help,
  run(argv) {
    const args = parseArgs(argv, [], ['help']);
    if (args.positionals.length > 0) throw new UsageError('schema takes no arguments');
    process.stdout.write(`${JSON.stringify(workflowJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
