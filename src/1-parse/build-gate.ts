// Parse phase: one `gate:` list → GateAst[] (language.md §8.1, §8.2, §8.5). Reports entry shape
// and argument errors; derives each entry's gate name.

import type { Collector } from '../diagnostics/diagnostic.js';
import { GATE_TYPES, type GateAst, type GateType, type InputAst } from './ast.js';
import { buildInputValue, describeValue } from './build-values.js';
import { closest } from '../../protocol/did-you-mean.js';
import { reportStrayKey } from './key-placement.js';
import { isMap, isScalar, keyText, type LNode, type LSeq, type Span } from './located.js';
import { coverageThreshold, schemaArgument } from './schema.js';

const NO_ARGUMENT: readonly GateType[] = ['compile', 'test', 'lint', 'tests_found'];
const NEEDS_ARGUMENT: readonly GateType[] = ['touched', 'untouched', 'coverage', 'bash'];

interface RawGate {
  type: string;
  arg?: string;
  argSpan?: Span;
  inputs: InputAst[];
}

export function buildGates(list: LSeq, out: Collector): GateAst[] {
  const gates: GateAst[] = [];
  const seenBare = new Set<string>();
  list.items.forEach((node, index) => {
    const raw = readEntry(node, out);
    if (!raw) return;
    if (!(GATE_TYPES as readonly string[]).includes(raw.type)) {
      out.report('GUMP211', node.span, { value: JSON.stringify(raw.type) }, gateTypeHint(raw.type));
      return;
    }
    const type = raw.type as GateType;
    if (!checkArgument(type, raw, node, out)) return;
    const gate: GateAst = { index, span: node.span, node, type, inputs: raw.inputs, name: '' };
    if (raw.arg !== undefined) gate.arg = raw.arg;
    if (raw.argSpan) gate.argSpan = raw.argSpan;
    gate.name = gateName(gate, seenBare);
    gates.push(gate);
  });
  return gates;
}

function readEntry(node: LNode, out: Collector): RawGate | undefined {
  if (isScalar(node)) {
    if (node.value === null || (typeof node.value === 'string' && node.value.trim() === '')) {
      out.report('GUMP019', node.span, { where: 'gate' });
      return undefined;
    }
    const text = String(node.value);
    const colon = text.indexOf(':');
    if (colon < 0) return { type: text.trim(), inputs: [] };
    const arg = text.slice(colon + 1).trim();
    return { type: text.slice(0, colon).trim(), inputs: [], ...(arg === '' ? {} : { arg, argSpan: node.span }) };
  }
  if (!isMap(node)) {
    out.report('GUMP018', node.span, {
      key: 'gate entry',
      expected: 'a string or a one-type mapping',
      value: describeValue(node),
    });
    return undefined;
  }
  if (node.pairs.length === 0) {
    out.report('GUMP019', node.span, { where: 'gate' });
    return undefined;
  }
  const typeKeys = node.pairs.filter((p) => (GATE_TYPES as readonly string[]).includes(keyText(p)));
  if (typeKeys.length !== 1) {
    out.report(
      'GUMP021',
      node.span,
      { count: typeKeys.length, list: node.pairs.map(keyText).join(', ') },
      {
        hint:
          typeKeys.length === 0
            ? `a gate mapping needs one gate-type key: ${GATE_TYPES.join(', ')}`
            : `write one gate type per entry: ${typeKeys.map((p) => `{ ${keyText(p)}: … }`).join(', ')}`,
      },
    );
    return undefined;
  }
  const typePair = typeKeys[0]!;
  const type = keyText(typePair);
  const inputs: InputAst[] = [];
  for (const p of node.pairs) {
    if (p === typePair) continue;
    const k = { name: keyText(p), keySpan: p.key.span, value: p.value, place: 'step' as const };
    if (type === 'validate') inputs.push(buildInputValue(k.name, k.keySpan, p.value, out));
    else reportStrayKey(k, 'gate', [type], out);
  }
  const v = typePair.value;
  const arg = isScalar(v) && v.value !== null && String(v.value).trim() !== '' ? String(v.value).trim() : undefined;
  if (!isScalar(v)) {
    out.report(
      'GUMP212',
      node.span,
      { type },
      { hint: `the argument of ${type} is a single value, not ${describeValue(v)}` },
    );
    return undefined;
  }
  return { type, inputs, ...(arg === undefined ? {} : { arg, argSpan: v.span }) };
}

/** Argument rules of §8.2; false when the entry is unusable. */
function checkArgument(type: GateType, raw: RawGate, node: LNode, out: Collector): boolean {
  if (NO_ARGUMENT.includes(type) && raw.arg !== undefined) {
    out.report('GUMP213', node.span, { type, value: raw.arg });
    return true;
  }
  if (NEEDS_ARGUMENT.includes(type) && raw.arg === undefined) {
    out.report('GUMP212', node.span, { type });
    return false;
  }
  if (type === 'coverage' && !coverageThreshold.safeParse(raw.arg).success) {
    out.report('GUMP214', node.span, { value: JSON.stringify(raw.arg) });
    return false;
  }
  if (type === 'schema' && raw.arg !== undefined && !schemaArgument.safeParse(raw.arg).success) {
    out.report('GUMP215', node.span, { value: JSON.stringify(raw.arg) });
    return false;
  }
  if ((type === 'touched' || type === 'untouched') && raw.arg !== undefined) {
    const problem = globProblem(raw.arg);
    if (problem) {
      out.report('GUMP225', node.span, { value: JSON.stringify(raw.arg) }, { hint: problem });
      return false;
    }
  }
  return true;
}

/** Did-you-mean for an unknown gate type (a typo of a gate type, or a validator reference). */
function gateTypeHint(type: string): { hint?: string } {
  const near = closest(type, GATE_TYPES);
  if (near !== undefined) return { hint: `did you mean "${near}"?` };
  if (type.includes('/')) return { hint: `a validator gate is written "validate: ${type}"` };
  return {};
}

/** Why a glob (§6.2 rules) is malformed, or undefined. */
export function globProblem(glob: string): string | undefined {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) return 'a "[" character class is never closed with "]"';
      i = close;
    }
  }
  if (glob.trim() === '') return 'the pattern is empty';
  return undefined;
}

/** Gate name of §8.5 (validate entries: the derived validator name of §7.2). */
function gateName(g: GateAst, seenBare: Set<string>): string {
  if (g.type === 'validate') return g.arg === undefined ? 'validate' : validatorGateName(g.arg);
  if (g.arg !== undefined) return `${g.type}_${g.index}`;
  if (seenBare.has(g.type)) return `${g.type}_${g.index}`;
  seenBare.add(g.type);
  return g.type;
}

/** §7.2 (compat): strip .yaml/.yml, keep the last `/` segment, then the text after its last `-`. */
export function validatorGateName(ref: string): string {
  const base =
    ref
      .replace(/\.ya?ml$/, '')
      .split('/')
      .pop() ?? '';
  const dash = base.lastIndexOf('-');
  return dash > 0 ? base.slice(dash + 1) : base;
}
