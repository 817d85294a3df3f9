/** The rules a config turns on, described for reporters. */
import type { Config } from "../config/config-schema.js";
import type { RuleInfo } from "../model/check-report.js";

export function ruleInfos(config: Config): RuleInfo[] {
  const { rules } = config;
  const infos: RuleInfo[] = [];
  const withComment = (info: RuleInfo, comment: string | undefined): RuleInfo => (comment === undefined ? info : { ...info, comment });
  if (rules.layers.mode !== "off" && rules.layers.severity !== "off" && config.layers.length > 0) {
    const order = config.layers.map((layer) => layer.name).join(" → ");
    const description =
      rules.layers.mode === "strict"
        ? `a module may import only its own layer and the one directly below (${order})`
        : `a module may import its own layer and the layers below it, never one above (${order})`;
    infos.push(withComment({ name: "layers", kind: "layers", severity: rules.layers.severity, description }, rules.layers.comment));
  }
  if (rules.cycles.severity !== "off") {
    const plane = rules.cycles.plane === "runtime" ? "runtime imports (type-only imports do not count)" : "all imports, type-only included";
    infos.push(withComment({ name: "cycles", kind: "cycles", severity: rules.cycles.severity, description: `no import cycles among ${plane}` }, rules.cycles.comment));
  }
  for (const rule of rules.forbidden) {
    if (rule.severity === "off") continue;
    const description = rule.indirect === true ? "a forbidden import, direct or through other modules" : "a forbidden import";
    infos.push(withComment({ name: rule.name, kind: "forbidden", severity: rule.severity, description }, rule.comment));
  }
  for (const rule of rules.independent) {
    if (rule.severity === "off") continue;
    const description = `the folders matching ${rule.siblings.join(", ")} must not import each other${rule.indirect === true ? ", even through other modules" : ""}`;
    infos.push(withComment({ name: rule.name, kind: "independent", severity: rule.severity, description }, rule.comment));
  }
  for (const rule of rules.containers ?? []) {
    if (rule.severity === "off") continue;
    const order = rule.layers.map((entry) => (typeof entry === "string" ? entry : entry.join(" | "))).join(" → ");
    const description = `inside each folder matching ${rule.containers.join(", ")}, its children are layered${rule.mode === "strict" ? " strictly" : ""}: ${order}`;
    infos.push(withComment({ name: rule.name, kind: "containers", severity: rule.severity, description }, rule.comment));
  }
  for (const rule of rules.acyclicSiblings ?? []) {
    if (rule.severity === "off") continue;
    const description = `no cycles between the children of ${rule.parents.join(", ")}, nor between siblings ${rule.depth} generation${rule.depth === 1 ? "" : "s"} below`;
    infos.push(withComment({ name: rule.name, kind: "acyclic-siblings", severity: rule.severity, description }, rule.comment));
  }
  return infos;
}
