/**
 * Shortly's views. Each takes the request, the values routing extracted and a small context,
 * and returns a Response or throws an HTTP error; app.ts does the dispatching.
 */
import type { Request } from "../../interface/request.js";
import type { MapAdapter, RouteValues } from "../../interface/routing.js";
import { Response, redirect } from "../../interface/response.js";
import { NotFound } from "../../interface/errors.js";
import * as templates from "./templates.js";
import type { LinkStore } from "./store.js";

export type Endpoint = "newUrl" | "topLinks" | "details" | "follow";

export interface ViewContext {
  store: LinkStore;
  urls: MapAdapter<Endpoint>;
}

export type View = (request: Request, values: RouteValues, ctx: ViewContext) => Response | Promise<Response>;

/** Only absolute http(s) URLs: a `javascript:` target would turn the redirect into an XSS vector. */
function validTarget(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export async function newUrl(request: Request, _values: RouteValues, { store, urls }: ViewContext): Promise<Response> {
  const root = request.scriptRoot;
  if (request.method === "GET") return Response.html(templates.newUrlPage(root));

  // Browsers post forms; API clients post JSON. Both go through the same validation.
  const url = request.isJson
    ? String((await request.json<{ url?: unknown }>()).url ?? "").trim()
    : (await request.form()).get("url", "").trim();
  if (!validTarget(url)) {
    const error = "Please enter a valid http(s) URL.";
    if (request.isJson) return Response.json({ error }, { status: 400 });
    return Response.html(templates.newUrlPage(root, { error, url }), { status: 400 });
  }
  const link = store.create(url);
  const detailsUrl = urls.build("details", { id: link.id });
  if (request.isJson) {
    const shortUrl = request.hostUrl + urls.build("follow", { id: link.id });
    return Response.json({ id: link.id, shortUrl, details: detailsUrl }, { status: 201, headers: { Location: detailsUrl } });
  }
  // 303 so a browser refresh on the result page does not resubmit the form.
  return redirect(detailsUrl, 303);
}

export function follow(_request: Request, values: RouteValues, { store }: ViewContext): Response {
  const link = store.hit(String(values.id));
  if (!link) throw new NotFound(`No short link "${String(values.id)}".`);
  // 302, not 301: browsers cache permanent redirects and later clicks would never reach us.
  return redirect(link.target, 302);
}

export function details(request: Request, values: RouteValues, { store, urls }: ViewContext): Response {
  const link = store.get(String(values.id));
  if (!link) throw new NotFound(`No short link "${String(values.id)}".`);
  const shortUrl = request.hostUrl + urls.build("follow", { id: link.id });
  if (request.accepts("application/json")) return Response.json({ ...link, shortUrl });
  return Response.html(templates.detailsPage(request.scriptRoot, link, shortUrl));
}

export function topLinks(request: Request, _values: RouteValues, { store, urls }: ViewContext): Response {
  const detailsUrl = (id: string): string => urls.build("details", { id });
  return Response.html(templates.topLinksPage(request.scriptRoot, store.top(), detailsUrl));
}
