/**
 * Time every request, like Werkzeug's ProfilerMiddleware (wall time only, not a call graph).
 * The clock stops when the body has been fully sent, not when the app returns, because a
 * streaming app does most of its work while the body is being iterated.
 */
import { performance } from "node:perf_hooks";
import type { App, ResponseBody, StartResponse } from "../wsgi.js";

export interface ProfileRecord {
  method: string;
  path: string;
  status: string;
  /** Time until startResponse: what the Server-Timing header reports. */
  headersMs: number;
  /** Time until the last body chunk was consumed. */
  totalMs: number;
}

export interface ProfilerOptions {
  /** Where records go; defaults to one console line per request. */
  sink?: (record: ProfileRecord) => void;
  /** Add a Server-Timing header so browser dev tools show the app time. */
  serverTiming?: boolean;
}

const consoleSink = (r: ProfileRecord): void =>
  console.log(`[profile] ${r.method} ${r.path} -> ${r.status} in ${r.totalMs.toFixed(1)} ms (headers ${r.headersMs.toFixed(1)} ms)`);

export function profiler(app: App, options: ProfilerOptions = {}): App {
  const sink = options.sink ?? consoleSink;
  const serverTiming = options.serverTiming ?? true;

  return async (environ, startResponse) => {
    const start = performance.now();
    let status = "";
    let headersMs = 0;
    const timedStart: StartResponse = (line, headers) => {
      status = line;
      headersMs = performance.now() - start;
      const extra: typeof headers = serverTiming ? [["Server-Timing", `app;dur=${headersMs.toFixed(2)}`]] : [];
      startResponse(line, [...headers, ...extra]);
    };
    const body = await app(environ, timedStart);

    async function* timed(inner: ResponseBody): AsyncGenerator<string | Uint8Array> {
      try {
        yield* inner;
      } finally {
        // Runs on completion and when the server abandons the body (client went away).
        const path = environ.SCRIPT_NAME + environ.PATH_INFO;
        sink({ method: environ.REQUEST_METHOD, path, status, headersMs, totalMs: performance.now() - start });
      }
    }
    return timed(body);
  };
}
