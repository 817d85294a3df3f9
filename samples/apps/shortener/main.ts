/** Run Shortly on the development server (see samples/README.md for how to start it). */
import { serve } from "../../interface/server/serving.js";
import { createApp } from "./app.js";

const server = await serve(createApp(), {
  host: process.env.HOST ?? "127.0.0.1",
  port: Number(process.env.PORT ?? 5000),
});
console.log(`Shortly is running on ${server.url} (Ctrl+C to stop)`);

process.once("SIGINT", () => {
  void server.close().then(() => process.exit(0));
});
