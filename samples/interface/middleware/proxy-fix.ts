/**
 * Trust X-Forwarded-* headers from a known number of proxies, like Werkzeug's ProxyFix.
 * Each proxy appends to the list, so only the last `n` entries were written by proxies we
 * trust; anything further left came from the client and could be forged.
 */
import type { App, Environ } from "../wsgi.js";

export interface ProxyFixOptions {
  /** How many proxies set each header. 0 ignores the header. */
  xFor?: number;
  xProto?: number;
  xHost?: number;
  xPort?: number;
  xPrefix?: number;
}

/** The value written by the outermost trusted proxy, or undefined if there are too few. */
function trusted(count: number, header: string | undefined): string | undefined {
  if (count <= 0 || !header) return undefined;
  const values = header.split(",").map((v) => v.trim());
  return values.length >= count ? values[values.length - count] : undefined;
}

export function proxyFix(app: App, options: ProxyFixOptions = {}): App {
  const { xFor = 1, xProto = 1, xHost = 0, xPort = 0, xPrefix = 0 } = options;

  return (environ, startResponse) => {
    const fixed: Environ = {
      ...environ,
      // Keep the originals for debugging and for anything that needs the direct peer.
      "proxy_fix.orig": {
        REMOTE_ADDR: environ.REMOTE_ADDR,
        "wsgi.url_scheme": environ["wsgi.url_scheme"],
        HTTP_HOST: environ.HTTP_HOST,
      },
    };
    const clientAddr = trusted(xFor, environ.HTTP_X_FORWARDED_FOR);
    if (clientAddr) fixed.REMOTE_ADDR = clientAddr;
    const proto = trusted(xProto, environ.HTTP_X_FORWARDED_PROTO);
    if (proto) fixed["wsgi.url_scheme"] = proto;
    const host = trusted(xHost, environ.HTTP_X_FORWARDED_HOST);
    if (host) {
      fixed.HTTP_HOST = host;
      fixed.SERVER_NAME = host.replace(/:\d+$/, "");
    }
    const port = trusted(xPort, environ.HTTP_X_FORWARDED_PORT);
    if (port) {
      fixed.SERVER_PORT = port;
      if (fixed.HTTP_HOST) fixed.HTTP_HOST = `${fixed.HTTP_HOST.replace(/:\d+$/, "")}:${port}`;
    }
    const prefix = trusted(xPrefix, environ.HTTP_X_FORWARDED_PREFIX);
    if (prefix) fixed.SCRIPT_NAME = prefix.replace(/\/+$/, "");
    return app(fixed, startResponse);
  };
}
