// ESLint flat config: typescript-eslint's type-aware rules over src/ and test/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The rooms of src/ and what each may import: imports only run down. docs/ARCHITECTURE.md's folder table is this
 * table (test/unit/docs.test.ts compares them). `types`: rooms it may import types from, nothing else.
 */
export const ROOMS = {
  entries: { may: [] },
  '.': { may: ['steps', 'broker'] },
  broker: { may: ['keys', 'projects', 'crypto', 'inputs', 'rules', 'api', 'base'] },
  steps: {
    may: ['platforms', 'kinds', 'keys', 'projects', 'journal', 'runtime', 'crypto', 'inputs', 'rules', 'api', 'base'],
  },
  kinds: { may: ['keys', 'projects', 'journal', 'runtime', 'crypto', 'rules', 'api', 'base'] },
  keys: { may: ['journal', 'runtime', 'crypto', 'rules', 'api', 'base'] },
  projects: { may: ['journal', 'runtime', 'rules', 'api', 'base'] },
  journal: { may: ['crypto', 'rules', 'base'], types: ['runtime'] },
  runtime: { may: ['inputs', 'api', 'base'] },
  crypto: { may: ['base'], types: ['rules'] },
  inputs: { may: ['rules', 'api', 'base'] },
  rules: { may: ['base'], types: ['api'] },
  platforms: { may: ['api', 'base'] },
  api: { may: ['base'] },
  base: { may: [] },
};

/** One no-restricted-imports rule per room: every other room is off limits (types only where the table says). */
const roomRules = Object.entries(ROOMS).map(([room, { may, types = [] }]) => {
  const prefix = room === '.' ? './' : '../';
  const others = Object.keys(ROOMS).filter((other) => other !== '.' && other !== room && !may.includes(other));
  const message = `src/${room === '.' ? '' : `${room}/`} may import only ${[...may, ...types.map((t) => `types of ${t}`)].join(', ') || 'nothing of src/'} (docs/ARCHITECTURE.md).`;
  const patterns = others.map((other) => ({
    group: [`${prefix}${other}/*`, ...(room === '.' ? [] : [`../../${other}/*`])],
    message,
    allowTypeImports: types.includes(other),
  }));
  return {
    files: [room === '.' ? 'src/*.ts' : `src/${room}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': 'error',
    },
  },
  ...roomRules,
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read parsed JSON and YAML freely.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fakes keep the async signature of what they stand in for.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
