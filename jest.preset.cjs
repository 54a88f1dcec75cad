/**
 * Shared jest settings. ts-jest transpiles file by file (isolatedModules in tsconfig.spec.json);
 * type errors are the `typecheck` target's job, which keeps the test run fast.
 */
const path = require('node:path');

module.exports = function preset({
  displayName,
  rootDir,
  testMatch,
  testEnvironment,
  setupFilesAfterEnv,
  extra,
}) {
  return {
    displayName,
    rootDir,
    testEnvironment: testEnvironment ?? 'node',
    testMatch: testMatch ?? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    transform: {
      '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.spec.json') }],
    },
    moduleNameMapper: {
      '^@pathways/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
      '^@pathways/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
      '^@pathways/migrations$': path.join(__dirname, 'migrations/index.ts'),
    },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    setupFilesAfterEnv: setupFilesAfterEnv ?? [],
    ...extra,
  };
};
