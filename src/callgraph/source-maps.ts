/**
 * Maps a position in compiled JavaScript (TypeScript built to dist/, a bundle) back to its source
 * through the file's source map — inline (`data:` URL) or a `.map` file beside it — so a profile
 * of built code lands on the modules the static map names. Each script's map is read once.
 * A map that is missing, unreadable or wrong means no mapping, never a failed run: the frame
 * then stays on the compiled file.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";

export interface OriginalPosition {
  /** Absolute path of the source file. */
  path: string;
  /** 1-based. */
  line: number;
  /** The original name at that position, when the map records one. */
  name?: string;
}

const SCRIPT = /\.(?:js|mjs|cjs)$/;
/** The last `//# sourceMappingURL=…` (or the old `//@`) comment of a script. */
const MAPPING_URL = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/;

export class SourceMaps {
  private readonly maps = new Map<string, TraceMap | undefined>();

  /** The source position of a 0-based line and column of `path`, if its map knows it. */
  original(path: string, line: number, column: number): OriginalPosition | undefined {
    if (!SCRIPT.test(path) || line < 0) return undefined;
    let map = this.maps.get(path);
    if (!this.maps.has(path)) {
      map = readMap(path);
      this.maps.set(path, map);
    }
    if (map === undefined) return undefined;
    const found = originalPositionFor(map, { line: line + 1, column: Math.max(column, 0) });
    if (found.source === null) return undefined; // an unmapped position (then line is null too)
    const source = found.source.startsWith("file://") ? safeFilePath(found.source) : resolve(dirname(path), found.source);
    if (source === undefined) return undefined;
    return { path: source, line: found.line, ...(found.name === null ? {} : { name: found.name }) };
  }
}

function readMap(path: string): TraceMap | undefined {
  try {
    const script = readFileSync(path, "utf8");
    const tail = script.slice(script.lastIndexOf("sourceMappingURL=") - 4);
    const url = MAPPING_URL.exec(tail)?.[1];
    if (url === undefined) return undefined;
    if (url.startsWith("data:")) return new TraceMap(decodeDataUrl(url), pathToFileURL(path).href);
    const mapPath = url.startsWith("file://") ? safeFilePath(url) : resolve(dirname(path), decodeURIComponent(url));
    if (mapPath === undefined) return undefined;
    return new TraceMap(readFileSync(mapPath, "utf8"), pathToFileURL(mapPath).href);
  } catch {
    // No file, no map, a map that is not JSON: the frame stays on the compiled file.
    return undefined;
  }
}

function decodeDataUrl(url: string): string {
  const comma = url.indexOf(",");
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return header.endsWith(";base64") ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
}

function safeFilePath(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
