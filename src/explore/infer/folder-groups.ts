/**
 * The folder groups layers are proposed from. Start with the whole tree; split a folder into its
 * parts (its own files, and each subfolder) when those parts import one another — a folder whose
 * parts never meet (`apps/*`, each app on its own) has no order inside it and stays one group —
 * biggest first, while there are at most `maxGroups` groups. A folder's own files split further
 * into single files when there are only a few of them and they import each other or sit on a
 * cycle between groups — before any folder, since a package's top files are often a mix of the
 * highest module (`index.ts`) and the lowest (`constants.ts`).
 * A folder holding only one subfolder is looked through (`src/` → its contents).
 */
import { stronglyConnectedComponents } from "../../graph/strongly-connected-components.js";
import type { ImportGraph } from "../../graph/import-graph.js";
import { compareCodeUnits } from "../../model/compare.js";
import { groupGraph } from "./group-graph.js";

export interface FolderGroup {
  /** The folder ("" for the root), or the module's id for a single file. */
  folder: string;
  /** `tree`: the folder and everything under it; `files`: the files directly in it; `file`: one module. */
  kind: "tree" | "files" | "file";
  modules: string[];
}

/** A folder's own files split into single files only up to this many. */
const FEW_FILES = 8;

export function folderGroups(local: ImportGraph, options: { maxGroups?: number } = {}): FolderGroup[] {
  const maxGroups = options.maxGroups ?? 24;
  let groups = [lookThrough({ folder: "", kind: "tree", modules: local.nodes().sort(compareCodeUnits) })];
  for (;;) {
    const tangled = tangledGroups(local, groups);
    const worthSplitting = ({ group, parts }: { group: FolderGroup; parts: FolderGroup[] }): boolean =>
      parts.length > 1 && groups.length - 1 + parts.length <= maxGroups && (meet(local, parts) || (group.kind === "files" && tangled.has(group)));
    const next = groups
      .map((group) => ({ group, parts: partsOf(group) }))
      .sort((a, b) => splitFirst(a.group) - splitFirst(b.group) || b.group.modules.length - a.group.modules.length || compareCodeUnits(a.group.folder, b.group.folder))
      .find(worthSplitting);
    if (next === undefined) return groups.sort((a, b) => compareCodeUnits(a.folder, b.folder) || compareCodeUnits(a.kind, b.kind));
    groups = [...groups.filter((group) => group !== next.group), ...next.parts.map(lookThrough)];
  }
}

/** A few files of one folder are split before any folder: cheap, and where barrels and basics mix. */
function splitFirst(group: FolderGroup): number {
  return group.kind === "files" ? 0 : 1;
}

/** What a group splits into: a folder into its own files and subfolders; a few files into each file. */
function partsOf(group: FolderGroup): FolderGroup[] {
  if (group.kind === "file") return [];
  if (group.kind === "files") {
    return group.modules.length <= FEW_FILES ? group.modules.map((id): FolderGroup => ({ folder: id, kind: "file", modules: [id] })) : [];
  }
  const prefix = group.folder === "" ? "" : `${group.folder}/`;
  const own: string[] = [];
  const subfolders = new Map<string, string[]>();
  for (const id of group.modules) {
    const rest = id.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash === -1) {
      own.push(id);
      continue;
    }
    const folder = prefix + rest.slice(0, slash);
    const members = subfolders.get(folder);
    if (members === undefined) subfolders.set(folder, [id]);
    else members.push(id);
  }
  const parts = [...subfolders].map(([folder, modules]): FolderGroup => ({ folder, kind: "tree", modules }));
  return own.length > 0 ? [{ folder: group.folder, kind: "files", modules: own }, ...parts] : parts;
}

function lookThrough(group: FolderGroup): FolderGroup {
  const parts = group.kind === "tree" ? partsOf(group) : [];
  return parts.length === 1 && parts[0]!.kind === "tree" ? lookThrough(parts[0]!) : group;
}

/** The groups on a cycle of imports between groups: for a few files, a sign that they belong at different heights. */
function tangledGroups(local: ImportGraph, groups: readonly FolderGroup[]): Set<FolderGroup> {
  const between = groupGraph(local, groups);
  const onCycle = stronglyConnectedComponents(between).filter((members) => members.length > 1).flat();
  return new Set(onCycle.map((node) => groups[Number(node)]!));
}

/** Whether some module of one part imports a module of another. */
function meet(local: ImportGraph, parts: readonly FolderGroup[]): boolean {
  const partOf = new Map<string, number>();
  parts.forEach((part, index) => part.modules.forEach((id) => partOf.set(id, index)));
  return parts.some((part, index) =>
    part.modules.some((id) => local.outNeighbors(id).some((to) => partOf.has(to) && partOf.get(to) !== index)),
  );
}
