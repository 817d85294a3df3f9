/** The graph-exploring commands (cycles, why, deps, dependents, affected, diff, metrics, orphans, layers). */
import type { CommandModule } from "yargs";
import type { CliIo } from "../../io.js";
import { affectedCommand } from "./affected-command.js";
import { cyclesCommand } from "./cycles-command.js";
import { diffCommand } from "./diff-command.js";
import { layersCommand } from "./layers-command.js";
import { metricsCommand } from "./metrics-command.js";
import { neighboursCommand } from "./neighbours-command.js";
import { orphansCommand } from "./orphans-command.js";
import { whyCommand } from "./why-command.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function exploreCommands(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, any>[] {
  return [
    cyclesCommand(io, setExitCode),
    whyCommand(io, setExitCode),
    neighboursCommand("deps", io, setExitCode),
    neighboursCommand("dependents", io, setExitCode),
    affectedCommand(io, setExitCode),
    diffCommand(io, setExitCode),
    metricsCommand(io, setExitCode),
    orphansCommand(io, setExitCode),
    layersCommand(io, setExitCode),
  ];
}
