/** Integration tests: the real API against real PostgreSQL (a fresh database per test file). */
module.exports = require('../../jest.preset.cjs')({
  displayName: 'api-int',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  extra: {
    globalSetup: '<rootDir>/test/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    testTimeout: 30000,
    maxWorkers: 2,
  },
});
