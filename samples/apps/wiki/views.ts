/** Wiki views: show, edit (with conflict detection), history, single revisions, index. */
import type { Request } from "../../interface/request.js";
import type { MapAdapter, RouteValues } from "../../interface/routing.js";
import { Response, redirect } from "../../interface/response.js";
import { Conflict, NotFound } from "../../interface/errors.js";
import { editForm, historyView, missingPage, pageList, pageView } from "./templates.js";
import type { PageStore, Revision } from "./pages.js";

export type Endpoint = "home" | "allPages" | "show" | "edit" | "history" | "revision";

export interface ViewContext {
  pages: PageStore;
  urls: MapAdapter<Endpoint>;
  frontPage: string;
}

export type View = (request: Request, values: RouteValues, ctx: ViewContext) => Response | Promise<Response>;

/** Render a revision. The markup module is imported on first use only. */
async function renderRevision(request: Request, page: string, revision: Revision, ctx: ViewContext): Promise<Response> {
  const { default: render } = await import("./markup.js");
  const html = render(revision.text, (target) => ({
    href: ctx.urls.build("show", { page: target }),
    exists: ctx.pages.latest(target) !== undefined,
  }));
  const links = { edit: ctx.urls.build("edit", { page }), history: ctx.urls.build("history", { page }) };
  return Response.html(pageView(request.scriptRoot, page, revision, html, links));
}

export function home(_request: Request, _values: RouteValues, { urls, frontPage }: ViewContext): Response {
  return redirect(urls.build("show", { page: frontPage }));
}

export function allPages(request: Request, _values: RouteValues, { pages, urls }: ViewContext): Response {
  const list = pages.names().map((name) => ({ name, href: urls.build("show", { page: name }) }));
  return Response.html(pageList(request.scriptRoot, list));
}

export async function show(request: Request, values: RouteValues, ctx: ViewContext): Promise<Response> {
  const page = String(values.page);
  const latest = ctx.pages.latest(page);
  // A missing page is a 404 that still helps: it links to the editor that creates it.
  if (!latest) return Response.html(missingPage(request.scriptRoot, page, ctx.urls.build("edit", { page })), { status: 404 });
  return renderRevision(request, page, latest, ctx);
}

export async function revision(request: Request, values: RouteValues, ctx: ViewContext): Promise<Response> {
  const page = String(values.page);
  const found = ctx.pages.revision(page, Number(values.rev));
  if (!found) throw new NotFound(`${page} has no revision ${String(values.rev)}.`);
  return renderRevision(request, page, found, ctx);
}

export async function edit(request: Request, values: RouteValues, { pages, urls }: ViewContext): Promise<Response> {
  const page = String(values.page);
  const latest = pages.latest(page);
  if (request.method !== "POST") {
    return Response.html(editForm(request.scriptRoot, page, urls.build("edit", { page }), latest));
  }
  const form = await request.form();
  // Someone saved since this form was loaded: refuse instead of overwriting their change.
  if (Number(form.get("baseRev", "0")) !== (latest?.rev ?? 0)) {
    throw new Conflict(`${page} was changed by someone else (now at revision ${latest?.rev ?? 0}). Reload and edit again.`);
  }
  pages.save(page, form.get("text", ""), form.get("comment", ""));
  return redirect(urls.build("show", { page }), 303);
}

export function history(request: Request, values: RouteValues, { pages, urls }: ViewContext): Response {
  const page = String(values.page);
  const revisions = pages.history(page);
  if (revisions.length === 0) throw new NotFound(`${page} has no history.`);
  return Response.html(historyView(request.scriptRoot, page, revisions, (rev) => urls.build("revision", { page, rev })));
}
