import { basename, dirname, extname, join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { UserError } from "../../model/errors.js";
import { printable } from "../../model/printable.js";
import { EXIT_OK, type CliIo } from "../io.js";
import { writeOutputAtomically } from "../write-output.js";
import { COMMAND_LINES } from "./command-lines.js";

interface ProfileArguments {
  duration?: number;
  out?: string;
  root?: string;
  interval?: number;
}

/**
 * `layermap profile [--duration s] [--out file] -- <command…>`: the command after `--` runs with
 * V8's CPU profiler on; each Node process it starts leaves a `.cpuprofile`. `argv` is the whole
 * command line: yargs does not say whether the command came after `--`.
 */
export function profileCommand(io: CliIo, setExitCode: (code: number) => void, argv: readonly string[]): CommandModule<object, ProfileArguments> {
  return {
    ...COMMAND_LINES.profile,
    builder: (yargs) =>
      yargs
        .option("duration", { type: "number", describe: "Stop the command after this many seconds (a server, say) and keep its profile" })
        .option("out", { alias: "o", type: "string", describe: "The profile to write (default layermap.cpuprofile; a second process's is layermap.2.cpuprofile)" })
        .option("root", { type: "string", describe: "Write frame paths relative to this folder (default: the working folder)" })
        .option("interval", { type: "number", describe: "Sampling interval in microseconds (V8's default: 1000)" })
        .example("$0 profile --duration 5 -- node app.js", "Profile a server for five seconds")
        .example("$0 profile --out test.cpuprofile -- npx vitest run", "Profile a test run (every Node process it starts)"),
    handler: async (args) => {
      const separator = argv.indexOf("--");
      if (separator === -1 || separator === argv.length - 1) {
        throw new UserError("profile: name the command to run after --, like: layermap profile --duration 5 -- node app.js");
      }
      if (args.duration !== undefined && !(args.duration > 0)) throw new UserError(`--duration ${args.duration}: expected a number of seconds above 0`);
      if (args.interval !== undefined && !(Number.isInteger(args.interval) && args.interval > 0)) throw new UserError(`--interval ${args.interval}: expected a whole number of microseconds above 0`);
      const { runProfiled } = await import("../../profile/run-profiled.js");
      const run = await runProfiled({
        command: argv.slice(separator + 1),
        root: resolve(args.root ?? "."),
        ...(args.duration === undefined ? {} : { durationSeconds: args.duration }),
        ...(args.interval === undefined ? {} : { intervalMicroseconds: args.interval }),
      });
      const out = args.out ?? "layermap.cpuprofile";
      const written = run.profiles.map((profile, index) => {
        const path = index === 0 ? out : numbered(out, index + 1);
        writeOutputAtomically(path, `${JSON.stringify(profile)}\n`);
        return path;
      });
      const failed = run.stopped ? `stopped after ${String(args.duration)} s; ` : run.exitCode === 0 ? "" : `the command exited with code ${run.exitCode}; `;
      if (written.length === 0) {
        throw new UserError(`profile: ${failed}no Node process wrote a profile (is it a Node command? a process killed with SIGKILL writes none)`);
      }
      io.stderr.write(`layermap: ${failed}${written.length === 1 ? "profile" : `${written.length} profiles, one a process,`} written to ${written.map(printable).join(", ")}\n`);
      setExitCode(EXIT_OK);
    },
  };
}

/** `out.cpuprofile` → `out.2.cpuprofile`. */
function numbered(path: string, n: number): string {
  const ending = extname(path);
  return join(dirname(path), `${basename(path, ending)}.${n}${ending}`);
}
