// What a platform client opens or updates: the request of `publish --open-pr` and its result.

import { PUBLISH } from '../../protocol/runtime-cli.js';

export interface PullRequestInput {
  /** `gump/run-<id>`. */
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestResult {
  url: string;
  number: number;
  /** An open PR/MR for the head already existed: its body was updated. */
  updated: boolean;
}

export type PlatformName = (typeof PUBLISH.platforms)[number];

export const PLATFORMS: readonly PlatformName[] = PUBLISH.platforms;
