import fc from 'fast-check';
import { jsonShapeProblem } from './json-shape.js';

const limits = { maxDepth: 3, maxValues: 5 };

describe('jsonShapeProblem', () => {
  it('accepts a body within the depth and size limits', () => {
    expect(jsonShapeProblem('{"a":{"b":[1,2]}}', limits)).toBeNull();
    expect(jsonShapeProblem('[1,2,3,4,5]', limits)).toBeNull();
  });

  it('refuses nesting one level past the limit, in Chinese, naming the limit', () => {
    expect(jsonShapeProblem('{"a":{"b":{"c":[1]}}}', limits)).toBe('请求内容嵌套超过 3 层');
    expect(jsonShapeProblem('[[[[]]]]', limits)).toBe('请求内容嵌套超过 3 层');
  });

  it('refuses more values than the limit', () => {
    expect(jsonShapeProblem('[1,2,3,4,5,6]', limits)).toBe('请求内容超过 5 项');
    expect(jsonShapeProblem('{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}', limits)).toBe('请求内容超过 5 项');
  });

  it('does not count brackets, commas or escaped quotes inside strings', () => {
    expect(jsonShapeProblem('{"a":"[[[[[,,,,,,,\\"[[[[","b":"\\\\"}', limits)).toBeNull();
  });

  it('refuses 500,000 nested arrays in a few milliseconds', () => {
    const deep = `{"username":${'['.repeat(500_000)}${']'.repeat(500_000)}}`;
    const started = process.hrtime.bigint();
    expect(jsonShapeProblem(deep)).toBe('请求内容嵌套超过 20 层');
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });

  it('scans a 1 MB flat body within a few milliseconds', () => {
    const flat = JSON.stringify({ text: 'x'.repeat(1_000_000) });
    const started = process.hrtime.bigint();
    expect(jsonShapeProblem(flat)).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });

  it('agrees with the real nesting depth of any JSON value', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        const tooDeep = depthOf(value) > 4;
        const problem = jsonShapeProblem(text, { maxDepth: 4, maxValues: 1_000_000 });
        expect(problem !== null).toBe(tooDeep);
      }),
    );
  });
});
