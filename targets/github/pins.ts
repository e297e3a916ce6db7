// GitHub target: the actions generated workflows use, each pinned to a full commit SHA with its
// version in a comment (design.md "security posture"). The one place to move a pin: a dependency
// bot that bumps a SHA in a generated file without this table makes `gump compile --check` fail.

export interface ActionPin {
  repo: string;
  sha: string;
  version: string;
}

export const ACTIONS = {
  checkout: { repo: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  setupNode: { repo: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  cache: { repo: 'actions/cache', sha: '27d5ce7f107fe9357f9df03efb73ab90386fccae', version: 'v5.0.5' },
  uploadArtifact: {
    repo: 'actions/upload-artifact',
    sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f',
    version: 'v7.0.0',
  },
  downloadArtifact: {
    repo: 'actions/download-artifact',
    sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c',
    version: 'v8.0.1',
  },
} as const satisfies Record<string, ActionPin>;

export function uses(pin: ActionPin): string {
  return `${pin.repo}@${pin.sha}`;
}

/** Appends `# <version>` to every line that uses a pinned action (YAML objects carry no comments). */
export function commentPins(text: string): string {
  let out = text;
  for (const pin of Object.values(ACTIONS)) out = out.split(`${uses(pin)}\n`).join(`${uses(pin)} # ${pin.version}\n`);
  return out;
}
