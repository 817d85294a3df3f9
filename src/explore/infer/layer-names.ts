/**
 * A proposed layer's globs and name, from its folder groups. Globs: `folder/**` for a folder,
 * `folder/*` for a folder's own files, the id for a single file — and `parent/**` instead when
 * the layer holds every group under `parent`. Names: the folder's (or file's) own name
 * (`middleware`), or its two biggest parts' (`nodes-geometries-etc`), the whole path when two
 * layers would share a name (`internal-testing` beside `testing`), in the letters, digits and
 * dashes the config accepts.
 */
import type { FolderGroup } from "./folder-groups.js";

export interface LayerLabel {
  name: string;
  paths: string[];
}

export function layerLabels(layers: readonly (readonly FolderGroup[])[]): LayerLabel[] {
  const layerOf = new Map<FolderGroup, number>();
  layers.forEach((groups, index) => groups.forEach((group) => layerOf.set(group, index)));
  const parts = layers.map((groups, index) => {
    const found = new Map<string, { label: string; modules: number }>();
    for (const group of groups) {
      const whole = widestFolder(group, (folder) => [...layerOf].every(([other, at]) => at === index || !isUnder(other, folder)));
      const [glob, label] = whole === undefined ? [globOf(group), group.kind === "file" ? stem(group.folder) : group.folder] : [whole === "" ? "**" : `${whole}/**`, whole];
      found.set(glob, { label, modules: (found.get(glob)?.modules ?? 0) + group.modules.length });
    }
    return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  });
  // Named after its biggest parts, so `nodes-etc` says where most of the layer's code is.
  const labelsOf = (entries: typeof parts[number]): string[] =>
    [...entries].sort(([a, x], [b, y]) => y.modules - x.modules || (a < b ? -1 : 1)).map(([, { label }]) => label);
  const short = parts.map((entries) => nameOf(labelsOf(entries).map((folder) => folder.slice(folder.lastIndexOf("/") + 1))));
  const long = parts.map((entries) => nameOf(labelsOf(entries).map((folder) => folder.replaceAll("/", "-"))));
  const taken = new Set<string>();
  return parts.map((entries, index) => {
    const preferred = short.filter((name) => name === short[index]).length > 1 ? long[index]! : short[index]!;
    let name = preferred;
    for (let suffix = 2; taken.has(name); suffix++) name = `${preferred}-${suffix}`;
    taken.add(name);
    return { name, paths: entries.map(([glob]) => glob) };
  });
}

function globOf(group: FolderGroup): string {
  if (group.kind === "file") return group.folder;
  const prefix = group.folder === "" ? "" : `${group.folder}/`;
  return `${prefix}${group.kind === "tree" ? "**" : "*"}`;
}

/** The highest folder above (or at) the group that `whole` accepts, if any. */
function widestFolder(group: FolderGroup, whole: (folder: string) => boolean): string | undefined {
  const start = group.kind === "tree" ? group.folder : parentOf(group.folder, group.kind === "file");
  let widest: string | undefined;
  for (let folder: string | undefined = start; folder !== undefined; folder = folder === "" ? undefined : parentOf(folder, true)) {
    if (!whole(folder)) break;
    widest = folder;
  }
  return widest;
}

function isUnder(group: FolderGroup, folder: string): boolean {
  return folder === "" || group.folder === folder || group.folder.startsWith(`${folder}/`);
}

/** The folder a file is in, or the folder a folder is in (`""` at the top). */
function parentOf(path: string, up: boolean): string {
  if (!up) return path;
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

function stem(id: string): string {
  const name = id.slice(id.lastIndexOf("/") + 1);
  return name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name;
}

function nameOf(labels: readonly string[]): string {
  const parts = [...new Set(labels.map((label) => (label === "" ? "root" : label)))];
  const joined = parts.length > 2 ? [...parts.slice(0, 2), "etc"] : parts;
  const name = joined.join("-").replace(/[^a-z0-9-]+/gi, "-").replace(/^[^a-z0-9]+|-+$/gi, "");
  return name === "" ? "layer" : name;
}
