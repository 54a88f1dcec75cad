/**
 * Browser tests: the built app (npm run build) served by its own process on an embedded PostgreSQL created fresh
 * for the run, driven by playwright-core in Debian's Chromium. One worker: the journeys share the server.
 */
module.exports = require('../jest.preset.cjs')({
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.e2e.ts'],
  extra: {
    globalSetup: '<rootDir>/support/global-setup.ts',
    globalTeardown: '<rootDir>/support/global-teardown.ts',
    testTimeout: 60000,
    maxWorkers: 1,
  },
});
