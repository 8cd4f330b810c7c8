// Gives every library with specs a `typecheck` target: `tsc --noEmit` over the library's
// tsconfig.json (its sources, and its specs where that config includes them) and over its
// tsconfig.spec.json when it has one. Jest runs specs through SWC, which strips types, so
// without this a spec's type errors were never seen. The libraries' sources are checked by the
// apps that import them (the api's typecheck, the console's build). A library or spec added
// later is covered without anyone remembering a target; projects that declare their own keep it.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

function typecheckTarget(root, workspaceRoot) {
  const configs = ['tsconfig.json', 'tsconfig.spec.json'].filter((name) => existsSync(join(workspaceRoot, root, name)));
  return {
    executor: 'nx:run-commands',
    cache: true,
    inputs: ['default', '^default'],
    options: { command: configs.map((name) => `tsc --noEmit -p ${root}/${name}`).join(' && ') },
  };
}

module.exports.createNodesV2 = [
  'libs/**/project.json',
  (projectFiles, _options, context) =>
    projectFiles.flatMap((file) => {
      const root = dirname(file);
      if (!existsSync(join(context.workspaceRoot, root, 'tsconfig.json'))) return [];
      const src = join(context.workspaceRoot, root, 'src');
      if (!existsSync(src) || !readdirSync(src, { recursive: true }).some((name) => String(name).endsWith('.spec.ts'))) return [];
      const declared = JSON.parse(readFileSync(join(context.workspaceRoot, file), 'utf8')).targets ?? {};
      if (declared.typecheck) return [];
      return [[file, { projects: { [root]: { targets: { typecheck: typecheckTarget(root, context.workspaceRoot) } } } }]];
    }),
];
