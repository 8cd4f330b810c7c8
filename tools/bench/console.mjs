// Console: the initial bundle's transfer size (gzip) — the files index.html loads (scripts,
// stylesheets, module preloads) and every chunk they import statically — against a fresh
// Angular app with no libraries, built once into tmp/ by the same @angular/build:application builder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASELINE_MAIN = `import { ChangeDetectionStrategy, Component, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

@Component({
  selector: 'app-root',
  template: '<h1>Hello</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class App {}

bootstrapApplication(App, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
`;

const BASELINE_INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Baseline</title><base href="/" /></head>
  <body><app-root></app-root></body>
</html>
`;

const BASELINE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'dom'],
    skipLibCheck: true,
    isolatedModules: true,
    types: [],
  },
  files: ['src/main.ts'],
  angularCompilerOptions: { strictTemplates: true },
};

const BASELINE_WORKSPACE = {
  version: 1,
  cli: { analytics: false },
  projects: {
    baseline: {
      projectType: 'application',
      root: '',
      sourceRoot: 'src',
      architect: {
        build: {
          builder: '@angular/build:application',
          defaultConfiguration: 'production',
          options: {
            outputPath: 'dist',
            index: 'src/index.html',
            browser: 'src/main.ts',
            tsConfig: 'tsconfig.json',
            polyfills: [],
          },
          configurations: {
            production: {
              optimization: true,
              outputHashing: 'all',
              extractLicenses: true,
            },
          },
        },
      },
    },
  },
};

/** Initial files of a browser build and their raw and gzip sizes (bytes). */
export function initialBundle(browserDir) {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  const files = new Set();
  const visit = (file) => {
    if (files.has(file) || /^(https?:)?\/\//.test(file) || !existsSync(join(browserDir, file))) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(browserDir, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is lazy.
    for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(m[1]);
  };
  referenced.forEach(visit);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(browserDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

export function buildConsole(root) {
  execFileSync('npx', ['nx', 'build', 'console', '--configuration=production'], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return join(root, 'dist/apps/console/browser');
}

/** Builds the fresh app once into tmp/bench-angular-baseline (kept for later runs). */
export function buildBaselineApp(root) {
  const dir = join(root, 'tmp/bench-angular-baseline');
  const browserDir = join(dir, 'dist/browser');
  const angular = JSON.parse(readFileSync(join(root, 'node_modules/@angular/core/package.json'), 'utf8')).version;
  const stamp = join(dir, 'built-with');
  if (existsSync(join(browserDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === angular)
    return { browserDir, angular };
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src/main.ts'), BASELINE_MAIN);
  writeFileSync(join(dir, 'src/index.html'), BASELINE_INDEX);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(BASELINE_TSCONFIG, null, 2));
  writeFileSync(join(dir, 'angular.json'), JSON.stringify(BASELINE_WORKSPACE, null, 2));
  execFileSync(join(root, 'node_modules/.bin/ng'), ['build'], {
    cwd: dir,
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(stamp, angular);
  return { browserDir, angular };
}
