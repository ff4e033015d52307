// Jest in native ESM mode (Nest 12 packages are ES modules); TypeScript through swc with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

// ESM-only packages that CommonJS dependencies require(): on Node 20 Jest cannot require() ES
// modules, so these few are compiled to CommonJS when (and only when) they are required. Node 24
// (the Docker image's, tested in .ci/run) can; this stays while the README promises Node 20.19+.
const REQUIRED_ESM_PACKAGES = ['content-disposition'];
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' } }];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swcJs },
  transformIgnorePatterns: [`/node_modules/(?!(\\.pnpm/)?(${REQUIRED_ESM_PACKAGES.join('|')})[@/])`],
  // Every module's error table, as the app loads it (error-catalogue.ts): a unit test that raises a
  // module's code gets that code's status.
  setupFiles: ['<rootDir>/src/error-catalogue.ts'],
  moduleNameMapper: {
    '^@butie/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // Global only: Jest ignores testTimeout inside a project. API tests hash passwords with argon2.
  testTimeout: 30000,
};
