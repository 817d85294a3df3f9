/**
 * The program `npm run profile:samples` profiles: the samples' wiki, composed as its main.ts
 * deploys it (proxy fix, request profiler, dispatcher, the wiki under /wiki), served over real
 * HTTP on a free loopback port, answering a fixed series of requests — pages read, edited, their
 * history and revisions listed — then closed. Run it with tsx (it imports the samples' .ts).
 */
import { Agent, request as httpRequest } from "node:http";
import { NotFound } from "../samples/interface/errors.js";
import { dispatcher } from "../samples/interface/middleware/dispatcher.js";
import { profiler } from "../samples/interface/middleware/profiler.js";
import { proxyFix } from "../samples/interface/middleware/proxy-fix.js";
import { redirect } from "../samples/interface/response.js";
import { serve } from "../samples/interface/server/serving.js";
import type { App } from "../samples/interface/wsgi.js";
import { createApp } from "../samples/apps/wiki/app.js";

const ROUNDS = 150;

const root: App = (environ, startResponse) =>
  environ.PATH_INFO === "/" || environ.PATH_INFO === "" ? redirect("/wiki/").respond(environ, startResponse) : new NotFound().respond(environ, startResponse);
// The request profiler's records are counted, not printed: the run's output stays quiet.
let requests = 0;
const app = proxyFix(profiler(dispatcher(root, { "/wiki": createApp() }), { sink: () => requests++ }), { xFor: 1, xProto: 1 });
const server = await serve(app, { host: "127.0.0.1", port: 0, quiet: true });

// node:http's client, kept alive: lighter than fetch, so the profile is mostly the server's.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(path: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<void> {
  const body = init.body?.toString();
  return new Promise((resolve, reject) => {
    const headers = { "x-forwarded-for": "203.0.113.7", ...init.headers, ...(body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) }) };
    const request = httpRequest(`${server.url}${path}`, { method: init.method ?? "GET", agent, headers }, (response) => {
      response.resume();
      response.once("end", resolve);
    });
    request.once("error", reject);
    request.end(body);
  });
}

for (let round = 0; round < ROUNDS; round++) {
  const page = `Page_${round % 12}`;
  await send("/wiki/");
  await send("/wiki/Main_Page");
  await send(`/wiki/${page}/edit`);
  const body = new URLSearchParams({ text: `# ${page}\n\nRevision ${round}: see [[Main_Page]] and [[Page_${(round + 1) % 12}]].\n\n- one\n- two *three*`, comment: `round ${round}`, baseRev: String(Math.floor(round / 12)) });
  await send(`/wiki/${page}/edit`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  await send(`/wiki/${page}`);
  await send(`/wiki/${page}/history`);
  await send(`/wiki/${page}/rev/1`);
  await send("/wiki/_all");
  await send("/nowhere");
}
agent.destroy();
await server.close();
console.log(`served ${requests} requests`);
