/**
 * Moving a map document's ids from its own root to a folder above it (`layermap merge`): a
 * package mapped alone says `src/x.ts`, the monorepo says `packages/a/src/x.ts`. Local ids are
 * clean paths under their root and only gain the prefix; a path that leads out of the root
 * (`../b/src/x.ts`) is resolved against the new root, where it may land inside.
 */
import { posix } from "node:path";
import { isRelativeOrAbsolute } from "../resolve/specifier.js";
import type { ImportSiteRecord } from "../model/document.js";

/** `root` is "." or a clean POSIX path; `id` a clean path under it (see `isCleanPath`). */
export function prefixed(root: string, id: string): string {
  return root === "." ? id : `${root}/${id}`;
}

/** A path relative to the root, possibly leading out of it (`../x`), moved under `root` and normalised. */
export function reRootedPath(root: string, path: string): string {
  if (isAbsolutePath(path)) return path;
  const joined = posix.normalize(posix.join(root, path));
  return joined.endsWith("/") && joined !== "/" ? joined.slice(0, -1) : joined;
}

/** Leads out of the folder it is relative to: `..`, `../x`, or absolute. */
export function leadsOut(path: string): boolean {
  return path === ".." || path.startsWith("../") || isAbsolutePath(path);
}

/** A relative POSIX path with no empty, `.` or `..` segment: what a local module id is. */
export function isCleanPath(path: string): boolean {
  return path !== "" && !path.includes("\\") && path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/** `/etc/x`, or `C:/x` and `C:\x` as Windows writes them. */
function isAbsolutePath(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * Whether the unresolved module a site leads to is named by a path (relative to the root, or
 * absolute as written) rather than by its specifier. The resolver names it by path when the
 * specifier is a path, for a `/// <reference path>`, and when a bare specifier (a workspace
 * package through its link, a `paths` alias) resolved to a file outside the root — whose path
 * then starts with `../`; a bare specifier never does.
 */
export function namesAPath(id: string, site: ImportSiteRecord): boolean {
  return isRelativeOrAbsolute(site.specifier) || site.kind === "triple-slash" || leadsOut(id);
}

/**
 * The resolver's words for a file that exists outside the root (`module-resolver.ts`,
 * `classifyFile`): `it is ../b/x.ts, outside the root (map a folder that holds both to follow it)`,
 * the path relative to the root. The equality test of `merge` fails if they change.
 */
const OUTSIDE = /^it is (.+), outside the root (\(map a folder that holds both to follow it\))$/;

/** The prefix of an unresolved site's diagnostic; what follows is the resolver's reason. */
export function unresolvedPrefix(specifier: string): string {
  return `cannot resolve "${specifier}": `;
}

/** The path an unresolved diagnostic's reason says the file is at, when it says the file exists outside the root. */
export function outsidePath(reason: string): string | undefined {
  return OUTSIDE.exec(reason)?.[1];
}

/** The reason with its outside path seen from the new root (an absolute one stays as written). */
export function reRootedReason(root: string, reason: string): string {
  const match = OUTSIDE.exec(reason);
  if (match === null) return reason;
  return `it is ${reRootedPath(root, match[1]!)}, outside the root ${match[2]!}`;
}
