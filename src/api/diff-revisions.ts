/**
 * `layermap diff <base> [<head>]`: map the root as it is in two git revisions — the head being
 * the working tree unless named — and compare. Revisions are written to a temporary folder
 * (git-revisions.ts), never into the work tree, and removed afterwards.
 *
 * Both revisions are mapped and judged with one config: the head's `layermap.config.json` (or
 * `--config`). The diff is about what the code change does; with each revision's own config, a
 * rule the change adds would count every old break of it as new. Without a config in the head,
 * both are judged by the defaults, even when the base had one.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, posix, relative, resolve } from "node:path";
import { makeScratchFolder, removeScratchFolder } from "../model/scratch-folders.js";
import { defaultCacheDir, map, type MapOptions, type MapResult } from "./map.js";
import type { Plane } from "../config/config-schema.js";
import { CONFIG_FILE_NAME } from "../config/load-config.js";
import type { MapDocument } from "../model/document.js";
import { isUserError, UserError } from "../model/errors.js";
import { checkRules } from "../rules/check-rules.js";
import { describeRoot } from "./load-graph.js";
import { planeDocument, planeGraph, throughBarrelsWanted } from "./barrel-plane.js";
import { diffMaps, type MappedRevision, type Revision, type RevisionsDiff } from "../explore/diff/diff-maps.js";
import { checkoutRevision, openRepository, resolveRevision } from "../explore/diff/git-revisions.js";

export interface DiffRevisionsOptions extends MapOptions {
  /** The revision before the change: a branch, a tag, a commit, HEAD~3. */
  base: string;
  /** The revision after it; the working tree (uncommitted changes included) when absent. */
  head?: string;
  /** The working folder the root is shown relative to in messages (the CLI passes its own); default the process's. */
  cwd?: string;
}

export async function diffRevisions(options: DiffRevisionsOptions): Promise<RevisionsDiff> {
  const { base, head, root, cwd, ...mapOptions } = options;
  const { root: shownRoot, rootPath } = describeRoot(root, cwd);
  // Git first: a root that is not a checkout, or a ref that names nothing, fails before any mapping.
  const repository = openRepository(rootPath, shownRoot);
  const baseCommit = resolveRevision(repository, base, shownRoot);
  const headCommit = head === undefined ? undefined : resolveRevision(repository, head, shownRoot);

  const scratch = makeScratchFolder("layermap-diff-");
  try {
    const headRoot = headCommit === undefined ? rootPath : checkoutRevision(repository, headCommit, join(scratch, "head"));
    const headConfig = join(headRoot, CONFIG_FILE_NAME);
    // No config in the head: the base's own must not judge it either.
    const config = mapOptions.config ?? (existsSync(headConfig) ? headConfig : false);
    // Paths inside the working tree stand for the same paths in each revision's checkout.
    const tsconfig = mapOptions.tsconfig === undefined ? undefined : withinRoot(rootPath, resolve(rootPath, mapOptions.tsconfig));
    const shared = { ...mapOptions, config, ...(tsconfig === undefined ? {} : { tsconfig }) };
    const configFolderIn = (revisionRoot: string): { configFolder?: string } => {
      if (config === false) return {};
      const folder = dirname(resolve(config));
      const inside = withinRoot(headRoot, folder) ?? withinRoot(rootPath, folder);
      return inside === undefined ? {} : { configFolder: join(revisionRoot, inside) };
    };
    // A checked-out revision lives for this run only: it gets no cache of its own (that would only
    // leave files behind), but the files it shares with the working tree are not parsed again.
    const seedCache = mapOptions.cache === false ? undefined : { dir: mapOptions.cache ?? defaultCacheDir(rootPath), root: rootPath };
    const checkout = { cache: false as const, ...(seedCache === undefined ? {} : { seedCache }) };
    const after = await mapRevision(
      { ...shared, root: headRoot, ...configFolderIn(headRoot), ...(headCommit === undefined ? {} : checkout) },
      head === undefined || headCommit === undefined ? { workingTree: true } : { ref: head, commit: headCommit },
    );
    // The base is written after the head is mapped: files outside the root that the head's imports
    // reach are written in the base too, so an import that leaves the root resolves alike on both sides.
    const baseRoot = checkoutRevision(repository, baseCommit, join(scratch, "base"), outsideTargets(repository.prefix, after.mapped.document));
    const before = await mapRevision({ ...shared, root: baseRoot, ...configFolderIn(baseRoot), ...checkout }, { ref: base, commit: baseCommit });
    const diff = diffMaps(before.mapped, after.mapped, { failPlane: after.failPlane });
    return { diff, base: before.mapped.document, head: after.mapped.document };
  } finally {
    removeScratchFolder(scratch);
  }
}

/** `path` relative to `root` when it is inside it (else undefined: an outside path is the same for every revision). */
function withinRoot(root: string, path: string): string | undefined {
  const inside = relative(root, path);
  return inside.startsWith("..") || isAbsolute(inside) ? undefined : inside;
}

/**
 * Repository paths of the files outside the root that imports reach: ids starting with `../`
 * (unresolved, as imports that leave the root are, with the path they lead to as their id).
 */
function outsideTargets(prefix: string, document: MapDocument): string[] {
  return document.modules
    .filter((module) => (module.kind === "local" || module.kind === "unresolved") && module.id.startsWith("../"))
    .map((module) => posix.normalize(posix.join(prefix, module.id)))
    .filter((path) => !path.startsWith("../"));
}

async function mapRevision(options: MapOptions, revision: Revision): Promise<{ mapped: MappedRevision; failPlane: Plane }> {
  let mapped: MapResult;
  try {
    mapped = await map(options);
  } catch (error) {
    // A revision's own files (a tsconfig.json that was broken then) are named by a temporary path: say which revision.
    if (isUserError(error) && "ref" in revision) throw new UserError(`in ${revision.ref}: ${error.message}`);
    throw error;
  }
  // Barrels seen through: both revisions are compared on their transparent planes.
  const throughBarrels = throughBarrelsWanted(options.throughBarrels, mapped.config);
  const name = "ref" in revision ? revision.ref : "the working tree";
  const graph = planeGraph(mapped.document, mapped.graph, throughBarrels, name);
  const { violations } = checkRules(graph, mapped.layers, mapped.config);
  const document = planeDocument(mapped.document, throughBarrels, name);
  return { mapped: { revision, document, violations }, failPlane: mapped.config.rules.cycles.plane };
}
