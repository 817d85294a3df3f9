/**
 * Hand-made call trees for the call-graph reporters' tests and pictures: a small web app (server,
 * router, middleware, views, a database client, packages, node:* builtins, V8's own entries),
 * folded with the model's own foldCallTree.
 */
import { compareCodeUnits } from "../../src/model/compare.js";
import { foldCallTree, round, share, type CallGraph, type CallGraphBy, type CallGraphComparison, type CallTree, type Frame, type FrameKey } from "../../src/model/call-graph.js";

/** A frame written `kind module function line`, nested by two spaces, `= self ms` at the end. */
export interface Call {
  frame: Frame;
  selfMs: number;
  calls?: Call[];
}

export function frame(kind: Frame["kind"], module: string, functionName: string, line = 0): Frame {
  return { kind, module, functionName, line };
}

export function call(f: Frame, selfMs: number, ...calls: Call[]): Call {
  return { frame: f, selfMs, calls };
}

/** A call tree from nested calls (one sample per millisecond). */
export function tree(...tops: Call[]): CallTree {
  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const nodes: CallTree["nodes"] = [];
  const add = (c: Call, parent: number): void => {
    const key = JSON.stringify(c.frame);
    let index = frameIndex.get(key);
    if (index === undefined) {
      index = frames.length;
      frames.push(c.frame);
      frameIndex.set(key, index);
    }
    const self = nodes.length;
    nodes.push({ frame: index, parent, selfMs: c.selfMs });
    for (const child of c.calls ?? []) add(child, self);
  };
  for (const top of tops) add(top, -1);
  const totalMs = nodes.reduce((sum, node) => sum + node.selfMs, 0);
  return { frames, nodes, totalMs, samples: Math.round(totalMs), };
}

/** The lead's keys in short: functions as module:function:line, native code folded into its caller. */
function keyBy(by: CallGraphBy): FrameKey {
  return (f) => {
    if (f.kind === "special") return { id: f.module, module: f.module, kind: "special" };
    if (f.kind === "native") return undefined;
    if (by === "function") return { id: `${f.module}:${f.functionName === "" ? "(anonymous)" : f.functionName}:${f.line}`, module: f.module, kind: f.kind };
    return { id: f.module, module: f.module, kind: f.kind };
  };
}

export function fold(t: CallTree, by: CallGraphBy = "function"): CallGraph {
  return foldCallTree(t, by, keyBy(by));
}

const F = {
  program: frame("special", "(program)", "(program)"),
  idle: frame("special", "(idle)", "(idle)"),
  gc: frame("special", "(garbage collector)", "(garbage collector)"),
  runMain: frame("builtin", "node:internal/modules/run_main", "executeUserEntryPoint", 0),
  main: frame("local", "apps/server/main.ts", "main", 10),
  startup: frame("local", "apps/server/startup.ts", "loadConfig", 4),
  readFileSync: frame("builtin", "node:fs", "readFileSync", 0),
  emit: frame("builtin", "node:events", "emit", 517),
  onRequest: frame("builtin", "node:_http_server", "parserOnIncoming", 0),
  handle: frame("local", "apps/server/http.ts", "handleRequest", 22),
  route: frame("local", "apps/router/router.ts", "route", 14),
  auth: frame("local", "apps/middleware/auth.ts", "authenticate", 8),
  verify: frame("external", "jsonwebtoken", "verify", 40),
  jsonParse: frame("native", "", "JSON.parse"),
  log: frame("local", "apps/middleware/logger.ts", "log", 5),
  writeSync: frame("builtin", "node:fs", "writeSync", 0),
  renderPage: frame("local", "apps/wiki/views.ts", "renderPage", 12),
  parse: frame("local", "apps/wiki/markdown.ts", "parse", 30),
  inline: frame("local", "apps/wiki/markdown.ts", "", 77),
  render: frame("local", "apps/wiki/templates.ts", "render", 3),
  ejs: frame("external", "ejs", "render", 0),
  loadPage: frame("local", "apps/wiki/store.ts", "loadPage", 19),
  query: frame("local", "apps/db/client.ts", "query", 50),
  pg: frame("external", "pg", "Client.query", 0),
  socketWrite: frame("builtin", "node:net", "Socket.write", 0),
  profile: frame("local", "apps/users/views.ts", "profile", 9),
  outside: frame("outside", "/opt/hooks/preload.js", "hook", 2),
  wasm: frame("native", "", "wasm-function[12]"),
};

