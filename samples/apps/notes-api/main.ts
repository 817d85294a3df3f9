/** Serve the notes API behind a reverse proxy, timing each request. */
import { serve } from "../../interface/server/serving.js";
import { proxyFix } from "../../interface/middleware/proxy-fix.js";
import { profiler } from "../../interface/middleware/profiler.js";
import { createApp } from "./app.js";

const app = proxyFix(profiler(createApp()), { xFor: 1, xProto: 1, xHost: 1 });
const server = await serve(app, { host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 5002) });
console.log(`Notes API is running on ${server.url}/notes (Ctrl+C to stop)`);

process.once("SIGINT", () => {
  void server.close().then(() => process.exit(0));
});
