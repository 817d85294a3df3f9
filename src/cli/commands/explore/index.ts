/** The graph-exploring commands (cycles, why, deps, dependents, affected, metrics, orphans, layers). */
import type { CommandModule } from "yargs";
import type { CliIo } from "../../io.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function exploreCommands(_io: CliIo, _setExitCode: (code: number) => void): CommandModule<object, any>[] {
  return [];
}
