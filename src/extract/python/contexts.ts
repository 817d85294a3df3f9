/**
 * Where an import stands decides its kind and flags: in a function's or lambda's body it is
 * deferred (it runs on call); in the body of `if TYPE_CHECKING:` it is type-only (it never runs);
 * in the body of a `try:` whose handlers catch ImportError it is optional. A `try:` around a
 * `def` does not make the imports of its body optional: they run when the function is called,
 * outside that `try:` — so a function body ends the reach of the tries around it; it does not end
 * TYPE_CHECKING's (a function defined only for type checkers never runs).
 *
 * The regions come from one query of the tree (./extract-python.ts) as offset ranges; a tree's
 * ranges nest or are disjoint, so a sweep in offset order with a stack of the regions open gives
 * each site its enclosing regions — no parent pointers (tree-sitter finds a node's parent from
 * the root, which 100,000 levels of nesting make quadratic) and no recursion.
 */

type Region = "function-body" | "type-checking" | "optional";

export interface RegionRange {
  region: Region;
  start: number;
  end: number;
}

export interface Placement {
  deferred: boolean;
  typeOnly: boolean;
  optional: boolean;
}

/** The placement of each site (by its start offset, `starts` in any order), in the order given. */
export function placeSites(regions: readonly RegionRange[], starts: readonly number[]): Placement[] {
  const sorted = [...regions].sort((a, b) => a.start - b.start || b.end - a.end);
  const order = starts.map((start, index) => ({ start, index })).sort((a, b) => a.start - b.start || a.index - b.index);
  const placements = new Array<Placement>(starts.length);
  const open: RegionRange[] = [];
  let next = 0;
  for (const { start, index } of order) {
    while (next < sorted.length && sorted[next]!.start <= start) {
      const region = sorted[next++]!;
      while (open.length > 0 && open.at(-1)!.end <= region.start) open.pop();
      open.push(region);
    }
    while (open.length > 0 && open.at(-1)!.end <= start) open.pop();
    placements[index] = placementIn(open);
  }
  return placements;
}

function placementIn(open: readonly RegionRange[]): Placement {
  const placement: Placement = { deferred: false, typeOnly: false, optional: false };
  for (const { region } of open) {
    if (region === "function-body") {
      placement.deferred = true;
      placement.optional = false;
    } else if (region === "type-checking") placement.typeOnly = true;
    else placement.optional = true;
  }
  return placement;
}
