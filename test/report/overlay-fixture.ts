/**
 * A small layered program and a hand-made run of it, for the runtime overlay's tests.
 *
 *   top:  top/app.ts → mid/service.ts, mid/unused.ts, top/a<b>&"c.ts (a hostile name);
 *         top/handler.ts → base/events.ts (it registers itself: events calls it back)
 *   mid:  mid/service.ts → base/db.ts; mid/unused.ts (never runs)
 *   base: base/db.ts, base/events.ts
 *
 * The run (100 ms): app (self 10) → service (20) → db (30) → JSON.parse (5, native: db's);
 * app → the hostile module (2); the event loop → events (5) → handler (15), a callback with no
 * import from events to handler, pointing up from base to top; idle 13.
 */
import type { CallTree, Frame } from "../../src/model/call-graph.js";
import { tempTree } from "../helpers/temp-tree.js";

export const HOSTILE = 'top/a<b>&"c.ts';

export function overlayProgram(): string {
  return tempTree({
    "layermap.config.json": JSON.stringify({
      layers: [
        { name: "top", paths: ["top/**"] },
        { name: "mid", paths: ["mid/**"] },
        { name: "base", paths: ["base/**"] },
      ],
      rules: { layers: "relaxed", cycles: "off" },
    }),
    "top/app.ts": 'import { serve } from "../mid/service.js";\nimport "../mid/unused.js";\nimport "./a<b>&\\"c.js";\nserve();\n',
    [HOSTILE]: "export const odd = 1;\n",
    "top/handler.ts": 'import { on } from "../base/events.js";\non(() => 1);\nexport {};\n',
    "mid/service.ts": 'import { query } from "../base/db.js";\nexport const serve = () => query();\n',
    "mid/unused.ts": "export const never = 1;\n",
    "base/db.ts": "export const query = () => JSON.parse('1');\n",
    "base/events.ts": "export const on = (f: () => number) => f();\n",
  });
}

const frame = (kind: Frame["kind"], module: string, functionName = "f"): Frame => ({ kind, module, functionName, line: 1 });

export function overlayRun(): CallTree {
  const frames: Frame[] = [
    frame("special", "(root)", "(root)"),
    frame("local", "top/app.ts"),
    frame("local", "mid/service.ts"),
    frame("local", "base/db.ts"),
    frame("native", "", "JSON.parse"),
    frame("local", "base/events.ts"),
    frame("local", "top/handler.ts"),
    frame("special", "(idle)", "(idle)"),
    frame("local", HOSTILE),
  ];
  const nodes = [
    { frame: 0, parent: -1, selfMs: 0 },
    { frame: 1, parent: 0, selfMs: 10 },
    { frame: 2, parent: 1, selfMs: 20 },
    { frame: 3, parent: 2, selfMs: 30 },
    { frame: 4, parent: 3, selfMs: 5 },
    { frame: 5, parent: 0, selfMs: 5 },
    { frame: 6, parent: 5, selfMs: 15 },
    { frame: 7, parent: 0, selfMs: 13 },
    { frame: 8, parent: 1, selfMs: 2 },
  ];
  return { frames, nodes, totalMs: 100, samples: 100 };
}

/** The same run as a .cpuprofile recorded with the program's folder as its root (frame paths relative to it). */
export function overlayProfile(): string {
  const tree = overlayRun();
  const callFrame = (f: Frame) => ({
    functionName: f.functionName,
    scriptId: "0",
    url: f.kind === "local" ? f.module : "",
    lineNumber: 0,
    columnNumber: 0,
  });
  const nodes = tree.nodes.map((node, index) => ({
    id: index + 1,
    callFrame: callFrame(tree.frames[node.frame]!),
    children: tree.nodes.flatMap((child, at) => (child.parent === index ? [at + 1] : [])),
  }));
  // One sample per millisecond, on each node as often as its self time.
  const samples = tree.nodes.flatMap((node, index) => Array.from({ length: node.selfMs }, () => index + 1));
  return JSON.stringify({ nodes, startTime: 0, endTime: samples.length * 1000, samples, timeDeltas: samples.map(() => 1000) });
}
