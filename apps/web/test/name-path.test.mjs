// node --test apps/web/test — the one pure helper of the form errors, checked without a web test
// runner: the TypeScript source is transpiled in memory with the workspace's typescript.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const ts = require(require.resolve('typescript', { paths: [process.cwd(), new URL('../../..', import.meta.url).pathname] }));
const source = readFileSync(new URL('../src/lib/name-path.ts', import.meta.url), 'utf8');
const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
const { toNamePath, hasNamePath } = await import(`data:text/javascript,${encodeURIComponent(js)}`);

test('API field names become antd name paths', () => {
  assert.deepEqual(toNamePath('phone'), ['phone']);
  assert.deepEqual(toNamePath('members[1].name'), ['members', 1, 'name']);
  assert.deepEqual(toNamePath('members.1.name'), ['members', 1, 'name']);
  assert.deepEqual(toNamePath('account.username'), ['account', 'username']);
  assert.deepEqual(toNamePath('a[0][2]'), ['a', 0, 2]);
});

test('a registered field is found even while empty', () => {
  const values = { phone: undefined, members: [{ name: 'x' }, { name: undefined }] };
  assert.equal(hasNamePath(values, ['phone']), true);
  assert.equal(hasNamePath(values, ['members', 1, 'name']), true);
  assert.equal(hasNamePath(values, ['members', 2, 'name']), false);
  assert.equal(hasNamePath(values, ['email']), false);
});
