import { isAcceptableText, unacceptableTextFields } from './text-rules.js';

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

describe('unacceptableTextFields', () => {
  it('names every field holding bad text, nested and in arrays, in order', () => {
    const body = { username: 'adm\u0000in', profile: { names: ['ok', 'b\u0001ad'] }, note: 'fine' };
    expect(unacceptableTextFields(body)).toEqual(['username', 'profile.names[1]']);
  });

  it('names the parent of a key holding bad text', () => {
    expect(unacceptableTextFields({ outer: { 'k\u0000': 1 } })).toEqual(['outer']);
    expect(unacceptableTextFields({ 'k\u0000': 1 })).toEqual(['(字段名)']);
  });

  it('prefixes the root when given (query, params)', () => {
    expect(unacceptableTextFields({ keyword: '%\u0000' }, '')).toEqual(['keyword']);
  });

  it('finds nothing in clean or non-text values', () => {
    expect(unacceptableTextFields({ a: 1, b: true, c: null, d: ['x', { e: 'y' }] })).toEqual([]);
    expect(unacceptableTextFields(undefined)).toEqual([]);
  });
});
