import { isAcceptableText, refusedInputFields } from './input-rules.js';

describe('isAcceptableText', () => {
  it.each([
    ['NUL', 'adm\u0000in'],
    ['a bell (C0 control)', 'a\u0007b'],
    ['escape', '\u001b[31m'],
    ['DEL', 'x\u007f'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
  ])('refuses %s', (_what, text) => {
    expect(isAcceptableText(text)).toBe(false);
  });

  it.each([
    ['Chinese', '张三'],
    ['an emoji (a surrogate pair)', '😀'],
    ['tab and line breaks (refused later, per field)', 'a\tb\r\nc'],
    ['an empty string', ''],
  ])('accepts %s', (_what, text) => {
    expect(isAcceptableText(text)).toBe(true);
  });
});

describe('refusedInputFields', () => {
  const fields = (value: unknown) => refusedInputFields(value).map((error) => error.field);

  it('names every field holding bad text, nested and in arrays, in order', () => {
    const body = { username: 'adm\u0000in', profile: { names: ['ok', 'b\u0001ad'] }, note: 'fine' };
    expect(fields(body)).toEqual(['username', 'profile.names[1]']);
    expect(refusedInputFields(body)[0].message).toContain('不允许的字符');
  });

  it('names the parent of a key holding bad text', () => {
    expect(fields({ outer: { 'k\u0000': 1 } })).toEqual(['outer']);
    expect(fields({ 'k\u0000': 1 })).toEqual(['(字段名)']);
  });

  it('refuses prototype keys at any depth, by their path, as unknown fields', () => {
    const body = JSON.parse('{"a":{"__proto__":{"x":1}},"constructor":"x","b":[{"prototype":1}]}') as unknown;
    expect(refusedInputFields(body)).toEqual(
      expect.arrayContaining([
        { field: 'a.__proto__', message: '不允许的字段：a.__proto__' },
        { field: 'constructor', message: '不允许的字段：constructor' },
        { field: 'b[0].prototype', message: '不允许的字段：b[0].prototype' },
      ]),
    );
    expect(refusedInputFields(body)).toHaveLength(3);
  });

  it('finds nothing in clean or non-text values', () => {
    expect(refusedInputFields({ a: 1, b: true, c: null, d: ['x', { e: 'y' }] })).toEqual([]);
    expect(refusedInputFields(undefined)).toEqual([]);
  });
});
