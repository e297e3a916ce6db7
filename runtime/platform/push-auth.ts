// Authentication of `publish`'s git push over https: an `http.extraHeader` given to that one git
// process through GIT_CONFIG_COUNT/KEY/VALUE (git ≥ 2.31), so the token is never written to
// .git/config, never on a command line and never in a remote URL. GitHub: basic
// `x-access-token:<token>`; GitLab: `oauth2:<token>` (or `gitlab-ci-token:<CI_JOB_TOKEN>`).

import type { PlatformName } from './pull-request.js';

export interface PushAuth {
  /** Environment for the git push (empty: no authentication needed or no token). */
  env: Record<string, string>;
  /** The secret, for redaction. */
  token?: string;
}

export function pushAuth(platform: PlatformName, remoteUrl: string, env: Record<string, string | undefined>): PushAuth {
  if (!/^https:\/\//i.test(remoteUrl)) return { env: {} };
  const user = platform === 'github' ? 'x-access-token' : env.GUMP_PUSH_TOKEN ? 'oauth2' : 'gitlab-ci-token';
  const token = env.GUMP_PUSH_TOKEN || (platform === 'gitlab' ? env.CI_JOB_TOKEN : undefined);
  if (!token) return { env: {} };
  const basic = Buffer.from(`${user}:${token}`).toString('base64');
  return {
    token,
    env: {
      GIT_CONFIG_COUNT: '2',
      // An empty value first clears any extraHeader a checkout left behind (one Authorization only).
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.extraHeader',
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`,
    },
  };
}

/** The platform a push authenticates for: `--open-pr`, else GUMP_PLATFORM, else GitLab CI or GitHub. */
export function platformOf(openPr: PlatformName | undefined, env: Record<string, string | undefined>): PlatformName {
  if (openPr) return openPr;
  if (env.GUMP_PLATFORM === 'github' || env.GUMP_PLATFORM === 'gitlab') return env.GUMP_PLATFORM;
  return env.GITLAB_CI ? 'gitlab' : 'github';
}
