/**
 * A JSON notes API. Unlike the HTML apps it turns every HttpException into a JSON error
 * body, because API clients parse errors rather than display them.
 */
import type { App } from "../../interface/wsgi.js";
import type { Request } from "../../interface/request.js";
import { application } from "../../interface/application.js";
import { Response } from "../../interface/response.js";
import { BadRequest, HttpException, NotFound } from "../../interface/errors.js";
import { Rule, UrlMap } from "../../interface/routing.js";
import NoteStore, { type NoteInput } from "./store.js";

type Endpoint = "list" | "create" | "read" | "update" | "remove";

/** Validate an untrusted JSON body into a NoteInput, naming the first bad field. */
async function readInput(request: Request): Promise<NoteInput> {
  const data = await request.json<Record<string, unknown>>();
  if (typeof data !== "object" || data === null) throw new BadRequest("Body must be a JSON object.");
  const { title, body = "", tags = [] } = data;
  if (typeof title !== "string" || title.trim() === "") throw new BadRequest("title: a non-empty string is required.");
  if (typeof body !== "string") throw new BadRequest("body: must be a string.");
  if (!Array.isArray(tags) || !tags.every((t): t is string => typeof t === "string")) {
    throw new BadRequest("tags: must be an array of strings.");
  }
  return { title: title.trim(), body, tags };
}

export function createApp(store = new NoteStore()): App {
  const urlMap = new UrlMap<Endpoint>([
    new Rule("/notes", { endpoint: "list" }),
    new Rule("/notes", { endpoint: "create", methods: ["POST"] }),
    new Rule("/notes/<int:id>", { endpoint: "read" }),
    new Rule("/notes/<int:id>", { endpoint: "update", methods: ["PUT"] }),
    new Rule("/notes/<int:id>", { endpoint: "remove", methods: ["DELETE"] }),
  ]);

  const dispatch = async (request: Request): Promise<Response> => {
    const urls = urlMap.bind(request.environ);
    const [endpoint, values] = urls.match();
    const id = Number(values.id);
    switch (endpoint) {
      case "list":
        return Response.json(store.list(request.args.get("tag")));
      case "create": {
        const note = store.create(await readInput(request));
        return Response.json(note, { status: 201, headers: { Location: urls.build("read", { id: note.id }) } });
      }
      case "read":
        return Response.json(store.get(id) ?? notFound(id));
      case "update":
        return Response.json(store.update(id, await readInput(request)) ?? notFound(id));
      case "remove":
        if (!store.delete(id)) notFound(id);
        return new Response(null, { status: 204 });
    }
  };

  return application(async (request) => {
    try {
      return await dispatch(request);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      // Keep the exception's headers (Allow on a 405) but swap the HTML page for JSON.
      return Response.json({ error: error.name, message: error.description || error.reason }, {
        status: error.code,
        headers: error.getHeaders(),
      });
    }
  });
}

function notFound(id: number): never {
  throw new NotFound(`No note with id ${id}.`);
}
