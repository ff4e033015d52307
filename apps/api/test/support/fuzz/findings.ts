import type { FuzzRequest } from './runner.js';
import { Big, RawJson, isPlainObject, type ParamValue, type Tree } from './values.js';

/**
 * Wrong answers, grouped so that a run's report reads as a list of classes: one entry per
 * operation and kind of wrong answer, with the shortest example of each kind of input that
 * caused it (deep nesting, a control character, null…).
 */
export interface Finding {
  operation: string;
  problem: string;
  count: number;
  /** The shortest example request per set of input traits. */
  examples: Map<string, string>;
}

const MAX_EXAMPLES = 5;
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\u200b\u202e\ufeff]/;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is unusual about a request's input, as a reader would name the class. */
export function inputTraits(request: FuzzRequest): string {
  const traits = new Set<string>();
  const text = (value: string) => {
    if (CONTROL.test(value)) traits.add('control character');
  };
  const param = (value: ParamValue) => {
    if (value instanceof Big) traits.add('long text');
    else if (typeof value === 'string') text(value);
  };
  const walk = (value: Tree) => {
    if (value === null) traits.add('null');
    else if (typeof value === 'string') text(value);
    else if (value instanceof Big) traits.add('long text');
    else if (value instanceof RawJson) traits.add(/nested/.test(value.label) ? 'deep nesting' : /array of/.test(value.label) ? 'huge array' : `raw ${value.label}`);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isPlainObject(value)) {
      for (const key of Object.keys(value)) {
        if (PROTOTYPE_KEYS.has(key)) traits.add('prototype key');
        walk(value[key]);
      }
    }
  };
  Object.values(request.path).forEach(param);
  for (const [key, value] of request.query) {
    if ([...PROTOTYPE_KEYS].some((p) => key.includes(p))) traits.add('prototype key');
    param(value);
  }
  if (request.body !== undefined) walk(request.body);
  return [...traits].sort().join(', ') || 'nothing unusual';
}

export class Findings {
  private readonly byKey = new Map<string, Finding>();

  record(operation: string, problem: string, traits: string, example: string): void {
    const key = `${operation} ${problem}`;
    const finding = this.byKey.get(key) ?? { operation, problem, count: 0, examples: new Map<string, string>() };
    this.byKey.set(key, finding);
    finding.count++;
    const kept = finding.examples.get(traits);
    if (kept ? example.length < kept.length : finding.examples.size < MAX_EXAMPLES) finding.examples.set(traits, example);
  }

  of(operation: string): Finding[] {
    return [...this.byKey.values()].filter((finding) => finding.operation === operation);
  }

  all(): Finding[] {
    return [...this.byKey.values()];
  }
}

export function formatFindings(findings: Finding[], replay: string): string {
  const lines = [`${findings.length} kind(s) of wrong answer. Replay: ${replay}`];
  for (const finding of findings) {
    lines.push('', `• ${finding.operation}: ${finding.problem} (×${finding.count})`);
    for (const [traits, example] of finding.examples) lines.push(`    [${traits}]`, example.replace(/^/gm, '      '));
  }
  return lines.join('\n');
}
