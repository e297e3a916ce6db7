// The public actions the executor emulates, by `owner/name` whatever the ref (a full SHA, a tag or
// a branch). Each one reads its inputs as strings (action.yml defaults applied here), may fail by
// throwing, and returns its outputs.

import type { JobContext } from './job-context.js';
import { cache } from './actions/cache.js';
import { checkout } from './actions/checkout.js';
import { downloadArtifact } from './actions/download-artifact.js';
import { setupNode } from './actions/setup-node.js';
import { uploadArtifact } from './actions/upload-artifact.js';

export interface ActionCall {
  inputs: Record<string, string>;
  job: JobContext;
  /** The step's process environment (env context and the runner's variables). */
  env: Record<string, string>;
}

export type EmulatedAction = (call: ActionCall) => Promise<Record<string, string>>;

interface Emulation {
  run: EmulatedAction;
  /** The inputs of the real action's action.yml; others draw the runner's "Unexpected input(s)" warning. */
  inputs: string[];
}

const ACTIONS: Record<string, Emulation> = {
  'actions/checkout': {
    run: checkout,
    inputs: [
      'repository',
      'ref',
      'token',
      'ssh-key',
      'ssh-known-hosts',
      'ssh-strict',
      'ssh-user',
      'persist-credentials',
      'path',
      'clean',
      'filter',
      'sparse-checkout',
      'sparse-checkout-cone-mode',
      'fetch-depth',
      'fetch-tags',
      'show-progress',
      'lfs',
      'submodules',
      'set-safe-directory',
      'github-server-url',
    ],
  },
  'actions/setup-node': {
    run: setupNode,
    inputs: [
      'always-auth',
      'node-version',
      'node-version-file',
      'architecture',
      'check-latest',
      'registry-url',
      'scope',
      'token',
      'cache',
      'package-manager-cache',
      'cache-dependency-path',
      'mirror',
      'mirror-token',
    ],
  },
  'actions/cache': {
    run: cache,
    inputs: [
      'path',
      'key',
      'restore-keys',
      'upload-chunk-size',
      'enableCrossOsArchive',
      'fail-on-cache-miss',
      'lookup-only',
      'save-always',
    ],
  },
  'actions/upload-artifact': {
    run: uploadArtifact,
    inputs: [
      'name',
      'path',
      'if-no-files-found',
      'retention-days',
      'compression-level',
      'overwrite',
      'include-hidden-files',
    ],
  },
  'actions/download-artifact': {
    run: downloadArtifact,
    inputs: ['name', 'artifact-ids', 'path', 'pattern', 'merge-multiple', 'github-token', 'repository', 'run-id'],
  },
};

export const EMULATED_ACTIONS = Object.keys(ACTIONS);

function find(uses: string): Emulation | undefined {
  const match = /^([^/@]+)\/([^/@]+)(?:\/[^@]*)?@.+$/.exec(uses);
  return match ? ACTIONS[`${match[1]}/${match[2]}`.toLowerCase()] : undefined;
}

/** The emulation of a `uses:` ref, warning (like the runner) about inputs the action does not have. */
export function emulatedAction(uses: string): EmulatedAction | undefined {
  const emulation = find(uses);
  if (emulation === undefined) return undefined;
  return (call) => {
    const unexpected = Object.keys(call.inputs).filter((k) => !emulation.inputs.includes(k));
    if (unexpected.length > 0) {
      call.job.log.output(
        `::warning::Unexpected input(s) ${unexpected.map((k) => `'${k}'`).join(', ')}, valid inputs are [${emulation.inputs.map((k) => `'${k}'`).join(', ')}]`,
      );
    }
    return emulation.run(call);
  };
}

/** An input as the action reads it: the given value, else the action.yml default. */
export function input(call: ActionCall, name: string, fallback = ''): string {
  const value = call.inputs[name];
  return value === undefined || value === '' ? fallback : value;
}

export function booleanInput(call: ActionCall, name: string, fallback: boolean): boolean {
  const value = input(call, name, String(fallback)).toLowerCase();
  if (value !== 'true' && value !== 'false')
    throw new Error(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
  return value === 'true';
}

export function multilineInput(call: ActionCall, name: string): string[] {
  return input(call, name)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
