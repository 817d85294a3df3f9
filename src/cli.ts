#!/usr/bin/env node
/** The `layermap` executable: runs the CLI and exits with its code. */
import { runCli } from "./cli/run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
