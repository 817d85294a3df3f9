/**
 * The CLI: argv → a call of the public API → printed output and an exit code. The only place
 * that knows about argv, streams and exit codes; the work happens in the API.
 */
import yargs from "yargs";
import { isUserError } from "../model/errors.js";
import { printable } from "../model/printable.js";
import { loadCommands } from "./commands/load-commands.js";
import { EXIT_USAGE, type CliIo, type CliStreams } from "./io.js";
import { totalLine } from "./stage-lines.js";
import { didYouMean } from "../model/nearest.js";
import { LAYERMAP_VERSION } from "../model/version.js";

/** `io.cwd`: the working folder (default: the process's). */
export async function runCli(argv: readonly string[], streams: CliStreams & { cwd?: string }): Promise<number> {
  const io: CliIo = { ...streams, cwd: streams.cwd ?? process.cwd() };
  let exitCode = 0;
  const debug = argv.includes("--debug");
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  let commandStartedAt = 0;
  try {
    const parser = yargs([...argv])
      .scriptName("layermap")
      .usage("$0 <command> [options]\n\nMap the module dependencies of a TypeScript/JavaScript codebase.")
      .command(await loadCommands({ io, setExitCode, argv }))
      .option("debug", { type: "boolean", describe: "Print stack traces of errors" })
      .middleware(() => {
        commandStartedAt = performance.now();
      })
      .completion("completion", "Print a bash/zsh completion script: layermap completion >> ~/.bashrc")
      .demandCommand(1, "Name a command: layermap map <root>, or layermap check")
      .strict()
      .recommendCommands()
      .help()
      .alias("h", "help")
      // Given, not found: yargs would read the version from the package.json above the folder
      // yargs is installed in — the project's own, when layermap is installed into one.
      .version(LAYERMAP_VERSION)
      .wrap(100)
      .exitProcess(false)
      .fail((message, error, usage) => {
        // The third argument is yargs' usage object at run time (typed as the yargs instance): it knows the command's options.
        const described = (usage as unknown as { getDescriptions?: () => Record<string, unknown> }).getDescriptions?.() ?? {};
        // yargs types `error` as always there; it is null for a usage problem of its own.
        throw (error as Error | null) ?? new UsageError(withSuggestions(message, Object.keys(described)));
      });
    withoutHelpInAdvance(parser);
    const parsed = await parser.parseAsync();
    if (parsed["verbose"] === true) io.stderr.write(`${totalLine(commandStartedAt)}\n`);
  } catch (error) {
    if (error instanceof UsageError || isUserError(error)) {
      io.stderr.write(`layermap: error: ${printableLines(error.message)}\n`);
      if (error instanceof UsageError) io.stderr.write("Run `layermap --help` for the commands and options.\n");
      if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`layermap: internal error: ${printableLines(error instanceof Error ? error.message : String(error))}\n`);
    io.stderr.write(debug ? `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` : "This is a bug in layermap; run again with --debug for the stack trace and report it.\n");
    return EXIT_USAGE;
  }
  return exitCode;
}

class UsageError extends Error {}

/**
 * yargs lays out a command's whole `--help` text as the command starts, in case its handler
 * fails later and yargs must print it (measured 30 ms of CPU per run, and 0.1–0.2 s on a loaded
 * machine: every line is measured for East Asian widths and emoji). layermap's `.fail()` prints
 * one line and never that text, so the layout is skipped. Through yargs' internal methods: if a
 * yargs version lacks them, the text is laid out as before, and nothing else changes.
 */
function withoutHelpInAdvance(parser: object): void {
  const internal = parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = internal.getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === "function") usage.cacheHelpMessage = () => {};
}

/**
 * An error's lines, each printable. A message quotes what it is about — a config key, an id, a
 * path — and those come from the analysed repository: whatever a message's author forgot to
 * escape, no line it prints can drive the terminal or be a CI workflow command.
 */
function printableLines(message: string): string {
  return message.split("\n").map(printable).join("\n");
}

/** yargs' "Unknown argument: ot" → "Unknown argument: ot (did you mean --out?)", from the options the command knows. */
function withSuggestions(message: string, known: readonly string[]): string {
  const unknown = /^(Unknown arguments?): (.+)$/.exec(message);
  if (unknown === null) return message;
  const names = unknown[2]!.split(", ").map((name) => `${name}${didYouMean(name.replace(/^-+/, ""), known, (option) => `--${option}`)}`);
  return `${unknown[1]!}: ${names.join(", ")}`;
}
