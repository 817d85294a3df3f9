/**
 * A rule or layer that cannot be checked as written — most often a glob that matches nothing,
 * which would otherwise disable the check silently. Reported as a config error (exit 2).
 */
export interface RuleProblem {
  /** Where in the config, e.g. `rules.forbidden[0].from`. */
  keyPath: string;
  message: string;
  /** What to do about it, when not the usual `(mark it "optional": true if that is intended)`. */
  hint?: string;
}
