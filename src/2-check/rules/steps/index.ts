// Step rules (language.md §3, §4, §8, §9, §11–§13, §17–§18): kinds, key legality, values that
// depend on the kind, gates, retry, guards, HITL, worktree, agents.

import type { Rule } from '../../rule.js';
import { agentWithoutPrompt } from './agent-without-prompt.js';
import { callWithBlocks } from './call-with-blocks.js';
import { duplicateGateName } from './duplicate-gate-name.js';
import { duplicateStepName } from './duplicate-step-name.js';
import { eachWithoutSplit } from './each-without-split.js';
import { estimatedCost } from './estimated-cost.js';
import { gateOnComposite } from './gate-on-composite.js';
import { gateOnlyEmptyGate } from './gate-only-empty-gate.js';
import { gateOnlyRetry } from './gate-only-retry.js';
import { groupRetryConditions } from './group-retry-conditions.js';
import { hitlNotAllowed } from './hitl-not-allowed.js';
import { hitlWithoutGates } from './hitl-without-gates.js';
import { keyNotAllowedForKind } from './key-not-allowed-for-kind.js';
import { missingAgent } from './missing-agent.js';
import { missingType } from './missing-type.js';
import { noEffectOnPass } from './no-effect-on-pass.js';
import { parallelNotAllowed } from './parallel-not-allowed.js';
import { parallelWithoutChildren } from './parallel-without-children.js';
import { passNotCode } from './pass-not-code.js';
import { passWithoutGates } from './pass-without-gates.js';
import { promptWithoutAgent } from './prompt-without-agent.js';
import { readOnlyWriteConflict } from './read-only-write-conflict.js';
import { resetKeepsSession } from './reset-keeps-session.js';
import { retryAttemptOrder } from './retry-attempt-order.js';
import { retryEntryAfterExit } from './retry-entry-after-exit.js';
import { retryExitCount } from './retry-exit-count.js';
import { retryExitOverrides } from './retry-exit-overrides.js';
import { retryNotUnknownGate } from './retry-not-unknown-gate.js';
import { retryOnCall } from './retry-on-call.js';
import { retryWithWithoutValidate } from './retry-with-without-validate.js';
import { schemaGateTypeMismatch } from './schema-gate-type-mismatch.js';
import { singleAttemptRetry } from './single-attempt-retry.js';
import { splitWithoutEach } from './split-without-each.js';
import { stepsAndEach } from './steps-and-each.js';
import { stepsWithoutParallel } from './steps-without-parallel.js';
import { turnsCounted } from './turns-counted.js';
import { unknownModelPrice } from './unknown-model-price.js';
import { unknownProvider } from './unknown-provider.js';
import { unreachableRetryEntry } from './unreachable-retry-entry.js';
import { withWithoutWorkflow } from './with-without-workflow.js';
import { workflowAndAgent } from './workflow-and-agent.js';
import { worktreeNoneNotAllowed } from './worktree-none-not-allowed.js';

export const stepRules: readonly Rule[] = [
  // names and kinds (§3, §4.2)
  duplicateStepName,
  missingType,
  splitWithoutEach,
  eachWithoutSplit,
  stepsWithoutParallel,
  parallelNotAllowed,
  stepsAndEach,
  keyNotAllowedForKind,
  workflowAndAgent,
  withWithoutWorkflow,
  callWithBlocks,
  gateOnlyEmptyGate,
  gateOnlyRetry,
  promptWithoutAgent,
  agentWithoutPrompt,
  passNotCode,
  gateOnComposite,
  retryOnCall,
  hitlNotAllowed,
  parallelWithoutChildren,
  missingAgent,
  noEffectOnPass,
  passWithoutGates,
  // worktree (§13)
  worktreeNoneNotAllowed,
  readOnlyWriteConflict,
  // gates (§8)
  schemaGateTypeMismatch,
  duplicateGateName,
  // retry (§9)
  retryExitCount,
  retryAttemptOrder,
  retryExitOverrides,
  retryWithWithoutValidate,
  groupRetryConditions,
  retryEntryAfterExit,
  unreachableRetryEntry,
  singleAttemptRetry,
  resetKeepsSession,
  retryNotUnknownGate,
  // HITL (§12)
  hitlWithoutGates,
  // agents (§17, §18)
  unknownProvider,
  unknownModelPrice,
  estimatedCost,
  turnsCounted,
];
