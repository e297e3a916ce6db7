// actions/setup-node emulation: a no-op that insists on `node-version` (the generated workflows pin
// it); the executor's own node is already on PATH.

import { input, type ActionCall } from '../emulated-actions.js';

export async function setupNode(call: ActionCall): Promise<Record<string, string>> {
  const version = input(call, 'node-version') || input(call, 'node-version-file');
  if (version === '') throw new Error('actions/setup-node: node-version is not given');
  call.job.log.info(`setup-node (emulated): using ${process.version} for node-version ${version}`);
  return { 'node-version': process.version };
}
