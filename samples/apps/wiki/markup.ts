/**
 * A deliberately small wiki markup: `# headings`, `- lists`, **bold**, *italic*, `code`
 * and [[WikiLinks]]. Loaded lazily by the views (dynamic import), since only page views
 * need it and edits, history and redirects should not pay for it.
 */
import { escapeHtml } from "../../interface/utils.js";

export type LinkResolver = (page: string) => { href: string; exists: boolean };

function inline(text: string, link: LinkResolver): string {
  // Escape first, then add our own tags, so page text can never inject HTML.
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>")
    .replace(/\[\[([A-Za-z0-9_-]+)\]\]/g, (_, page: string) => {
      const { href, exists } = link(page);
      return `<a href="${escapeHtml(href)}"${exists ? "" : ' class="missing"'}>${page.replace(/_/g, " ")}</a>`;
    });
}

export default function render(source: string, link: LinkResolver): string {
  const html: string[] = [];
  // Blocks are separated by blank lines; each block is a heading, a list or a paragraph.
  for (const block of source.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]!);
    if (heading && lines.length === 1) {
      const level = heading[1]!.length;
      html.push(`<h${level}>${inline(heading[2]!, link)}</h${level}>`);
    } else if (lines.every((l) => l.startsWith("- "))) {
      html.push(`<ul>${lines.map((l) => `<li>${inline(l.slice(2), link)}</li>`).join("")}</ul>`);
    } else {
      html.push(`<p>${lines.map((l) => inline(l, link)).join("<br>\n")}</p>`);
    }
  }
  return html.join("\n");
}
