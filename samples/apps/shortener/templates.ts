/** HTML for Shortly. Every interpolated value goes through escapeHtml. */
import { escapeHtml as e } from "../../interface/utils.js";
import type { Link } from "./store.js";

/** `root` is the app's mount point (SCRIPT_NAME), so links survive being mounted under a prefix. */
export function layout(root: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${e(title)} | Shortly</title><link rel="stylesheet" href="${e(root)}/static/style.css"></head>
<body><div class="box"><h1><a href="${e(root)}/">Shortly</a></h1>${body}</div></body>
</html>
`;
}

export function newUrlPage(root: string, options: { error?: string; url?: string } = {}): string {
  const error = options.error ? `<p class="error"><strong>Error:</strong> ${e(options.error)}</p>` : "";
  return layout(
    root,
    "New link",
    `<h2>Submit URL</h2>${error}
<form method="post" action="${e(root)}/">
  <p>URL: <input type="text" name="url" value="${e(options.url ?? "")}" size="50"></p>
  <p><input type="submit" value="Shorten"></p>
</form>`,
  );
}

export function detailsPage(root: string, link: Link, shortUrl: string): string {
  return layout(
    root,
    `Link ${link.id}`,
    `<h2>Link <code>${e(link.id)}</code></h2>
<dl>
  <dt>Short URL</dt><dd><a href="${e(shortUrl)}">${e(shortUrl)}</a></dd>
  <dt>Target</dt><dd><a href="${e(link.target)}">${e(link.target)}</a></dd>
  <dt>Clicks</dt><dd class="clicks">${link.clicks}</dd>
  <dt>Created</dt><dd>${link.createdAt.toISOString()}</dd>
</dl>`,
  );
}

export function topLinksPage(root: string, links: readonly Link[], detailsUrl: (id: string) => string): string {
  const rows = links
    .map((l) => `<tr><td><a href="${e(detailsUrl(l.id))}">${e(l.id)}</a></td><td>${e(l.target)}</td><td>${l.clicks}</td></tr>`)
    .join("\n");
  return layout(root, "Top links", `<h2>Top links</h2>\n<table><tr><th>Id</th><th>Target</th><th>Clicks</th></tr>\n${rows}\n</table>`);
}
