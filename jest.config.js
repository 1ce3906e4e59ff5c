/**
 * jest runs the TypeScript sources as native ESM (unified and remark are ESM-only):
 * ts-jest only transpiles (isolatedModules); `npm run typecheck` does the type check.
 * `npm test` sets NODE_OPTIONS=--experimental-vm-modules, which jest's ESM mode needs.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 20000,
};
