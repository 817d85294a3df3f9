/**
 * Shortly, the URL shortener from Werkzeug's tutorial, on the TypeScript interface.
 * `createApp()` returns a plain App, so it can be served, mounted or wrapped like any other.
 */
import { fileURLToPath } from "node:url";
import type { App } from "../../interface/wsgi.js";
import { application } from "../../interface/application.js";
import { Rule, UrlMap } from "../../interface/routing.js";
import { regexConverter } from "../../interface/converters.js";
import { staticFiles } from "../../interface/middleware/static-files.js";
import * as views from "./views.js";
import { LinkStore } from "./store.js";

export interface ShortenerOptions {
  store?: LinkStore;
  /** Serve ./static under /static (turn off when a front proxy serves it). */
  withStatic?: boolean;
}

// A type-checked table: adding an Endpoint without a view is a compile error.
const handlers: Record<views.Endpoint, views.View> = views;

export function createApp(options: ShortenerOptions = {}): App {
  const store = options.store ?? new LinkStore();
  const urlMap = new UrlMap<views.Endpoint>(
    [
      new Rule("/", { endpoint: "newUrl", methods: ["GET", "POST"] }),
      new Rule("/top", { endpoint: "topLinks" }),
      new Rule("/<shortid:id>+", { endpoint: "details" }),
      new Rule("/<shortid:id>", { endpoint: "follow" }),
    ],
    // Ids are base62, so "/favicon.ico" is a plain 404 rather than an unknown-link lookup.
    { converters: { shortid: regexConverter("[0-9A-Za-z]+") } },
  );

  const app = application((request) => {
    const urls = urlMap.bind(request.environ);
    const [endpoint, values] = urls.match();
    return handlers[endpoint](request, values, { store, urls });
  });

  if (options.withStatic === false) return app;
  return staticFiles(app, { "/static": fileURLToPath(new URL("./static/", import.meta.url)) });
}
