/** HTTP status codes and the status lines WSGI-style `startResponse` expects. */

export const HTTP_STATUS_CODES: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

/** 404 -> "404 Not Found"; unknown codes still get a usable line. */
export function statusLine(code: number): string {
  return `${code} ${HTTP_STATUS_CODES[code] ?? "Unknown"}`;
}

/** "404 Not Found" -> 404; throws on garbage because a server cannot send it anyway. */
export function parseStatusLine(line: string): { code: number; reason: string } {
  const match = /^(\d{3})(?: (.*))?$/.exec(line.trim());
  if (!match) throw new TypeError(`invalid status line: ${JSON.stringify(line)}`);
  const code = Number(match[1]);
  return { code, reason: match[2] ?? HTTP_STATUS_CODES[code] ?? "Unknown" };
}

/** Statuses that must not carry a body, whatever the app returned. */
export function isBodyless(code: number): boolean {
  return code === 204 || code === 304 || (code >= 100 && code < 200);
}
