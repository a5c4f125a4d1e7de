import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Lint rules for the whole monorepo: recommended JS + TypeScript rules, strictness where it catches bugs. */
export default tseslint.config(
  {
    ignores: ['**/lib/**', '**/dist/**', '**/node_modules/**', 'coverage/**', '.venv/**', 'immunotwin/labextension/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      'no-implied-eval': 'off',
    },
  },
  {
    // Playwright reads a CommonJS configuration (Galata's base configuration is CommonJS).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The JupyterLab extension runs in the browser and keeps options in namespaces, as JupyterLab does.
    files: ['packages/jupyterlab-extension/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  {
    // The widgets are web components: they run in the browser (their tests in happy-dom).
    files: ['packages/widgets/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The widgets benchmark's page runs in Chromium, and bench/widgets.mjs hands functions to page.evaluate.
    files: ['bench/widgets.mjs', 'bench/widgets/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['packages/engine/src/**/*.ts', 'packages/model-*/src/**/*.ts'],
    languageOptions: { globals: {} },
  },
);
