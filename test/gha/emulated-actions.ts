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

const ACTIONS: Record<string, EmulatedAction> = {
  'actions/checkout': checkout,
  'actions/setup-node': setupNode,
  'actions/cache': cache,
  'actions/upload-artifact': uploadArtifact,
  'actions/download-artifact': downloadArtifact,
};

export const EMULATED_ACTIONS = Object.keys(ACTIONS);

export function emulatedAction(uses: string): EmulatedAction | undefined {
  const match = /^([^/@]+)\/([^/@]+)(?:\/[^@]*)?@.+$/.exec(uses);
  return match ? ACTIONS[`${match[1]}/${match[2]}`.toLowerCase()] : undefined;
}

/** An input as the action reads it: the given value, else the action.yml default. */
export function input(call: ActionCall, name: string, fallback = ''): string {
  const value = call.inputs[name];
  return value === undefined || value === '' ? fallback : value;
}

export function booleanInput(call: ActionCall, name: string, fallback: boolean): boolean {
  const value = input(call, name, String(fallback)).toLowerCase();
  if (value !== 'true' && value !== 'false') throw new Error(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
  return value === 'true';
}

export function multilineInput(call: ActionCall, name: string): string[] {
  return input(call, name)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
