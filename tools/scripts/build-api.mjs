// Bundles the API (apps/api and the @laurel/* libraries it imports) into dist/apps/api with
// esbuild. SWC transpiles each TypeScript file first because esbuild cannot emit the decorator
// metadata Nest's dependency injection reads. npm packages stay external.
import { build } from 'esbuild';
import { transformFile } from '@swc/core';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractSchemas } from './contract-schemas.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = join(root, 'dist/apps/api');

const swcPlugin = {
  name: 'swc-decorators',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@laurel/') ? undefined : { path: args.path, external: true }));
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { code, map } = await transformFile(args.path, {
        sourceMaps: 'inline',
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'es6' },
      });
      void map;
      return { contents: code, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'apps/api/src/main.ts', cli: 'apps/api/src/cli.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  keepNames: true,
  // `await import('exceljs')` (libraries loaded on first use) becomes a require, as in the Jest
  // specs: the CommonJS packages keep every named export, and Node's ESM loader is not started.
  supported: { 'dynamic-import': false },
  tsconfig: join(root, 'tsconfig.base.json'),
  plugins: [swcPlugin],
  logLevel: 'warning',
});
// The answers of the OpenAPI document, generated from the @laurel/contracts types (configure-app.ts).
writeFileSync(join(outdir, 'contract-schemas.json'), JSON.stringify(contractSchemas()));
console.log(`API bundled into ${outdir}`);
