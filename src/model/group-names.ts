/**
 * The names of the groups every picture folds modules into — the static map's folded boxes and
 * the call graph's nodes by folder or layer — kept in one place so the two halves agree.
 */

/** The box of local modules in no configured layer. */
export const NO_LAYER = "(no layer)";
/** The box of packages, when they are folded together. */
export const EXTERNALS = "(external)";
/** The box of the files directly at the root, when folded by folder. */
export const ROOT_FOLDER = "./";
