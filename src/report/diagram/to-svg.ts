/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): in process, with
 * no system Graphviz to install. The module is imported and loaded once per process, on first
 * use: its bundle is large, and a run that writes no SVG should not pay for it.
 */
import type { Graphviz } from "@hpcc-js/wasm-graphviz";

let graphviz: Promise<Graphviz> | undefined;

export async function dotToSvg(dot: string): Promise<string> {
  graphviz ??= import("@hpcc-js/wasm-graphviz").then((module) => module.Graphviz.load());
  return (await graphviz).dot(dot, "svg");
}
