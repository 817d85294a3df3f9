/**
 * Serve the wiki the way it would be deployed: mounted under /wiki next to a tiny root app,
 * behind one reverse proxy, with request timing on. Middleware order matters: ProxyFix runs
 * first so the profiler and the wiki already see the client's real address and scheme.
 */
import type { App } from "../../interface/wsgi.js";
import { redirect } from "../../interface/response.js";
import { NotFound } from "../../interface/errors.js";
import { dispatcher } from "../../interface/middleware/dispatcher.js";
import { profiler } from "../../interface/middleware/profiler.js";
import { proxyFix } from "../../interface/middleware/proxy-fix.js";
import { serve } from "../../interface/server/serving.js";
import { createApp } from "./app.js";

// Everything outside /wiki: "/" goes to the wiki, the rest is a 404.
const root: App = (environ, startResponse) =>
  environ.PATH_INFO === "/" || environ.PATH_INFO === ""
    ? redirect("/wiki/").respond(environ, startResponse)
    : new NotFound().respond(environ, startResponse);

const app = proxyFix(profiler(dispatcher(root, { "/wiki": createApp() })), { xFor: 1, xProto: 1 });

const server = await serve(app, { host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 5001) });
console.log(`Wiki is running on ${server.url}/wiki/ (Ctrl+C to stop)`);

process.once("SIGINT", () => {
  void server.close().then(() => process.exit(0));
});
