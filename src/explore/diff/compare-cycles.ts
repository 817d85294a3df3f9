/**
 * The cycles a change creates, changes and breaks. A cycle is known by its modules (a strongly
 * connected component, as `layermap cycles` lists them), not by the chain printed for it, which
 * can start elsewhere after any edit; and two components of the two revisions are the same cycle
 * evolving when they share an import (one that closes a cycle in both). Sharing a module is not
 * enough: a change that breaks `a → b → c → a` and makes `c → d → c` made a new cycle.
 *
 * - created: a component in the head that shares no import with a component of the same kind
 *   (runtime cycle or type-only tangle) in the base;
 * - changed: one that shares imports with base components but is not one of them (it grew,
 *   shrank, or two merged);
 * - broken: a base component that shares no import with a head component of its kind, and is
 *   not one.
 *
 * A head component *adds a failing cycle* when it fails (a runtime cycle, or any cycle when the
 * config's cycles rule counts every import) and no failing base component holds all its modules:
 * a new cycle, a bigger one, or two merged. One that only shrank adds nothing.
 */
import type { Plane } from "../../config/config-schema.js";
import { fromDocument } from "../../graph/to-document.js";
import { compareCodeUnits } from "../../model/compare.js";
import type { MapDocument } from "../../model/document.js";
import { pairKey } from "./compare-imports.js";
import type { ChainStep } from "../chain-step.js";
import { findCycles, type CycleComponent } from "../cycles/find-cycles.js";

export interface CycleChange {
  change: "created" | "changed" | "broken";
  /** A runtime cycle, or a type-only tangle. */
  runtime: boolean;
  /** Its modules, sorted: in the head, or in the base for a broken one. */
  modules: string[];
  /** One shortest cycle through it, with the lines of that revision. */
  cycle: ChainStep[];
  /** For a changed one: the base components it overlaps. */
  was?: string[][];
  /** It adds a cycle that fails (see above). */
  adds: boolean;
}

export function compareCycles(base: MapDocument, head: MapDocument, failPlane: Plane): CycleChange[] {
  const before = components(base, failPlane);
  const after = components(head, failPlane);
  const fails = (component: CycleComponent): boolean => component.runtime || failPlane === "all";
  const same = (a: Component, b: Component): boolean => a.component.runtime === b.component.runtime && sameModules(a.component.modules, b.component.modules);
  const related = (a: Component, b: Component): boolean => a.component.runtime === b.component.runtime && shareAny(a.imports, b.imports);
  const changes: CycleChange[] = [];

  for (const now of after) {
    if (before.some((old) => same(old, now))) continue;
    const was = before.filter((old) => related(old, now));
    const held = before.some((old) => fails(old.component) && contains(old.component.modules, now.component.modules));
    changes.push({
      change: was.length === 0 ? "created" : "changed",
      runtime: now.component.runtime,
      modules: now.component.modules,
      cycle: now.component.cycle,
      ...(was.length === 0 ? {} : { was: was.map((old) => old.component.modules) }),
      adds: fails(now.component) && !held,
    });
  }
  for (const old of before) {
    if (after.some((now) => same(old, now) || related(old, now))) continue;
    const { runtime, modules, cycle } = old.component;
    changes.push({ change: "broken", runtime, modules, cycle, adds: false });
  }
  const order = { created: 0, changed: 1, broken: 2 };
  return changes.sort(
    (a, b) =>
      order[a.change] - order[b.change] ||
      Number(b.runtime) - Number(a.runtime) ||
      b.modules.length - a.modules.length ||
      compareCodeUnits(a.modules[0]!, b.modules[0]!),
  );
}

interface Component {
  component: CycleComponent;
  /** The imports inside it, on its plane (`from\0to`). */
  imports: Set<string>;
}

function components(document: MapDocument, failPlane: Plane): Component[] {
  return findCycles(fromDocument(document), { failPlane }).components.map((component) => {
    const inside = new Set(component.modules);
    const imports = document.imports
      .filter((edge) => inside.has(edge.from) && inside.has(edge.to) && (!component.runtime || !edge.typeOnly))
      .map((edge) => pairKey(edge.from, edge.to));
    return { component, imports: new Set(imports) };
  });
}

function shareAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const key of a) if (b.has(key)) return true;
  return false;
}

function sameModules(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Every module of `inner` is in `outer`. */
function contains(outer: readonly string[], inner: readonly string[]): boolean {
  const set = new Set(outer);
  return inner.every((id) => set.has(id));
}
