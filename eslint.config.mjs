import nx from '@nx/eslint-plugin';

// What a project may depend on, by the type tag in its project.json. Libraries build on the layers
// below them; apps and tools never import apps (tools reach subgraph definitions at run time).
const LAYERS = {
  'type:util': ['type:util'],
  'type:platform': ['type:util', 'type:platform'],
  'type:feature': ['type:util', 'type:platform', 'type:feature'],
  'type:testing': ['type:util', 'type:platform', 'type:feature', 'type:testing'],
  'type:app': ['type:util', 'type:platform', 'type:feature'],
  'type:tool': ['type:util', 'type:platform', 'type:feature', 'type:testing', 'type:tool'],
  'type:e2e': ['type:util', 'type:platform', 'type:feature', 'type:testing'],
};

// Test code: the only place production projects may use the testing libraries.
const TEST_FILES = ['**/*.spec.ts', '**/*.fixture.ts'];

// Drivers that only the projects wrapping them import; everything else goes through those.
const DRIVERS = {
  kafkajs: ['libs/messaging', 'tools/kafka-mock-broker', 'tools/event-stream'],
  pg: ['libs/messaging', 'libs/service-kit', 'libs/local-platform', 'tools/event-stream', 'tools/bench'],
};

function moduleBoundaries({ tests, drivers }) {
  return [
    'error',
    {
      enforceBuildableLibDependency: true,
      // Production code may not import a testing library (above), so a cycle through one was closed
      // by a test: messaging's tests run on the testing library's transport harness, which builds on messaging.
      ignoredCircularDependencies: [['tag:type:testing', '*']],
      depConstraints: Object.entries(LAYERS).map(([sourceTag, allowed]) => ({
        sourceTag,
        onlyDependOnLibsWithTags: tests ? [...new Set([...allowed, 'type:testing'])] : allowed,
        bannedExternalImports: Object.keys(DRIVERS).filter((driver) => !drivers.includes(driver)),
      })),
    },
  ];
}

const SOURCES = '**/*.{ts,js,mjs}';
const owners = [...new Set(Object.values(DRIVERS).flat())];
const ownedBy = (root) => Object.keys(DRIVERS).filter((driver) => DRIVERS[driver].includes(root));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/node_modules', '**/dist', '**/build', '.data', '.nx', 'coverage', '**/jest.config.js', 'jest.preset.js'] },
  {
    files: [SOURCES],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ tests: false, drivers: [] }),
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ tests: true, drivers: [] }) } },
  // Later blocks replace the rule's options for their files: the driver owners, production and test code.
  ...owners.flatMap((root) => [
    { files: [`${root}/${SOURCES}`], rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ tests: false, drivers: ownedBy(root) }) } },
    { files: TEST_FILES.map((glob) => `${root}/${glob}`), rules: { '@nx/enforce-module-boundaries': moduleBoundaries({ tests: true, drivers: ownedBy(root) }) } },
  ]),
];
