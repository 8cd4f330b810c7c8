import nx from '@nx/eslint-plugin';
import { laurelTemplatePlugin } from './tools/eslint/laurel-template-rules.mjs';

// Who may import whom. `scope:` keeps the API, the console and the shared code apart;
// `type:` keeps each layer to the layers beneath it. The domain imports nothing of the project.
const depConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'] },
  { sourceTag: 'layer:domain', notDependOnLibsWithTags: ['scope:shared', 'scope:api', 'scope:console'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
];

const base = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/.laurel', '**/.angular', '**/test-results', '**/playwright-report'],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Rules that need the types: a promise nobody awaits or catches, a promise where a callback
    // must return nothing (`subscribe(async …)`, an async event handler), a switch over a union
    // that forgets a member. Each file is read with the tsconfig.json nearest to it.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default:` is a decision about the members it covers; a switch without one must name them all.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // The console libraries keep their specs in tsconfig.spec.json (jest types), which the nearest
    // tsconfig.json does not include.
    files: ['libs/console/**/*.spec.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['libs/console/*/tsconfig.spec.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The console app's tsconfig.json only points at tsconfig.app.json, whose program starts at main.ts.
    files: ['apps/console/src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['apps/console/tsconfig.app.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // HTTP and browser tests read loosely typed JSON answers on purpose.
    files: ['apps/*-e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Angular templates (the console's projects give them the template parser; inline templates
    // reach this as virtual .html files through angular-eslint's processor).
    files: ['**/*.html'],
    plugins: { 'laurel-template': laurelTemplatePlugin },
    rules: { 'laurel-template/form-binds-form-group': 'error' },
  },
  {
    // Lint configs extend this file by a relative path; that is not a project import.
    files: ['**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];

export default base;

/**
 * The console app and each console library: the base plus Angular's rules (standalone `laurel-`
 * selectors, OnPush, the new control flow). Their eslint.config.mjs re-exports this, so the
 * file each project lints with stays where it was and every pattern reads from the same place.
 */
export const angularProject = [
  ...base,
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'laurel', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'laurel', style: 'camelCase' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  {
    files: ['**/*.html'],
    rules: { '@angular-eslint/template/prefer-control-flow': 'error' },
  },
  {
    // This file extends the root config by path; it is tooling, not code of the project.
    files: ['**/eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
