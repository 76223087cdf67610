/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The engine tests build and run real engines (Go, minutes): `npm run test:engines`, in CI.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/engines/'],
  // The package's own name, as another repository imports it (examples/): its entry point.
  moduleNameMapper: { '^gitops-cdk$': '<rootDir>/constructs/index.ts' },
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // Type errors are caught once by `tsc --noEmit` in `npm test`, not per test file.
  maxWorkers: 2,
  // Whole-estate synths in a hook take ~2 s alone and several times that on a loaded 2-core machine;
  // jest's 5 s default made them fail on load, not on behaviour.
  testTimeout: 30_000,
  // jest's runtime, compiling each module of a worker once (V8's code cache): see test/support/code-cache.js.
  runtime: '<rootDir>/test/support/jest-runtime.js',
  // Temporary folders of the whole run live in one folder, removed at the end (test/support/temp-root.js).
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
};
