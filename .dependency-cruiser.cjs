// The layers and which may import which (CONTRIBUTING.md says why). Each rule names a layer by the folder
// it lives in, so a new file is held to its folder's rule without being listed here; there are no exceptions.
// Lower layers first: domain < config < db (with migrations) < adapters < workers, api < ops, bench; the
// simulators stand apart over domain and config; the tests sit on top and nothing imports them.
const ours = '^(domain|config|db|migrations|adapters|workers|api|simulators|ops|bench|test)/';

/** A rule that `from` may import nothing of ours outside `allowed` (regular expressions over the path). */
const onlyImports = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: ours, pathNot: allowed },
});

module.exports = {
  forbidden: [
    onlyImports('domain-imports-nothing-of-ours', 'domain/ is pure rules: it imports no other layer', '^domain/', [
      '^domain/',
    ]),
    onlyImports('config-imports-only-domain', 'config/ may import domain/ only', '^config/', ['^(config|domain)/']),
    onlyImports(
      'db-imports-only-below',
      'db/ and migrations/ may import domain/ and config/ only',
      '^(db|migrations)/',
      ['^(db|migrations|domain|config)/'],
    ),
    onlyImports(
      'adapters-import-only-below',
      'adapters/ may import domain/, config/ and db/ only (not workers/, api/, ops/, …)',
      '^adapters/',
      ['^(adapters|db|migrations|domain|config)/'],
    ),
    onlyImports(
      'workers-import-only-below',
      'workers/ may import the layers below it, not api/, ops/, bench/, simulators/',
      '^workers/',
      ['^(workers|adapters|db|migrations|domain|config)/'],
    ),
    onlyImports(
      'api-imports-only-below',
      'api/ may import the layers below it, not workers/, ops/, bench/, simulators/',
      '^api/',
      ['^(api|adapters|db|migrations|domain|config)/'],
    ),
    {
      name: 'simulators-import-domain-config-and-their-own',
      comment:
        'a simulator stands in for an outside system: it may import domain/, config/, its own folder and simulators/shared/, never the code it is a stand-in for',
      severity: 'error',
      from: { path: '^simulators/([^/]+)/' },
      to: { path: ours, pathNot: ['^(domain|config)/', '^simulators/shared/', '^simulators/$1/'] },
    },
    {
      name: 'engine-rest-client-only-in-its-adapter',
      comment:
        "the engine's typed REST client (adapters/engine/engine-rest.ts) is adapters/engine's own: everything else asks the ProcessEngine or connect.ts for what it needs by name; the adapter's own tests (test/adapters/engine/) try the client itself",
      severity: 'error',
      from: { pathNot: ['^adapters/engine/', '^test/adapters/engine/'] },
      to: { path: '^adapters/engine/engine-rest\\.ts$' },
    },
    {
      name: 'nothing-imports-tests',
      comment: 'test/ is imported by nothing outside it (vitest.config.ts is the tests’ own)',
      severity: 'error',
      from: { pathNot: ['^test/', '^vitest\\.config\\.ts$'] },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'no import circle, type-only imports included: split the shared part into a module of its own',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to no file',
      severity: 'error',
      from: { pathNot: '^api/(public|modeler-editor)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a type that runs up the layers is as much a dependency as a value.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules/', '^\\.cache/', '^dist/', '\\.d\\.ts$'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
