// Nest 12 and a few dependencies ship ES modules only: @swc/jest transpiles them to CommonJS
// so Jest's module loader can require them (see docs/adr/0002-nestjs-12-under-jest.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Views are .tsx rendered with preact's automatic JSX runtime.
const swcTsx = [
  '@swc/jest',
  {
    ...swc[1],
    jsc: {
      ...swc[1].jsc,
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { ...swc[1].jsc.transform, react: { runtime: 'automatic', importSource: 'preact' } },
    },
  },
];
const esmOnly = ['@nestjs', 'uuid', 'kafkajs', 'preact', 'jose', 'openapi-fetch', 'openid-client', 'oauth4webapi'].join(
  '|',
);
const moduleNameMapper = {
  '^@vigie/observability/tracing$': '<rootDir>/libs/observability/src/tracing.ts',
  '^@vigie/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.tsx$': swcTsx, '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/integration/integration.setup.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/api-contract.setup.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/console/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
    {
      // Against the secured three-node cluster (scripts/kafka-cluster.sh), not the test broker.
      ...common,
      displayName: 'kafka-security',
      testMatch: ['<rootDir>/test/kafka-security/*.kafka-spec.ts'],
      setupFiles: [...common.setupFiles, '<rootDir>/test/kafka-security/on-cluster.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
    },
  ],
};
