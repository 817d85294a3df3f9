#!/usr/bin/env node
/**
 * One measured run for callgraph-bench.mjs, in a process of its own so that its peak RSS is this
 * run's alone. Prints one JSON line.
 *
 *   node callgraph-run.mjs parse <profile>                  read + JSON.parse only (the floor)
 *   node callgraph-run.mjs callgraph <profile> <root> <by>  callGraph() of the public API
 *   node callgraph-run.mjs stages <profile> <root> <by>     the same work, stage by stage
 *
 * `ms` is the wall time of the measured call alone (the modules are imported before the clock
 * starts), `cpuMs` the CPU time (user + system) it took; `rssMB` is process.resourceUsage().maxRSS afterwards (the whole process, Node's own
 * ~45 MB included), `baseMB` the RSS before the call.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { layermapCli } from "./layermap.mjs";

const [mode, profile, root, by] = process.argv.slice(2);
const dist = path.dirname(layermapCli);
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const mb = (bytes) => Math.round(bytes / 1048576);

if (mode === "parse") {
  const baseMB = mb(process.memoryUsage().rss);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const json = JSON.parse(fs.readFileSync(profile, "utf8"));
  const ms = performance.now() - started;
  report({ ms, cpuMs: cpuMs(cpu), baseMB, nodes: json.nodes.length, samples: json.samples.length });
} else if (mode === "callgraph") {
  const { callGraph } = await load("api/callgraph.js");
  const baseMB = mb(process.memoryUsage().rss);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { graph } = callGraph({ profiles: [profile], root, by });
  const ms = performance.now() - started;
  report({ ms, cpuMs: cpuMs(cpu), baseMB, nodes: graph.nodes.length, edges: graph.edges.length, samples: graph.samples, totalMs: graph.totalMs });
} else if (mode === "stages") {
  // What callGraph() does, split where the time can go: the same calls in the same order.
  const { readProfile } = await load("callgraph/read-profile.js");
  const { placeProfile } = await load("callgraph/place-frames.js");
  const { SourceMaps } = await load("callgraph/source-maps.js");
  const { frameKey } = await load("callgraph/frame-keys.js");
  const { pruneCallGraph } = await load("callgraph/prune.js");
  const { foldCallTree } = await load("model/call-graph.js");
  const { loadConfig } = await load("config/load-config.js");
  const { globMatcher } = await load("config/glob-matcher.js");
  const stages = {};
  let last = performance.now();
  const lap = (name) => {
    const now = performance.now();
    stages[name] = now - last;
    last = now;
  };
  const text = fs.readFileSync(profile, "utf8");
  lap("read");
  // JSON.parse and the checks of the format (the JSON.parse row of the table is the parse alone).
  const checked = readProfile(text, profile);
  lap("parse + check");
  const tree = placeProfile(checked, { root, sourceMaps: new SourceMaps() });
  lap("place");
  let layerOf;
  if (by === "layer") {
    const { config } = loadConfig(root, undefined);
    const matchers = config.layers.map((layer) => ({ name: layer.name, matches: globMatcher(layer.paths) }));
    layerOf = (id) => matchers.find((layer) => layer.matches(id))?.name;
  }
  last = performance.now();
  const full = foldCallTree(tree, by, frameKey(by, layerOf));
  lap("fold");
  const pruned = pruneCallGraph(full, { nodeThreshold: 0.5, edgeThreshold: 0.1 });
  lap("prune");
  report({ stages, treeNodes: tree.nodes.length, frames: tree.frames.length, fullNodes: full.nodes.length, fullEdges: full.edges.length, nodes: pruned.graph.nodes.length });
} else {
  console.error("usage: callgraph-run.mjs parse <profile> | callgraph <profile> <root> <by> | stages <profile> <root> <by>");
  process.exit(2);
}

/** User + system CPU since `since`, in ms: all of the process's threads (V8's GC helpers too). */
function cpuMs(since) {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
}

function report(fields) {
  process.stdout.write(JSON.stringify({ ...fields, rssMB: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
}