/** One run of the web app: `scale` slows the database, `markdown` the Markdown parser. */
export function webAppTree(options: { database?: number; markdown?: number } = {}): CallTree {
  const db = options.database ?? 1;
  const md = options.markdown ?? 1;
  return tree(
    call(F.program, 40),
    call(F.idle, 300),
    call(F.gc, 35),
    call(F.wasm, 6),
    call(
      F.runMain,
      2,
      call(F.outside, 4),
      call(
        F.main,
        3,
        call(F.startup, 15, call(F.readFileSync, 8)),
        call(
          F.emit,
          2,
          call(
            F.onRequest,
            6,
            call(
              F.handle,
              5,
              call(
                F.route,
                4,
                call(F.auth, 6, call(F.verify, 30, call(F.jsonParse, 9))),
                call(F.log, 8, call(F.writeSync, 12)),
                call(
                  F.renderPage,
                  20,
                  call(F.parse, 90 * md, call(F.inline, 45 * md, call(F.parse, 20 * md, call(F.inline, 10 * md)))),
                  call(F.render, 35, call(F.ejs, 60)),
                  call(F.loadPage, 4, call(F.query, 15 * db, call(F.pg, 25 * db, call(F.socketWrite, 10 * db)))),
                ),
                call(F.profile, 10, call(F.query, 12 * db, call(F.pg, 18 * db))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Two graphs compared as the lead's stage will: each node's and edge's share of its own run. */
export function compare(now: CallGraph, base: CallGraph): CallGraphComparison {
  const ids = [...new Set([...now.nodes, ...base.nodes].map((node) => node.id))].sort(compareCodeUnits);
  const nowNodes = new Map(now.nodes.map((node) => [node.id, node]));
  const baseNodes = new Map(base.nodes.map((node) => [node.id, node]));
  const pct = (ms: number | undefined, total: number): number => round(share(ms ?? 0, total));
  const nodes = ids.map((id) => {
    const node = (nowNodes.get(id) ?? baseNodes.get(id))!;
    return {
      id,
      module: node.module,
      kind: node.kind,
      totalPct: pct(nowNodes.get(id)?.totalMs, now.totalMs),
      basePct: pct(baseNodes.get(id)?.totalMs, base.totalMs),
      selfPct: pct(nowNodes.get(id)?.selfMs, now.totalMs),
      baseSelfPct: pct(baseNodes.get(id)?.selfMs, base.totalMs),
    };
  });
  const key = (edge: { from: string; to: string }): string => `${edge.from}\u0000${edge.to}`;
  const nowEdges = new Map(now.edges.map((edge) => [key(edge), edge]));
  const baseEdges = new Map(base.edges.map((edge) => [key(edge), edge]));
  const edges = [...new Set([...nowEdges.keys(), ...baseEdges.keys()])]
    .map((k) => {
      const edge = (nowEdges.get(k) ?? baseEdges.get(k))!;
      return { from: edge.from, to: edge.to, pct: pct(nowEdges.get(k)?.ms, now.totalMs), basePct: pct(baseEdges.get(k)?.ms, base.totalMs) };
    })
    .sort((a, b) => compareCodeUnits(a.from, b.from) || compareCodeUnits(a.to, b.to));
  return { by: now.by, totalMs: now.totalMs, baseTotalMs: base.totalMs, nodes, edges };
}
