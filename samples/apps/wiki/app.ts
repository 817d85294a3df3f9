/**
 * A small wiki: pages in memory, every save kept as a revision. Its rules never mention a
 * mount prefix; mounted under /wiki by the dispatcher, every URL it builds still starts with /wiki.
 */
import type { App } from "../../interface/wsgi.js";
import { application } from "../../interface/application.js";
import { Rule, UrlMap } from "../../interface/routing.js";
import { type Endpoint, type View, allPages, edit, history, home, revision, show } from "./views.js";
import { PageStore } from "./pages.js";

export interface WikiOptions {
  pages?: PageStore;
  frontPage?: string;
}

const views: Record<Endpoint, View> = { home, allPages, show, edit, history, revision };

export function createApp(options: WikiOptions = {}): App {
  const pages = options.pages ?? new PageStore();
  const frontPage = options.frontPage ?? "Main_Page";
  if (!pages.latest(frontPage)) {
    pages.save(frontPage, "# Welcome\n\nThis is the front page. Try [[Sandbox]] or edit this page.", "created");
  }

  // Static rules first: "/_all" would otherwise be read as a page called "_all".
  const urlMap = new UrlMap<Endpoint>([
    new Rule("/", { endpoint: "home" }),
    new Rule("/_all", { endpoint: "allPages" }),
    new Rule("/<page>", { endpoint: "show" }),
    new Rule("/<page>/edit", { endpoint: "edit", methods: ["GET", "POST"] }),
    new Rule("/<page>/history", { endpoint: "history" }),
    new Rule("/<page>/rev/<int(min=1):rev>", { endpoint: "revision" }),
  ]);

  return application((request) => {
    const urls = urlMap.bind(request.environ);
    const [endpoint, values] = urls.match();
    return views[endpoint](request, values, { pages, urls, frontPage });
  });
}
