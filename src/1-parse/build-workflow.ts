// Parse phase, step 2: located root mapping → WorkflowAst (language.md §2). Root keys, run
// limits and the step list; steps are built by build-step.ts.

import type { Collector } from '../diagnostics/diagnostic.js';
import type { KeyInfo, WorkflowAst } from './ast.js';
import { buildSteps, type BuildContext } from './build-step.js';
import { checkDuration, checkValue, describeValue, keyInfo } from './build-values.js';
import { DEPRECATED_ROOT_KEYS, deprecatedRootKey } from './deprecations.js';
import { reportStrayKey } from './key-placement.js';
import { isScalar, type LMap } from './located.js';
import { positiveInteger, positiveNumber, ROOT_KEYS } from './schema.js';
import { FILE_START, type SourceText } from './source-map.js';

export function buildWorkflow(file: string, root: LMap, source: SourceText, out: Collector): WorkflowAst {
  const ctx: BuildContext = { out, source };
  const wf: WorkflowAst = { file, source, root, steps: [], deprecated: [] };
  root.pairs.forEach((_, i) => {
    const key = keyInfo(root, i, 'step');
    const v = key.value;
    switch (key.name) {
      case 'name':
        readName(wf, key, out);
        break;
      case 'steps':
        wf.stepsKey = key;
        if (v.kind === 'seq') {
          if (v.items.length === 0) out.report('GUMP011', key.keySpan);
          wf.steps = buildSteps(v, ctx);
        } else if (isScalar(v) && v.value === null) out.report('GUMP011', key.keySpan);
        else out.report('GUMP018', key.keySpan, { key: 'steps', expected: 'a list of steps', value: describeValue(v) });
        break;
      case 'max_budget': {
        const f = checkValue(positiveNumber, key, 'GUMP204', out);
        if (f) wf.maxBudget = f;
        break;
      }
      case 'max_tokens': {
        const f = checkValue(positiveInteger, key, 'GUMP205', out, { limit: 1 });
        if (f) wf.maxTokens = f;
        break;
      }
      case 'max_timeout': {
        const f = checkDuration(key, out);
        if (f) wf.maxTimeout = f;
        break;
      }
      default:
        if ((DEPRECATED_ROOT_KEYS as readonly string[]).includes(key.name)) {
          wf.deprecated.push(key);
          deprecatedRootKey(key, ctx);
        } else reportStrayKey(key, 'root', ROOT_KEYS, out);
    }
  });
  if (!root.pairs.some((p) => p.key.value === 'name')) out.report('GUMP010', FILE_START);
  if (!root.pairs.some((p) => p.key.value === 'steps')) out.report('GUMP011', FILE_START);
  return wf;
}

/** Root `name`: a non-empty single-line string (GUMP010 when empty, GUMP227 otherwise). */
function readName(wf: WorkflowAst, key: KeyInfo, out: Collector): void {
  const v = key.value;
  if (isScalar(v) && (v.value === null || (typeof v.value === 'string' && v.value.trim() === ''))) {
    out.report('GUMP010', key.keySpan);
    return;
  }
  if (!isScalar(v) || typeof v.value !== 'string' || /[\r\n]/.test(v.value.trim())) {
    out.report('GUMP227', key.keySpan, { value: describeValue(v) });
    return;
  }
  // A block scalar (`name: |`) keeps its final line break; the name is the line itself.
  wf.name = { key, value: v.style === 'block' ? v.value.replace(/\r?\n$/, '') : v.value };
}
