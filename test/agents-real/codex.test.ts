// Real codex CLI at its pin, driven by the scripted model server (test/agents-real/suite.ts). Skipped
// with a message when scripts/install-agent-clis.sh has not installed the CLIs.
import { realSuite } from './suite.js';

realSuite('codex');
