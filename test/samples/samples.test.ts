/**
 * The samples are mapped by `npm start`, but they are also real code: these tests serve the
 * apps over real HTTP, mount one through the dispatcher middleware, and unit-test routing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp as createShortener } from "../../samples/apps/shortener/app.js";
import { createApp as createWiki } from "../../samples/apps/wiki/app.js";
import { createApp as createNotes } from "../../samples/apps/notes-api/app.js";
import { serve, type RunningServer } from "../../samples/interface/server/serving.js";
import { dispatcher } from "../../samples/interface/middleware/dispatcher.js";
import { proxyFix } from "../../samples/interface/middleware/proxy-fix.js";
import { profiler, type ProfileRecord } from "../../samples/interface/middleware/profiler.js";
import { Rule, UrlMap } from "../../samples/interface/routing.js";
import { regexConverter } from "../../samples/interface/converters.js";
import { MethodNotAllowed, NotFound, RequestRedirect } from "../../samples/interface/errors.js";
import { Response as SampleResponse } from "../../samples/interface/response.js";
import { createEnviron, request } from "../../samples/interface/testing.js";
import type { App } from "../../samples/interface/wsgi.js";

/** POST an urlencoded form without following redirects, so 3xx responses can be inspected. */
function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("shortener served by the dev server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(createShortener(), { host: "127.0.0.1", port: 0, quiet: true });
  });
  afterAll(() => server.close());

  it("listens on the port the OS picked", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("creates a short link, redirects through it and counts the click", async () => {
    const target = "https://example.com/a/very/long/path?with=query&and=<tags>";
    const created = await postForm(`${server.url}/`, { url: target });
    expect(created.status).toBe(303);
    const details = created.headers.get("location");
    expect(details).toMatch(/^\/[0-9A-Za-z]+\+$/);
    const id = details!.slice(1, -1);

    // Shortening the same URL again returns the same id.
    const again = await postForm(`${server.url}/`, { url: target });
    expect(again.headers.get("location")).toBe(details);

    const follow = await fetch(`${server.url}/${id}`, { redirect: "manual" });
    expect(follow.status).toBe(302);
    expect(follow.headers.get("location")).toBe(target);

    const page = await fetch(`${server.url}${details!}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain('<dd class="clicks">1</dd>');
    // The target is escaped, never injected as markup.
    expect(html).toContain("&#60;tags&#62;");
    expect(html).not.toContain("<tags>");
  });

  it("accepts JSON and rejects non-http targets", async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${server.url}/`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const ok = await post({ url: "http://example.org/" });
    expect(ok.status).toBe(201);
    const json = (await ok.json()) as { id: string; shortUrl: string };
    expect(json.shortUrl).toBe(`${server.url}/${json.id}`);

    const bad = await post({ url: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Please enter a valid http(s) URL." });
  });

  it("answers 404 for unknown paths and ids, 405 with Allow for wrong methods", async () => {
    expect((await fetch(`${server.url}/no/such/path`)).status).toBe(404);
    expect((await fetch(`${server.url}/zzzzzz`, { redirect: "manual" })).status).toBe(404);
    const wrong = await fetch(`${server.url}/`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, POST");
  });

  it("serves static files through the static-files middleware, and refuses traversal", async () => {
    const css = await fetch(`${server.url}/static/style.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(".box");
    const cached = await fetch(`${server.url}/static/style.css`, { headers: { "If-None-Match": css.headers.get("etag")! } });
    expect(cached.status).toBe(304);
    // fetch would normalise a literal "..", but "..%2F" reaches the server and decodes to "../".
    const traversal = await fetch(`${server.url}/static/..%2Fapp.ts`);
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain("createApp");
  });
});

describe("wiki mounted under /wiki by the dispatcher middleware", () => {
  let server: RunningServer;
  const root: App = (environ, startResponse) =>
    new SampleResponse(`root app saw ${environ.PATH_INFO}`).respond(environ, startResponse);

  beforeAll(async () => {
    server = await serve(dispatcher(root, { "/wiki": createWiki() }), { port: 0, quiet: true });
  });
  afterAll(() => server.close());

  it("creates, reads and versions a page, with every URL under the prefix", async () => {
    const missing = await fetch(`${server.url}/wiki/Hello`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('href="/wiki/Hello/edit"');

    const saved = await postForm(`${server.url}/wiki/Hello/edit`, {
      baseRev: "0",
      text: "# Hello\n\nSee [[Main_Page]] and **bold** <script>",
      comment: "first",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/wiki/Hello");

    const page = await fetch(`${server.url}/wiki/Hello`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<h1>Hello</h1>");
    expect(html).toContain('<a href="/wiki/Main_Page">Main Page</a>');
    expect(html).toContain("<strong>bold</strong> &#60;script&#62;");

    const second = await postForm(`${server.url}/wiki/Hello/edit`, { baseRev: "1", text: "Second version", comment: "again" });
    expect(second.status).toBe(303);
    const history = await (await fetch(`${server.url}/wiki/Hello/history`)).text();
    expect(history).toContain('href="/wiki/Hello/rev/2"');
    expect(history).toContain('href="/wiki/Hello/rev/1"');
    expect(await (await fetch(`${server.url}/wiki/Hello/rev/1`)).text()).toContain("<h1>Hello</h1>");
    expect((await fetch(`${server.url}/wiki/Hello/rev/3`)).status).toBe(404);

    // An edit based on revision 1 after revision 2 exists is a conflict, not a silent overwrite.
    const stale = await postForm(`${server.url}/wiki/Hello/edit`, { baseRev: "1", text: "lost update" });
    expect(stale.status).toBe(409);
  });

  it("redirects the mount root to the front page and leaves other paths to the fallback app", async () => {
    const home = await fetch(`${server.url}/wiki/`, { redirect: "manual" });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/wiki/Main_Page");

    const other = await fetch(`${server.url}/wikipedia`);
    expect(await other.text()).toBe("root app saw /wikipedia");
  });
});

describe("routing", () => {
  const urlMap = new UrlMap(
    [
      new Rule("/", { endpoint: "index" }),
      new Rule("/u/<int:id>", { endpoint: "user" }),
      new Rule("/u/<int:id>", { endpoint: "updateUser", methods: ["PUT"] }),
      new Rule("/files/<path:name>", { endpoint: "file" }),
      new Rule("/docs/", { endpoint: "docs" }),
      new Rule("/c/<hex:color>", { endpoint: "color" }),
    ],
    { converters: { hex: regexConverter("[0-9a-f]{6}") } },
  );
  const adapter = (path: string, method = "GET", scriptName = "") =>
    urlMap.bind(createEnviron({ path, method, scriptName }));

  it("matches rules and converts values", () => {
    expect(adapter("/u/42").match()).toEqual(["user", { id: 42 }]);
    expect(adapter("/u/42", "PUT").match()).toEqual(["updateUser", { id: 42 }]);
    expect(adapter("/files/a/b/c.txt").match()).toEqual(["file", { name: "a/b/c.txt" }]);
    expect(adapter("/c/00ff88").match()).toEqual(["color", { color: "00ff88" }]);
  });

  it("raises NotFound when a converter rejects the text", () => {
    expect(() => adapter("/u/abc").match()).toThrow(NotFound);
    expect(() => adapter("/c/GGGGGG").match()).toThrow(NotFound);
    expect(() => adapter("/nowhere").match()).toThrow(NotFound);
  });

  it("raises MethodNotAllowed listing every method the path accepts", () => {
    try {
      adapter("/u/42", "DELETE").match();
      expect.unreachable("DELETE /u/42 should not match");
    } catch (error) {
      expect(error).toBeInstanceOf(MethodNotAllowed);
      expect((error as MethodNotAllowed).validMethods).toEqual(["GET", "HEAD", "PUT"]);
      expect((error as MethodNotAllowed).getHeaders()).toEqual([["Allow", "GET, HEAD, PUT"]]);
    }
  });

  it("redirects to the trailing-slash form of a rule", () => {
    expect(() => adapter("/docs").match()).toThrow(RequestRedirect);
    try {
      urlMap.bind(createEnviron({ path: "/docs?x=1", scriptName: "/app" })).match();
      expect.unreachable("/docs should redirect");
    } catch (error) {
      expect((error as RequestRedirect).newUrl).toBe("/app/docs/?x=1");
    }
  });

  it("builds URLs with the mount prefix, encoding values and adding extras as a query", () => {
    const mounted = adapter("/", "GET", "/api");
    expect(mounted.build("user", { id: 7, tab: "a b" })).toBe("/api/u/7?tab=a%20b");
    expect(mounted.build("file", { name: "dir/x y.txt" })).toBe("/api/files/dir/x%20y.txt");
    expect(() => mounted.build("user", {})).toThrow(/cannot build/);
  });
});

describe("middleware and apps without a socket", () => {
  it("proxy-fix trusts only the proxies it was told about, and profiler reports each request", async () => {
    const records: ProfileRecord[] = [];
    const echo: App = (environ, startResponse) =>
      new SampleResponse(`${environ.REMOTE_ADDR} ${environ["wsgi.url_scheme"]}`).respond(environ, startResponse);
    const app = proxyFix(profiler(echo, { sink: (r) => records.push(r) }), { xFor: 1, xProto: 1 });

    const res = await request(app, {
      path: "/ip",
      headers: { "X-Forwarded-For": "6.6.6.6, 10.0.0.7", "X-Forwarded-Proto": "https" },
    });
    // The client-supplied 6.6.6.6 is ignored: only the last hop was added by our proxy.
    expect(res.text).toBe("10.0.0.7 https");
    expect(res.headers.get("Server-Timing")).toMatch(/^app;dur=\d+\.\d{2}$/);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ method: "GET", path: "/ip", status: "200 OK" });
  });

  it("notes API speaks JSON, errors included", async () => {
    const app = createNotes();
    const created = await request(app, { method: "POST", path: "/notes", body: { title: "Buy milk", tags: ["home"] } });
    expect(created.status).toBe(201);
    expect(created.headers.get("Location")).toBe("/notes/1");
    expect(JSON.parse((await request(app, { path: "/notes", query: { tag: "home" } })).text)).toHaveLength(1);
    expect(JSON.parse((await request(app, { path: "/notes", query: { tag: "work" } })).text)).toHaveLength(0);

    const invalid = await request(app, { method: "POST", path: "/notes", body: { title: 3 } });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toEqual({ error: "BadRequest", message: "title: a non-empty string is required." });

    expect((await request(app, { method: "DELETE", path: "/notes/1" })).status).toBe(204);
    const gone = await request(app, { path: "/notes/1" });
    expect(gone.status).toBe(404);
    expect(gone.headers.get("Content-Type")).toBe("application/json");
    const patch = await request(app, { method: "PATCH", path: "/notes" });
    expect(patch.status).toBe(405);
    expect(patch.headers.get("Allow")).toBe("GET, HEAD, POST");
  });
});
