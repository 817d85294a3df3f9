/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): in process, with
 * no system Graphviz to install. The module is imported and loaded once per process, on first
 * use: its bundle is large, and a run that writes no SVG should not pay for it.
 */
import type { Graphviz } from "@hpcc-js/wasm-graphviz";

let graphviz: Promise<Graphviz> | undefined;

/**
 * One layout. It first lets the event loop run: a layout is long and cannot be interrupted, and an
 * HTML page lays out hundreds, so a Ctrl-C is honoured between them rather than after the last.
 */
export async function dotToSvg(dot: string): Promise<string> {
  await new Promise((resolve) => setImmediate(resolve));
  graphviz ??= import("@hpcc-js/wasm-graphviz").then((module) => module.Graphviz.load());
  return (await graphviz).dot(dot, "svg");
}
