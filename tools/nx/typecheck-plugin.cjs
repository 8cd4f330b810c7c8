// Gives every library and app a `typecheck` target that compiles all of its sources without
// emitting: each of its tsconfig.json (unless it only points at others), tsconfig.app.json and
// tsconfig.spec.json, so a file nothing imports, and every spec, is type-checked too. Jest runs
// specs through SWC, which strips types, and an app's build compiles only what its entry point
// reaches, so without this a spec's or an unimported file's type errors were never seen. An
// Angular project (its tsconfig.json has angularCompilerOptions) is checked by ngc, which also
// checks its components' templates (strictTemplates); its spec config by tsc. A project added
// later is covered without anyone remembering a target; projects that declare their own keep it.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const CONFIGS = ['tsconfig.json', 'tsconfig.app.json', 'tsconfig.spec.json'];

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** A solution-style tsconfig (`files: []` and references) compiles nothing itself. */
function compilesSomething(config) {
  return !(Array.isArray(config?.files) && config.files.length === 0 && !config.include?.length);
}

function typecheckTarget(root, workspaceRoot) {
  const angular = !!readJson(join(workspaceRoot, root, 'tsconfig.json'))?.angularCompilerOptions;
  const commands = CONFIGS.filter((name) => existsSync(join(workspaceRoot, root, name)))
    .filter((name) => compilesSomething(readJson(join(workspaceRoot, root, name))))
    .map((name) => `${angular && name !== 'tsconfig.spec.json' ? 'ngc' : 'tsc'} --noEmit -p ${root}/${name}`);
  if (commands.length === 0) return null;
  return {
    executor: 'nx:run-commands',
    cache: true,
    inputs: ['default', '^default'],
    options: { command: commands.join(' && ') },
  };
}

module.exports.createNodesV2 = [
  '{apps,libs}/**/project.json',
  (projectFiles, _options, context) =>
    projectFiles.flatMap((file) => {
      const root = dirname(file);
      const declared = readJson(join(context.workspaceRoot, file))?.targets ?? {};
      if (declared.typecheck) return [];
      const typecheck = typecheckTarget(root, context.workspaceRoot);
      if (!typecheck) return [];
      return [[file, { projects: { [root]: { targets: { typecheck } } } }]];
    }),
];
