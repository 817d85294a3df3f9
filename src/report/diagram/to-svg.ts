/**
 * DOT → SVG with Graphviz compiled to WebAssembly (@hpcc-js/wasm-graphviz): in process, with
 * no system Graphviz to install. The module is loaded once per process, on first use.
 */
import { Graphviz } from "@hpcc-js/wasm-graphviz";

let graphviz: Promise<Graphviz> | undefined;

export async function dotToSvg(dot: string): Promise<string> {
  graphviz ??= Graphviz.load();
  return (await graphviz).dot(dot, "svg");
}
