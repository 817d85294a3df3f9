/** HTML for the wiki. `root` is the mount point, so every link works under a prefix. */
import { escapeHtml as e } from "../../interface/utils.js";
import type { Revision } from "./pages.js";

const title = (page: string): string => e(page.replace(/_/g, " "));

export function layout(root: string, heading: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${heading} | Wiki</title></head>
<body>
<nav><a href="${e(root)}/">Home</a> · <a href="${e(root)}/_all">All pages</a></nav>
<main>${body}</main>
</body>
</html>
`;
}

export interface PageLinks {
  edit: string;
  history: string;
}

export function pageView(root: string, page: string, revision: Revision, html: string, links: PageLinks): string {
  return layout(
    root,
    title(page),
    `<article>${html}</article>
<footer>Revision ${revision.rev} · <a href="${e(links.edit)}">Edit</a> · <a href="${e(links.history)}">History</a></footer>`,
  );
}

export function missingPage(root: string, page: string, editUrl: string): string {
  return layout(root, title(page), `<p>This page does not exist yet. <a href="${e(editUrl)}">Create it</a>.</p>`);
}

export function editForm(root: string, page: string, action: string, current: Revision | undefined): string {
  // The base revision travels with the form so a concurrent edit is detected, not silently lost.
  return layout(
    root,
    `Editing ${title(page)}`,
    `<form method="post" action="${e(action)}">
  <input type="hidden" name="baseRev" value="${current?.rev ?? 0}">
  <p><textarea name="text" rows="20" cols="80">${e(current?.text ?? "")}</textarea></p>
  <p>Comment: <input type="text" name="comment"> <input type="submit" value="Save"></p>
</form>`,
  );
}

export function historyView(root: string, page: string, revisions: readonly Revision[], revUrl: (rev: number) => string): string {
  const items = revisions
    .map((r) => `<li><a href="${e(revUrl(r.rev))}">Revision ${r.rev}</a> ${r.savedAt.toISOString()} ${e(r.comment)}</li>`)
    .join("\n");
  return layout(root, `History of ${title(page)}`, `<ol reversed>\n${items}\n</ol>`);
}

export function pageList(root: string, pages: readonly { name: string; href: string }[]): string {
  const items = pages.map((p) => `<li><a href="${e(p.href)}">${title(p.name)}</a></li>`).join("\n");
  return layout(root, "All pages", `<ul>\n${items}\n</ul>`);
}
