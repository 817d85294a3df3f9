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
    infos.push(withComment({ name: rule.name, kind: "forbidden", severity: rule.severity, description: "a forbidden import" }, rule.comment));
  }
  for (const rule of rules.independent) {
    if (rule.severity === "off") continue;
    const description = `the folders matching ${rule.siblings.join(", ")} must not import each other`;
    infos.push(withComment({ name: rule.name, kind: "independent", severity: rule.severity, description }, rule.comment));
  }
  return infos;
}
