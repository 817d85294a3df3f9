/**
 * Commands are registered from one table (--help's lines) and their modules loaded only when
 * named: src/cli/commands/load-commands.ts.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { COMMAND_LINES, type CommandName } from "../../src/cli/commands/command-lines.js";
import { loadCommands } from "../../src/cli/commands/load-commands.js";
import type { CliIo } from "../../src/cli/io.js";

const io: CliIo = { stdout: new PassThrough(), stderr: new PassThrough(), cwd: process.cwd() };
const names = Object.keys(COMMAND_LINES) as CommandName[];

describe("loadCommands", () => {
  it("gives every command in --help's order, each with its line of the table", async () => {
    const commands = await loadCommands({ io, setExitCode: () => {}, argv: names });
    expect(commands.map((command) => command.command)).toEqual(names.map((name) => COMMAND_LINES[name].command));
    expect(commands.map((command) => command.describe)).toEqual(names.map((name) => COMMAND_LINES[name].describe));
  });

  it("loads a command's module (its options and handler) only when the command line names it", async () => {
    const commands = await loadCommands({ io, setExitCode: () => {}, argv: ["map", "src", "--out", "x.json", "--", "check"] });
    const loaded = commands.filter((command) => command.builder !== undefined).map((command) => command.command);
    expect(loaded).toEqual([COMMAND_LINES.map.command]);
    const listed = commands.find((command) => command.command === COMMAND_LINES.check.command)!;
    expect(() => listed.handler({ _: [], $0: "layermap" })).toThrow(/ran without its module/);
  });
});
