// Shared Jest settings for every Carebridge project: TypeScript through swc (with the decorator
// metadata type-graphql and TypeORM need), the @carebridge/* paths, and tests beside the code.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          target: 'es2022',
          keepClassNames: true,
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  reporters: ['default', path.join(__dirname, 'tools/test/src/summary-reporter.js')],
  testTimeout: 30000,
};

// For projects whose tests run on a real Postgres (an embedded server per run, or TEST_DATABASE_URL):
//   module.exports = { ...preset, ...preset.postgres, displayName: 'crm', rootDir: __dirname };
Object.defineProperty(module.exports, 'postgres', {
  enumerable: false,
  value: {
    globalSetup: path.join(__dirname, 'libs/testing/src/postgres.global-setup.ts'),
    globalTeardown: path.join(__dirname, 'libs/testing/src/postgres.global-teardown.ts'),
    // Two projects' suites share CI's two cores with their Postgres: a slow round must not fail a test.
    testTimeout: 60000,
  },
});
