/**
 * The finished document of the last run, re-emitted when nothing it was made from has changed: a
 * warm run where nothing changed then costs the checks below and the output, and no more — no
 * stage after discovery runs, and the extract and resolve stages are not even loaded.
 *
 * Stored in the map cache's payload (map-cache.ts) with what says it still holds:
 *
 * - `key`: layermap's version and everything of the run's own that the document depends on —
 *   the options (`throughBarrels` too) and the config (its layers and rules included), the discovered files and the
 *   symbolic links passed over, the size limit (not the working folder, which names files only
 *   in the errors that stop a run);
 * - `stamps`: every discovered file's stamp when it was read, each trusted (older than the racy
 *   window, stamp.ts): a file whose stamp is not the same now may have changed;
 * - the payload's resolution inputs (inputs.ts), written in the same run: every folder's listing
 *   under the root, every package.json and tsconfig (the `extends` chain too), the installs in
 *   node_modules, the folders of targets outside the root;
 * - `problems`: the files that could not be read or are not text, which are in the document as
 *   diagnostics and have no extraction.
 *
 * A document is stored only when every one of those can be checked: every file's stamp is trusted,
 * and no site is an unresolved bare specifier (resolved again on every run: it may start to
 * resolve to a file no input watches). It is reused only when every check passes — key, each
 * stamp, the resolution inputs — and the stored extractions and resolutions are whole (the graph
 * is built from them if a caller asks for it); otherwise the run maps as before, and stores the
 * new document.
 */
import { join } from "node:path";
import type { Extraction } from "../extract/types.js";
import type { MapDocument } from "../model/document.js";
import { LAYERMAP_VERSION } from "../model/version.js";
import { verifyInputs } from "./inputs.js";
import type { CachedTarget, CachePayload, DocumentMemo, StoredProblem } from "./map-cache.js";
import { hashOf, sameStamp, stampOf, type Stamp } from "./stamp.js";


/** What the document depends on besides the files, their stamps and the resolution inputs. */
export interface DocumentDependencies {
  /** The resolution cache's key (resolution-cache.ts: version, options, config) and file list. */
  resolutionKey: string;
  fileList: string;
  maxFileSize: number;
  /** Names followed through barrels (`map --through-barrels`): the document's sites carry `through`. */
  throughBarrels: boolean;
}

export function documentKey({ resolutionKey, fileList, maxFileSize, throughBarrels }: DocumentDependencies): string {
  // A plain run's key is the one it always was: documents cached before stay valid.
  return hashOf(JSON.stringify({ version: LAYERMAP_VERSION, resolutionKey, fileList, maxFileSize, ...(throughBarrels ? { throughBarrels } : {}) }));
}

/** One file as the graph stage takes it: its extraction and a target per site, or why it could not be read. */
type StoredOutcome =
  | { file: string; extraction: Extraction; targets: CachedTarget[]; keepsTypeOnlyImports: boolean }
  | { file: string; problem: StoredProblem };

export interface RecalledDocument {
  document: MapDocument;
  /** Each file's outcome, in the order given: to build the graph from, as the run that made the document did. */
  outcomes: StoredOutcome[];
}

/**
 * The stored document when everything it was made from is as it was: else undefined. `root` is
 * absolute; `files` are the files discovered now, in order.
 */
export function recallDocument(payload: CachePayload, root: string, files: readonly string[], dependsOn: DocumentDependencies): RecalledDocument | undefined {
  const memo = payload.document;
  const resolution = payload.resolution;
  if (memo === null || resolution === null || memo.key !== documentKey(dependsOn)) return undefined;
  // The stamps first: one changed file, the usual change, is found after a stat or two.
  for (const file of files) {
    const stored = own(memo.stamps, file);
    const now = stampOf(join(root, file));
    if (stored === undefined || now === undefined || !sameStamp(stored, now)) return undefined;
  }
  const outcomes = storedOutcomes(payload, files);
  if (outcomes === undefined) return undefined;
  if (verifyInputs(resolution.inputs, dependsOn.resolutionKey, dependsOn.fileList) === undefined) return undefined;
  return { document: memo.document, outcomes };
}

/** Each file's extraction and targets as the payload holds them, or undefined when one is missing. */
function storedOutcomes(payload: CachePayload, files: readonly string[]): StoredOutcome[] | undefined {
  const memo = payload.document!;
  const resolved = payload.resolution!.files;
  const outcomes: StoredOutcome[] = [];
  for (const file of files) {
    const problem = own(memo.problems, file);
    if (problem !== undefined) {
      outcomes.push({ file, problem });
      continue;
    }
    const entry = own(payload.files, file);
    const resolution = own(resolved, file);
    if (entry === undefined || resolution === undefined || resolution.hash !== entry.hash || resolution.targets.length !== entry.extraction.sites.length) return undefined;
    const { extraction } = entry;
    // As the resolve stage gives it: asked only of a file with an elidable site.
    let keepsTypeOnlyImports = false;
    if (extraction.sites.some((site) => site.elidable)) {
      if (resolution.keepsTypeOnlyImports === null) return undefined;
      keepsTypeOnlyImports = resolution.keepsTypeOnlyImports;
    }
    outcomes.push({ file, extraction, targets: resolution.targets, keepsTypeOnlyImports });
  }
  return outcomes;
}

/**
 * The memo to store for this run's document, or null when it could not be checked next time: a
 * file's stamp is not trusted, or a site may resolve differently with no input changed.
 */
export function documentMemo(options: {
  key: string;
  stamps: Record<string, Stamp> | undefined;
  problems: Record<string, StoredProblem>;
  document: MapDocument;
  volatile: boolean;
}): DocumentMemo | null {
  const { key, stamps, problems, document, volatile } = options;
  if (stamps === undefined || volatile) return null;
  return { key, stamps, problems, document };
}

/** A record read from the cache file: its own keys only. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
