/**
 * Mount several apps under path prefixes, like Werkzeug's DispatcherMiddleware.
 * The matched prefix moves from PATH_INFO to SCRIPT_NAME, so the mounted app routes on the
 * rest of the path and still builds correct absolute URLs (its rules never mention the prefix).
 */
import type { App, Environ } from "../wsgi.js";

export function dispatcher(fallback: App, mounts: Readonly<Record<string, App>>): App {
  // Longest prefix first, so "/api/v2" wins over "/api".
  const table = Object.entries(mounts)
    .map(([prefix, app]) => [prefix.replace(/\/+$/, ""), app] as const)
    .sort(([a], [b]) => b.length - a.length);

  return (environ, startResponse) => {
    const path = environ.PATH_INFO || "/";
    for (const [prefix, app] of table) {
      // Match whole segments only: "/wiki" must not capture "/wikipedia".
      if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
      const mounted: Environ = {
        ...environ,
        SCRIPT_NAME: environ.SCRIPT_NAME.replace(/\/+$/, "") + prefix,
        PATH_INFO: path.slice(prefix.length),
      };
      return app(mounted, startResponse);
    }
    return fallback(environ, startResponse);
  };
}
