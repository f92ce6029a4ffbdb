// ESLint flat config: typescript-eslint (type-aware) + TanStack Query + React hooks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NO_INNER_HTML = [
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'Never assign innerHTML: page text is hostile. Use textContent / DOM nodes.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never render HTML from data: use text.',
  },
];

/** Two letters in a row, except the product name alone: words a reader reads. */
const UI_WORDS = String.raw`/^(?!\s*CareSide\s*$).*\p{L}\p{L}/u`;
/** Attributes people read or hear (screen readers). */
const UI_ATTRIBUTES = '/^(aria-label|aria-description|title|placeholder|alt|label|hint|legend|heading|confirmLabel)$/';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'demo-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...NO_INNER_HTML],
    },
  },
  {
    // Every UI string goes through t() (locales/*.yml): no words written straight into JSX. Symbols
    // ("·", "@", "/", "#", "→") and the product name pass; words in text, in user-facing attributes
    // and in string literals rendered as children fail.
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    ignores: ['**/*.test.tsx', '**/testing.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_INNER_HTML,
        {
          selector: `JSXText[value=${UI_WORDS}]`,
          message: 'UI text goes through t() from lib/i18n/t (add the words to locales/en.yml and es.yml).',
        },
        {
          selector: `JSXAttribute[name.name=${UI_ATTRIBUTES}] > Literal[value=${UI_WORDS}]`,
          message: 'User-facing attribute text goes through t() from lib/i18n/t.',
        },
        {
          selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > Literal[value=${UI_WORDS}]`,
          message: 'UI text goes through t() from lib/i18n/t.',
        },
        {
          selector: `:matches(JSXElement, JSXFragment) > JSXExpressionContainer > ConditionalExpression > Literal[value=${UI_WORDS}]`,
          message: 'UI text goes through t() from lib/i18n/t.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
