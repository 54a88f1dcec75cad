module.exports = require('../../jest.preset.cjs')({
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  extra: {
    moduleNameMapper: {
      '^@pathways/contracts$': require('node:path').join(__dirname, '../../libs/contracts/src/index.ts'),
      '^@pathways/domain$': require('node:path').join(__dirname, '../../libs/domain/src/index.ts'),
      '\\.css$': '<rootDir>/src/test/style-stub.cjs',
    },
  },
});
