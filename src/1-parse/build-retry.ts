// Parse phase: one `retry:` list → RetryAst[] (language.md §9.1): entry shape, condition and
// override values. Cross-entry rules (exit count, order, reachability) belong to the checker.

import type { Collector } from '../diagnostics/diagnostic.js';
import type { KeyInfo, RetryAst, RetryCondition } from './ast.js';
import { buildAgent, buildInputs, checkValue, describeValue, keyInfo, templateOf } from './build-values.js';
import { reportStrayKey } from './key-placement.js';
import { isMap, isScalar, type LSeq } from './located.js';
import { integerAtLeast, positiveInteger, RETRY_KEYS, retrySession, retryWorktree } from './schema.js';

const CONDITIONS = ['attempt', 'not', 'validate', 'exit'];
const anyInteger = integerAtLeast(Number.MIN_SAFE_INTEGER);

export function buildRetry(list: LSeq, out: Collector): RetryAst[] {
  const entries: RetryAst[] = [];
  list.items.forEach((node, index) => {
    if (isScalar(node) && (node.value === null || node.value === '')) {
      out.report('GUMP019', node.span, { where: 'retry' });
      return;
    }
    if (!isMap(node)) {
      const word = isScalar(node) ? String(node.value) : '';
      out.report(
        'GUMP018',
        node.span,
        { key: 'retry entry', expected: 'a mapping', value: describeValue(node) },
        CONDITIONS.includes(word) ? { hint: `write - ${word}: <value>` } : {},
      );
      return;
    }
    if (node.pairs.length === 0) {
      out.report('GUMP019', node.span, { where: 'retry' });
      return;
    }
    const entry: RetryAst = { index, span: node.span, node, conditionKeys: [], overrideKeys: [] };
    node.pairs.forEach((_, i) => {
      const key = keyInfo(node, i, 'step');
      if (CONDITIONS.includes(key.name)) entry.conditionKeys.push(key);
      else if (RETRY_KEYS.includes(key.name)) {
        entry.overrideKeys.push(key);
        readOverride(entry, key, out);
      } else reportStrayKey(key, 'retry', RETRY_KEYS, out);
    });
    if (entry.conditionKeys.length !== 1) {
      out.report('GUMP219', node.span, {
        count: entry.conditionKeys.length,
        list: entry.conditionKeys.map((k) => k.name).join(', ') || 'none',
      });
    } else {
      const condition = readCondition(entry.conditionKeys[0]!, out);
      if (condition) entry.condition = condition;
    }
    entries.push(entry);
  });
  return entries;
}

function readCondition(key: KeyInfo, out: Collector): RetryCondition | undefined {
  const span = key.keySpan;
  switch (key.name) {
    case 'attempt': {
      const n = checkValue(anyInteger, key, 'GUMP205', out, { limit: 2 });
      if (!n) return undefined;
      if (n.value < 2) {
        out.report('GUMP226', span, { value: n.value });
        return undefined;
      }
      return { kind: 'attempt', value: n.value, span };
    }
    case 'exit': {
      const n = checkValue(positiveInteger, key, 'GUMP205', out, { limit: 1 });
      return n ? { kind: 'exit', value: n.value, span } : undefined;
    }
    case 'not': {
      const v = key.value;
      if (!isScalar(v) || typeof v.value !== 'string' || !/^gate\.\S+$/.test(v.value.trim())) {
        const text = isScalar(v) && v.value !== null ? String(v.value).trim() : '';
        const hint = /^[A-Za-z0-9_-]+$/.test(text) ? `write not: gate.${text}` : undefined;
        out.report('GUMP216', span, { value: describeValue(v) }, hint === undefined ? {} : { hint });
        return undefined;
      }
      return { kind: 'not', gate: v.value.trim().slice('gate.'.length), span };
    }
    default: {
      const v = key.value;
      const ref = isScalar(v) && v.value !== null ? String(v.value).trim() : '';
      return { kind: 'validate', ref: { ref, span: v.span.offset === v.span.endOffset ? span : v.span }, span };
    }
  }
}

function readOverride(entry: RetryAst, key: KeyInfo, out: Collector): void {
  switch (key.name) {
    case 'agent': {
      const agent = buildAgent(key, out);
      if (agent) entry.agent = agent;
      return;
    }
    case 'session': {
      const s = checkValue(retrySession, key, 'GUMP217', out);
      if (s) entry.session = s;
      return;
    }
    case 'worktree': {
      const w = checkValue(retryWorktree, key, 'GUMP218', out);
      if (w) entry.worktree = w;
      return;
    }
    case 'prompt': {
      const v = key.value;
      if (!isScalar(v) || typeof v.value !== 'string') {
        out.report('GUMP220', key.keySpan, { value: describeValue(v) });
        return;
      }
      entry.prompt = { key, value: templateOf(v, v.value) };
      return;
    }
    case 'with': {
      if (!isMap(key.value)) {
        out.report('GUMP018', key.keySpan, { key: 'with', expected: 'a mapping', value: describeValue(key.value) });
        return;
      }
      entry.with = { key, value: buildInputs(key.value, 'step', out) };
      return;
    }
  }
}
