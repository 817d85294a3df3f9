/**
 * HTTP errors as exceptions. Handlers `throw new NotFound()` from any depth; the glue in
 * application.ts catches them and, because each exception is a Responder, sends it as is.
 */
import type { Environ, HeaderList, Responder, ResponseBody, StartResponse } from "./wsgi.js";
import { Response } from "./response.js";
import { HTTP_STATUS_CODES } from "./status.js";
import { escapeHtml } from "./utils.js";

export class HttpException extends Error implements Responder {
  readonly code: number = 500;
  readonly description: string;

  constructor(description?: string) {
    super(description);
    this.name = new.target.name;
    this.description = description ?? "";
  }

  get reason(): string {
    return HTTP_STATUS_CODES[this.code] ?? "Unknown Error";
  }

  /** Extra headers this error needs, e.g. Allow for 405 or Location for redirects. */
  getHeaders(): HeaderList {
    return [];
  }

  getResponse(): Response {
    const text = escapeHtml(this.description || defaultDescriptions[this.code] || "");
    const html = `<!doctype html>\n<title>${this.code} ${this.reason}</title>\n<h1>${this.reason}</h1>\n<p>${text}</p>\n`;
    return Response.html(html, { status: this.code, headers: this.getHeaders() });
  }

  respond(environ: Environ, startResponse: StartResponse): ResponseBody {
    return this.getResponse().respond(environ, startResponse);
  }
}

const defaultDescriptions: Record<number, string> = {
  400: "The browser (or proxy) sent a request that this server could not understand.",
  404: "The requested URL was not found on the server.",
  405: "The method is not allowed for the requested URL.",
};

export class BadRequest extends HttpException {
  override readonly code = 400;
}

export class NotFound extends HttpException {
  override readonly code = 404;
}

export class MethodNotAllowed extends HttpException {
  override readonly code = 405;
  constructor(readonly validMethods: readonly string[], description?: string) {
    super(description);
  }
  // RFC 9110 requires a 405 to say which methods would have worked.
  override getHeaders(): HeaderList {
    return [["Allow", this.validMethods.join(", ")]];
  }
}

export class Conflict extends HttpException {
  override readonly code = 409;
}

export class RequestEntityTooLarge extends HttpException {
  override readonly code = 413;
}

export class UnsupportedMediaType extends HttpException {
  override readonly code = 415;
}

export class InternalServerError extends HttpException {
  override readonly code = 500;
}

/** Thrown by routing when the canonical URL differs (missing trailing slash): a 308 keeps the method. */
export class RequestRedirect extends HttpException {
  override readonly code = 308;
  constructor(readonly newUrl: string) {
    super(`Redirecting to ${newUrl}`);
  }
  override getHeaders(): HeaderList {
    return [["Location", this.newUrl]];
  }
}
