/**
 * A development server, the analogue of werkzeug.serving.run_simple: it turns each Node
 * request into an environ, calls the app, and streams back what the app returns.
 * Good for development and tests; put a real server or proxy in front for production.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { once } from "node:events";
import type { App, HeaderList, StartResponse } from "../wsgi.js";
import { parseStatusLine } from "../status.js";
import { toByteStream } from "../utils.js";
import { environFromRequest, type ServerAddress } from "./environ.js";

export interface ServeOptions {
  host?: string;
  /** 0 asks the OS for a free port; the real one is on the returned handle. */
  port?: number;
  /** Silence the per-request access log (tests). */
  quiet?: boolean;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

async function handle(app: App, req: IncomingMessage, res: ServerResponse, address: ServerAddress): Promise<void> {
  let status: string | undefined;
  let headers: HeaderList = [];
  const startResponse: StartResponse = (line, list) => {
    if (res.headersSent) throw new Error("startResponse called after the headers were sent");
    status = line;
    headers = list;
  };
  // Headers go out lazily, with the first chunk, so an app may call startResponse late.
  const sendHead = (): void => {
    if (res.headersSent) return;
    if (status === undefined) throw new Error("app did not call startResponse");
    const { code, reason } = parseStatusLine(status);
    res.writeHead(code, reason, headers.flat());
  };
  try {
    const body = await app(environFromRequest(req, address), startResponse);
    for await (const chunk of toByteStream(body)) {
      sendHead();
      // Respect backpressure so a slow client does not make us buffer the whole body.
      if (!res.write(chunk)) await once(res, "drain");
    }
    sendHead();
    res.end();
  } catch (error) {
    console.error(`error while serving ${req.method} ${req.url}:`, error);
    if (res.headersSent) res.destroy(error as Error);
    else res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal Server Error\n");
  }
}

export async function serve(app: App, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const address: ServerAddress = { host, port: options.port ?? 5000 };
  const server = createServer((req, res) => {
    if (!options.quiet) {
      res.on("finish", () => {
        const when = new Date().toISOString();
        console.log(`${req.socket.remoteAddress} - - [${when}] "${req.method} ${req.url} HTTP/${req.httpVersion}" ${res.statusCode} -`);
      });
    }
    void handle(app, req, res, address);
  });
  server.listen(address.port, host);
  await once(server, "listening");
  address.port = (server.address() as AddressInfo).port;
  return {
    host,
    port: address.port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    close: async () => {
      const closed = once(server, "close");
      server.close();
      // Keep-alive sockets would otherwise hold close() open until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}
