// Benchmark baseline: the least a YAML checker process must do — start Node, import `yaml`,
// parse one file. `gump check` is measured against this (goal: at most 2× its time).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

parseDocument(readFileSync(process.argv[2], 'utf8'));
