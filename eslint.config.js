// ESLint: type-aware rules plus the layer boundaries of docs/ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noImportCycle from './eslint-rules/no-import-cycle.js';

const noImport = (patterns, message) => ({ group: patterns, message });
/** A site path of the portal or the back office, as it would start a string in app/. */
const PORTAL_PATH = String.raw`/^\/(admin|org|publications|files|api|track|apply|search|feeds?)(\/|$|\?)/`;

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'eslint.config.js', 'eslint-rules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { gongkai: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      // No import cycles, type-only imports included: each module's ports are a leaf its use cases
      // and adapters point at, and src/app/context.ts is the one place that composes them.
      'gongkai/no-import-cycle': 'error',
      // node:test's test()/describe() return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      // Full-width spaces (U+3000) are ordinary Chinese typography inside strings and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'multi-line'],
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Migrations are frozen in time and typed against Kysely<any> on purpose (Kysely's advice).
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The domain is pure: no I/O, no clock, no environment, no other layer.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['**/app/**', '**/db/**', '**/web/**', '**/cli/**', '**/adapters/**', '**/config/**', '../../main.js'],
              'domain/ imports only domain/',
            ),
            noImport(
              ['node:*', 'kysely', 'pg', 'better-sqlite3', 'hono', 'hono/*', 'zod', 'fs', 'path', 'crypto'],
              'domain/ does no I/O and uses no framework',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain/ reads no environment: pass values in' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ has no clock: take today as a parameter',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain/ has no clock: take now as a parameter',
        },
      ],
    },
  },
  {
    // Use cases depend on ports, never on adapters or delivery layers.
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      // app/ names pages by id; where they are served is the web layer's business (the PortalUrls port).
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=${PORTAL_PATH}], TemplateElement[value.raw=${PORTAL_PATH}]`,
          message: 'app/ holds no web URLs: return ids and let web/ (PortalUrls) build the address',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['**/db/**', '**/web/**', '**/cli/**', '**/adapters/**', '**/main.js'],
              'app/ depends on ports (app/ports.ts), not adapters',
            ),
            noImport(
              ['kysely', 'pg', 'better-sqlite3', 'hono', 'hono/*'],
              'app/ uses no database driver or web framework',
            ),
          ],
        },
      ],
    },
  },
  {
    // The delivery edges (web/, cli/) reach side effects only through use cases: no db/, no adapters/.
    files: ['src/web/**/*.{ts,tsx}', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      // A malformed form body must answer 400 on every route (web/common/pipeline.tsx parseBody), never 500.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='parseBody'][object.property.name='req']",
          message: 'read form bodies with parseBody(c) or readForm(c) from web/common/pipeline (400 when malformed)',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(
              ['**/db/**', '**/adapters/**', '**/main.js', '**/lazy-adapters.js'],
              'web/ and cli/ use app/ (use cases and ports); adapters are composed in src/main.ts',
            ),
            noImport(['kysely', 'pg', 'better-sqlite3'], 'only src/db imports kysely and the drivers'),
          ],
        },
      ],
    },
  },
  {
    // Only src/db knows SQL and the drivers.
    files: ['src/adapters/**/*.ts', 'src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noImport(['**/db/**', '**/main.js'], 'adapters/ never import db/ (composition happens in src/main.ts)'),
            noImport(['kysely', 'pg', 'better-sqlite3'], 'only src/db imports kysely and the drivers'),
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/web/**/*.{ts,tsx}',
      'src/app/**/*.ts',
      'src/domain/**/*.ts',
      'src/cli/**/*.ts',
      'src/db/**/*.ts',
      'src/adapters/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'only src/config reads process.env' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
