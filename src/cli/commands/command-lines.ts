/**
 * Every command as `layermap --help` lists it — yargs' command string and its line of help —
 * in that order. Nothing else, and no import: run-cli.ts registers every command from this table
 * and loads the module of a command (its options, its handler, and all they import) only when the
 * command is named on the command line (commands/load-commands.ts).
 */
export const COMMAND_LINES = {
  map: { command: "map <root>", describe: "Map the imports of every source file under <root>: JSON, or a diagram" },
  check: { command: "check [root]", describe: "Check the layering rules of layermap.config.json; exit 1 on an error-level violation" },
  render: {
    command: "render <input>",
    describe: "Draw a saved map document, an edges list (- reads stdin), or a folder (mapped first) as DOT, SVG or Mermaid",
  },
  merge: {
    command: "merge <maps..>",
    describe: "Merge the maps of folders under one root (a monorepo's packages, mapped one by one) into the map of that root",
  },
  init: { command: "init [root]", describe: "Write a starter layermap.config.json with layers proposed from the code" },
  cycles: {
    command: "cycles",
    describe: "List the import cycles among local modules, largest first, with the fewest imports that break each; exit 1 on a runtime cycle",
  },
  why: { command: "why <from> <to>", describe: "Show the shortest import chain from one module to another (globs allowed); exit 1 when there is none" },
  deps: { command: "deps <module>", describe: "List what a module imports: directly, or transitively with --depth" },
  dependents: {
    command: "dependents <module>",
    describe: "List the modules that import a module: directly, or transitively with --depth (what breaks if I change it)",
  },
  affected: {
    command: "affected <ref>",
    describe: "List the modules changed since a git revision (uncommitted changes included) and every module that depends on them",
  },
  diff: {
    command: "diff <base> [head]",
    describe:
      "The architecture diff of a change: imports added and removed, layer crossings, rule violations and cycles, between two git revisions; exit 1 when it adds an error-level violation or a runtime cycle",
  },
  metrics: {
    command: "metrics",
    describe: "Coupling per module, folder and layer: fan-in (Ca), fan-out (Ce), instability, depth from the entry points, lines",
  },
  orphans: {
    command: "orphans",
    describe: "List local modules cut off from the rest; with --unreachable-from, the modules no entry point reaches (dead files); exit 1 when there are any",
  },
  layers: {
    command: "layers",
    describe: "Show the layers in force; with --infer, propose layers from the import graph and the folders, ready for layermap.config.json",
  },
  profile: { command: "profile", describe: "Run a Node command with the CPU profiler on and write its .cpuprofile (what cProfile is to Python)" },
  callgraph: {
    command: "callgraph <profiles..>",
    describe: "Draw the call graph of CPU profiles (from layermap profile or DevTools), by function, module, folder or layer, coloured by where the time goes",
  },
} as const satisfies Record<string, { command: string; describe: string }>;

export type CommandName = keyof typeof COMMAND_LINES;
