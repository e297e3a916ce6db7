// Which host environment variables each agent CLI receives (agents.md §3): its auth variables and
// documented options only. Every other provider's secrets are stripped from the child environment.
import type { Provider } from './types.js';

/** Cloud credentials used by Bedrock / Vertex routes (claude, gemini). */
const AWS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_PROFILE',
  'AWS_BEARER_TOKEN_BEDROCK',
];
const GCP = ['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT', 'GOOGLE_CLOUD_LOCATION'];

export const AUTH_ENV: Readonly<Record<Provider, readonly string[]>> = {
  claude: [
    'ANTHROPIC_API_KEY',
    'CLAUDE_CODE_OAUTH_TOKEN',
    'ANTHROPIC_AUTH_TOKEN',
    'ANTHROPIC_BASE_URL',
    'CLAUDE_CODE_USE_BEDROCK',
    'CLAUDE_CODE_USE_VERTEX',
    'ANTHROPIC_VERTEX_PROJECT_ID',
    'CLOUD_ML_REGION',
    ...AWS,
    ...GCP,
    'ANTHROPIC_MODEL',
    'CLAUDE_CODE_MAX_RETRIES',
    'API_TIMEOUT_MS',
  ],
  codex: ['CODEX_API_KEY', 'OPENAI_API_KEY', 'CODEX_ACCESS_TOKEN', 'OPENAI_BASE_URL'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_GENAI_USE_VERTEXAI', 'GOOGLE_API_KEY', ...GCP, 'GEMINI_MODEL'],
  qwen: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL', 'DASHSCOPE_API_KEY', 'QWEN_CODE_SUPPRESS_YOLO_WARNING'],
  opencode: [
    'ANTHROPIC_API_KEY',
    'OPENAI_API_KEY',
    'GEMINI_API_KEY',
    'GOOGLE_GENERATIVE_AI_API_KEY',
    'OPENROUTER_API_KEY',
    'OPENCODE_AUTH_CONTENT',
    'OPENCODE_API_KEY',
    'OPENCODE_PERMISSION',
  ],
  cursor: ['CURSOR_API_KEY'],
};

/** CI job tokens no agent needs (they could push or call the CI API). */
const CI_SECRETS = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'CI_JOB_TOKEN',
  'CI_JOB_JWT',
  'CI_JOB_JWT_V2',
  'CI_REGISTRY_PASSWORD',
  'CI_DEPLOY_PASSWORD',
  'GITLAB_TOKEN',
  // gump's own: the publish token and the read token that fetches reviewer commits.
  'GUMP_PUSH_TOKEN',
  'GUMP_GIT_TOKEN',
];

/** Every variable that is stripped from the inherited environment before the adapter's own env is added. */
export const SECRET_ENV: ReadonlySet<string> = new Set([...Object.values(AUTH_ENV).flat(), ...CI_SECRETS]);

/** The provider's auth variables present (and non-empty) in the host environment. */
export function passAuthEnv(provider: Provider, host: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of AUTH_ENV[provider]) {
    const v = host[name];
    if (v !== undefined && v !== '') out[name] = v;
  }
  return out;
}

/**
 * The child process environment: the host environment minus every known secret (so an agent's
 * tools keep PATH, HOME, toolchain variables...), plus the invocation's own variables.
 */
export function childEnv(
  host: Record<string, string | undefined>,
  own: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(host)) if (v !== undefined && !SECRET_ENV.has(k)) out[k] = v;
  return { ...out, ...own };
}
