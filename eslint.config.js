// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Type-aware lint over every TypeScript file, and the plain rules over the pages' own JavaScript. The layer
 * rules and import circles are dependency-cruiser's (.dependency-cruiser.cjs), dead code knip's, layout
 * Prettier's; `npm run lint` runs all four.
 */
export default tseslint.config(
  {
    ignores: ['node_modules/', '.cache/', 'dist/', 'bench/results/', 'api/public/vendor/', '**/*.d.ts'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The bugs the lint is for: a promise nobody awaits, a switch that forgets a case.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowRegExp: true },
      ],
      // Left off, each for hundreds of changes that would fix no bug: `!` after a lookup that
      // noUncheckedIndexedAccess cannot prove (the code checks first), `async` kept on a handler that
      // awaits nothing so it returns a promise like its siblings, an arrow that returns a void call.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Left off for now, each a review of its own rather than a mechanical change (see CONTRIBUTING.md):
      // conditions the types call unnecessary are mostly checks on values from outside (rows, JSON) whose
      // declared types are narrower than what can arrive; `catch` callbacks' parameters and template `+`.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      '@typescript-eslint/no-misused-spread': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/no-invalid-void-type': 'off',
      // A sentinel thrown to roll a transaction back, a rejection with an AbortSignal's own reason, an error
      // re-thrown under a stable code without its cause (the cause may quote personal data): all deliberate.
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      'preserve-caught-error': 'off',
    },
  },
  {
    // Every model reaches the engine through the deploy gate and the audit log: the engine client's deployment call
    // is made by the two places that check and audit first (deploy-models.ts for bpmn/ and the tools' models, the
    // modeler page for a process owner's), nowhere else.
    files: ['**/*.ts'],
    ignores: ['adapters/engine/deploy-models.ts', 'api/modeler/modeler-service.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='deployUngated']",
          message:
            'Deploy through adapters/engine/deploy-models.ts (the deploy gate and the audit log), not around it.',
        },
      ],
    },
  },
  {
    // knex's rows are `any` until the tables are declared to it (knex/types/tables); until then the
    // unsafe-any rules hold where a value comes in from the engine, a gateway or a file, not over rows.
    files: ['db/**', 'api/**', 'workers/**', 'ops/**', 'bench/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Tests pass methods to expect() and spell out a generic's result type for the reader.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  {
    files: ['api/public/**/*.js', 'api/modeler-editor/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },
  {
    files: ['eslint.config.js', '.dependency-cruiser.cjs', 'knip.config.ts'],
    languageOptions: { globals: globals.node },
  },
);
