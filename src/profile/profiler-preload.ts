/**
 * Preloaded (`--import`, through NODE_OPTIONS) into every Node process `layermap profile` runs:
 * starts V8's CPU profiler through the inspector (Node 20 does not take `--cpu-prof` in
 * NODE_OPTIONS, so child processes could not be profiled that way), and writes the profile, in
 * the Chrome DevTools `.cpuprofile` format, when the process exits. A same-thread inspector
 * session answers synchronously, which is what lets the profile be written in the exit handler.
 *
 * A plain SIGINT or SIGTERM would kill Node before any exit handler runs: here they become a
 * normal exit (128 + the signal's number, as a shell reports it), so a server stopped after
 * `--duration` seconds still leaves its profile.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";

const folder = process.env["LAYERMAP_PROFILE_DIR"];
if (folder !== undefined && folder !== "") {
  const session = new Session();
  session.connect();
  const interval = Number(process.env["LAYERMAP_PROFILE_INTERVAL"]);
  session.post("Profiler.enable");
  if (Number.isInteger(interval) && interval > 0) session.post("Profiler.setSamplingInterval", { interval });
  session.post("Profiler.start");
  process.once("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error === null) writeFileSync(join(folder, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    // A listener for the signal takes away Node's own exit on it: end the process as the signal
    // would have, so the "exit" listener above writes the profile (a killed process writes none).
    // eslint-disable-next-line no-restricted-properties -- this preload runs inside the profiled program, not the library
    process.once(signal, () => process.exit(code));
  }
  // Tells layermap the profiler runs and a stop will keep the profile: `--duration` counts from
  // here, not from a start-up a busy machine made slow.
  writeFileSync(join(folder, `${process.pid}.started`), "");
}
