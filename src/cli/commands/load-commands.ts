/**
 * The commands of one run: the module of each command named on the command line, loaded; every
 * other command only as `--help` lists it (commands/command-lines.ts). A command's module imports
 * what its options and handler need — the reporters for `--format`'s choices, zod's schemas, the
 * call-graph reader — and a run pays for none of that for the commands it does not run.
 *
 * yargs runs the command named by the first positional word; every command name on the command
 * line (before `--`, after which come a profiled command's own words) is loaded, so whichever word
 * yargs takes for the command, its module is there. The others cannot be run: their handler is
 * never called, and says so if it ever is.
 */
import type { CommandModule } from "yargs";
import type { CliIo } from "../io.js";
import { COMMAND_LINES, type CommandName } from "./command-lines.js";

interface CommandContext {
  io: CliIo;
  setExitCode: (code: number) => void;
  /** The whole command line (`profile` reads what follows `--`). */
  argv: readonly string[];
}

// Each command's arguments are its own: yargs takes the modules as they come.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<object, any>;

const LOADERS: Record<CommandName, (context: CommandContext) => Promise<AnyCommand>> = {
  map: async ({ io, setExitCode }) => (await import("./map-command.js")).mapCommand(io, setExitCode),
  check: async ({ io, setExitCode }) => (await import("./check-command.js")).checkCommand(io, setExitCode),
  render: async ({ io, setExitCode }) => (await import("./render-command.js")).renderCommand(io, setExitCode),
  merge: async ({ io, setExitCode }) => (await import("./merge-command.js")).mergeCommand(io, setExitCode),
  init: async ({ io, setExitCode }) => (await import("./init-command.js")).initCommand(io, setExitCode),
  cycles: async ({ io, setExitCode }) => (await import("./explore/cycles-command.js")).cyclesCommand(io, setExitCode),
  why: async ({ io, setExitCode }) => (await import("./explore/why-command.js")).whyCommand(io, setExitCode),
  deps: async ({ io, setExitCode }) => (await import("./explore/neighbours-command.js")).neighboursCommand("deps", io, setExitCode),
  dependents: async ({ io, setExitCode }) => (await import("./explore/neighbours-command.js")).neighboursCommand("dependents", io, setExitCode),
  affected: async ({ io, setExitCode }) => (await import("./explore/affected-command.js")).affectedCommand(io, setExitCode),
  diff: async ({ io, setExitCode }) => (await import("./explore/diff-command.js")).diffCommand(io, setExitCode),
  metrics: async ({ io, setExitCode }) => (await import("./explore/metrics-command.js")).metricsCommand(io, setExitCode),
  orphans: async ({ io, setExitCode }) => (await import("./explore/orphans-command.js")).orphansCommand(io, setExitCode),
  layers: async ({ io, setExitCode }) => (await import("./explore/layers-command.js")).layersCommand(io, setExitCode),
  profile: async ({ io, setExitCode, argv }) => (await import("./profile-command.js")).profileCommand(io, setExitCode, argv),
  callgraph: async ({ io, setExitCode }) => (await import("./callgraph-command.js")).callgraphCommand(io, setExitCode),
};

/** Every command, in `--help`'s order: loaded when `argv` names it, else as listed. */
export async function loadCommands(context: CommandContext): Promise<AnyCommand[]> {
  const end = context.argv.indexOf("--");
  const words = new Set(end === -1 ? context.argv : context.argv.slice(0, end));
  const names = Object.keys(COMMAND_LINES) as CommandName[];
  return Promise.all(names.map((name) => (words.has(name) ? LOADERS[name](context) : listedOnly(name))));
}

/** A command as `--help` lists it, and no more. */
function listedOnly(name: CommandName): Promise<AnyCommand> {
  return Promise.resolve({
    ...COMMAND_LINES[name],
    handler: () => {
      throw new Error(`the ${name} command ran without its module (load-commands.ts loads the module of every command named on the command line)`);
    },
  });
}
