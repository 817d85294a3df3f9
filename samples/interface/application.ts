/**
 * The bridge from "handler returns a Response" to the raw app signature, like Werkzeug's
 * `@Request.application` decorator. HTTP exceptions become their error pages; anything else
 * propagates so the server (or an outer middleware) decides how to report a crash.
 */
import type { App, Responder } from "./wsgi.js";
import type { Response } from "./response.js";
import { Request } from "./request.js";
import { HttpException } from "./errors.js";

export type Handler = (request: Request) => Response | Promise<Response>;

export function application(handler: Handler): App {
  return async (environ, startResponse) => {
    const request = new Request(environ);
    let responder: Responder;
    try {
      responder = await handler(request);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      responder = error;
    }
    return responder.respond(environ, startResponse);
  };
}
