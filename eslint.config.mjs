// ESLint for the whole monorepo (flat config, ESLint 10): `pnpm lint` at the root, and in `.ci/run`.
//
// - TypeScript: typescript-eslint's `recommendedTypeChecked` with the project service, so each file
//   is checked with the types of its own package's tsconfig.json. What it is here for first: a
//   promise nobody awaits (`no-floating-promises`), a promise where a plain value is expected
//   (`no-misused-promises`, e.g. an async handler in an `onClick`), `await` on a non-promise.
// - React: eslint-plugin-react-hooks' recommended rules for the SPA.
// - Boundaries (eslint-plugin-boundaries), the layout of docs/adding-a-module.md:
//   a SPA feature never imports another feature; an API module reaches another module only through
//   its public files (`*.module.ts`, `*.service.ts`, `*.errors.ts`, a gateway's port).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/** Test code: jest specs, the API tests and their helpers, the browser tests. */
const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'apps/*/test/**', 'e2e/**'];

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/coverage/',
    '**/data/',
    '**/bench-results/',
    'e2e/test-results/',
    'e2e/playwright-report/',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything: ESLint's recommended rules.
  js.configs.recommended,

  // TypeScript, with type information from the package's own tsconfig.json.
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
    },
    rules: {
      // Explicit here even though recommendedTypeChecked has them: the reasons this lint exists.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // React Router's navigate() returns a promise in data-router mode that settles when the
          // navigation is done and never rejects (a failing loader goes to the error element):
          // `navigate('/x')` as a statement is not a forgotten promise.
          allowForKnownSafeCalls: [{ from: 'package', package: 'react-router', name: 'NavigateFunction' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // `_`-prefixed names are deliberately unused (a destructured field left out, a fixed
      // callback signature); TypeScript's noUnusedLocals covers the rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: an `async` function without `await` is how a method keeps a Promise-returning
      // signature (an interface, a Nest hook, a form validator); the rule's fix, dropping `async`,
      // turns a rejected promise into a synchronous throw, which is worse.
      '@typescript-eslint/require-await': 'off',
      // NestJS modules are classes with decorators and no members (`@Module({…}) class X {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },

  // Test code may be looser: jest's `expect(…).rejects` chains and mocks type as `any`, and the
  // fuzzer and the API tests read untyped JSON bodies on purpose.
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Plain JavaScript (jest configs, benchmarks, scripts): no type information, Node globals.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // The SPA: browser globals and the rules of hooks.
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Boundaries between the SPA's features and between the API's modules.
  {
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/api/src/**/*.ts'],
    ignores: TEST_FILES,
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': ROOT,
      // Sources import `./x.js` for `./x.ts` (NodeNext) and `@butie/contracts` from its sources.
      'import/resolver': { [path.join(ROOT, 'scripts/lint/import-resolver.cjs')]: {} },
      // `export … from` and `import()` (the route table's lazy pages) are dependencies too.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-templates': false,
      'boundaries/elements': [
        // The SPA: one element per feature folder, and the shared layers.
        { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['feature'], partialMatch: false },
        { type: 'web-shared', pattern: 'apps/web/src/{components,lib}', partialMatch: false },
        // The API: one element per module folder; `accounts/persons` is a module of its own
        // (persons.module.ts) inside accounts, so it is an element whose parent is accounts.
        { type: 'api-module', pattern: 'apps/api/src/modules/accounts/persons', partialMatch: false },
        { type: 'api-module', pattern: 'apps/api/src/modules/*', capture: ['module'], partialMatch: false },
      ],
      'boundaries/files': [
        // What one API module may import from another: its Nest module (for `imports`), its
        // exported services, its error table, and a gateway's port (the abstract class that is
        // the injection token, e.g. `SmsGateway`). Not repositories, controllers, DTOs, rules.
        { category: 'api-public', pattern: 'apps/api/src/modules/**/*.{module,service,errors}.ts' },
        { category: 'api-public', pattern: 'apps/api/src/modules/gateways/**/*-gateway.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          // Imports inside one element (the same feature, the same module) are not checked.
          policies: [
            {
              from: { element: { type: 'web-feature' } },
              disallow: { to: { element: { type: 'web-feature' } } },
              message:
                'A feature does not import another feature ({{from.element.captured.feature}} → {{to.element.path}}): move what both need to components/ or lib/.',
            },
            {
              from: { element: { type: 'web-shared' } },
              disallow: { to: { element: { type: 'web-feature' } } },
              message: 'components/ and lib/ are shared by every feature and import none ({{to.element.path}}).',
            },
            {
              from: { element: { type: 'api-module' } },
              disallow: { to: { element: { type: 'api-module' } } },
              message:
                'A module reaches another only through its exported service, module or error table (*.service.ts, *.module.ts, *.errors.ts), never its repository, controller, DTOs or rules: {{to.file.path}}.',
            },
            {
              from: { element: { type: 'api-module' } },
              allow: { to: { element: { type: 'api-module' }, file: { categories: 'api-public' } } },
            },
          ],
        },
      ],
    },
  },
);
