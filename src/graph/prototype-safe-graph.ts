/**
 * A graphology `DirectedGraph` that any string can name a node of. graphology keeps each node's
 * neighbours in plain objects keyed by node (`out[target]`), so a module named like an
 * `Object.prototype` member — `constructor`, `toString`, `valueOf`, `hasOwnProperty`, `__proto__` —
 * reads as an edge that is already there (`addDirectedEdge` then throws "already exists"), or
 * replaces the object's prototype. Here those objects have no prototype, and "is there an edge"
 * is answered without calling `hasOwnProperty` on them. Copies (`copy`, `emptyCopy`) stay safe.
 */
import { DirectedGraph } from "graphology";
import type { Attributes, GraphOptions } from "graphology-types";

type Adjacency = Record<string, unknown>;
interface NodeData {
  in?: Adjacency;
  out?: Adjacency;
  undirected?: Adjacency;
  clear(): void;
}
type NodeDataClass = new (key: string, attributes: unknown) => NodeData;

const safeClasses = new WeakMap<NodeDataClass, NodeDataClass>();

/** The node data class of `base` whose neighbour indexes have no prototype (made once per class). */
function withoutPrototypes(base: NodeDataClass): NodeDataClass {
  let safe = safeClasses.get(base);
  if (safe === undefined) {
    safe = class extends base {
      override clear(): void {
        super.clear();
        if (this.in !== undefined) this.in = Object.create(null) as Adjacency;
        if (this.out !== undefined) this.out = Object.create(null) as Adjacency;
        if (this.undirected !== undefined) this.undirected = Object.create(null) as Adjacency;
      }
    };
    safeClasses.set(base, safe);
  }
  return safe;
}

export class PrototypeSafeDirectedGraph<
  NodeAttributes extends Attributes = Attributes,
  EdgeAttributes extends Attributes = Attributes,
> extends DirectedGraph<NodeAttributes, EdgeAttributes> {
  constructor(options?: Partial<GraphOptions>) {
    super(options);
    // Every way graphology creates a node (addNode, mergeNode, import, emptyCopy) goes through this class.
    const internals = this as unknown as { NodeDataClass: NodeDataClass };
    internals.NodeDataClass = withoutPrototypes(internals.NodeDataClass);
  }

  override hasDirectedEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length !== 2 || this.multi) return super.hasDirectedEdge(...(args as [unknown, unknown]));
    const [source, target] = args;
    return this.hasNode(source) && this.hasNode(target) && this.directedEdge(source, target) !== undefined;
  }

  override hasEdge(...args: [unknown] | [unknown, unknown]): boolean {
    if (args.length !== 2 || this.multi) return super.hasEdge(...(args as [unknown, unknown]));
    const [source, target] = args;
    return this.hasNode(source) && this.hasNode(target) && this.edge(source, target) !== undefined;
  }

  /** graphology's own builds a plain `Graph`, which `copy` and `emptyCopy` then fill. */
  override nullCopy(options?: Partial<GraphOptions>): PrototypeSafeDirectedGraph<NodeAttributes, EdgeAttributes> {
    const graph = new PrototypeSafeDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: this.allowSelfLoops, ...options });
    graph.replaceAttributes({ ...this.getAttributes() });
    return graph;
  }
}
