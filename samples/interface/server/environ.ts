/**
 * Translate a Node request into an environ. This is the only place that knows what an
 * IncomingMessage looks like, so the core never depends on node:http.
 */
import type { IncomingMessage } from "node:http";
import type { Environ } from "../wsgi.js";

export interface ServerAddress {
  host: string;
  port: number;
}

/** Decode the path like WSGI servers do, but keep it raw if the client sent broken escapes. */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function environFromRequest(req: IncomingMessage, address: ServerAddress): Environ {
  let target = req.url ?? "/";
  // Proxies may send an absolute URL ("GET http://host/path"); only its path matters here.
  if (/^https?:\/\//i.test(target)) {
    const url = new URL(target);
    target = url.pathname + url.search;
  }
  const q = target.indexOf("?");
  const environ: Environ = {
    REQUEST_METHOD: req.method ?? "GET",
    SCRIPT_NAME: "",
    PATH_INFO: decodePath(q === -1 ? target : target.slice(0, q)),
    QUERY_STRING: q === -1 ? "" : target.slice(q + 1),
    SERVER_NAME: address.host,
    SERVER_PORT: String(address.port),
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    REMOTE_ADDR: req.socket.remoteAddress ?? "",
    "wsgi.url_scheme": "http",
    "wsgi.input": req,
  };
  // rawHeaders keeps duplicates apart; CGI joins them with ", " into one variable.
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const key = req.rawHeaders[i]!.toUpperCase().replace(/-/g, "_");
    const value = req.rawHeaders[i + 1]!;
    if (key === "CONTENT_TYPE") environ.CONTENT_TYPE = value;
    else if (key === "CONTENT_LENGTH") environ.CONTENT_LENGTH = value;
    else {
      const name = `HTTP_${key}` as const;
      const previous = environ[name];
      environ[name] = previous === undefined ? value : `${previous}, ${value}`;
    }
  }
  return environ;
}
