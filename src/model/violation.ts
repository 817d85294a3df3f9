/** What a broken rule looks like, for every reporter and the baseline. */
import type { ModuleKind } from "./document.js";

type RuleKind = "layers" | "cycles" | "forbidden" | "independent" | "containers" | "acyclic-siblings";

/**
 * With barrels transparent, an import that reaches `to` through a barrel: the module it imports
 * (`module`, an index.ts re-exporting its folder) and the names it imports from it that are
 * declared in `to`, sorted.
 */
export interface BarrelPassage {
  module: string;
  names: string[];
}

/** One import on a chain: `from` imports `to` at `line`, written `specifier` (through `barrel`, when barrels are transparent). */
export interface ImportStep {
  from: string;
  to: string;
  line: number;
  specifier: string;
  barrel?: BarrelPassage;
}

export interface Violation {
  /** The rule's name: `layers`, `cycles`, or the name a forbidden/independent rule was given. */
  rule: string;
  ruleKind: RuleKind;
  severity: "error" | "warn";
  /** The importing module and the imported one: the first step of `via` when there is a chain. */
  from: string;
  to: string;
  /** What `to` is: only a local module's id is a path. */
  toKind: ModuleKind;
  line: number;
  specifier: string;
  fromLayer?: string;
  toLayer?: string;
  /** The barrel the import at `line` goes through to reach `to` (barrels transparent): why a line importing an index.ts breaks a rule about another module. */
  barrel?: BarrelPassage;
  /**
   * The whole chain, when the break runs through several imports (a cycle, unlayered modules).
   * Each step is an import; in a cycle between sibling folders one step's `to` and the next's
   * `from` may be two modules of the same folder.
   */
  via?: ImportStep[];
  /** One sentence on what is wrong. */
  message: string;
  /** The rule's comment: why it exists. */
  comment?: string;
}
