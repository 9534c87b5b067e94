import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxHandler } from "./sandbox";

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    ...(method === "GET" || method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
  });
}

/** Not a Dfns path: the standalone server's own, for `npm run sandbox:credentials` while it runs. */
export const CREDENTIALS_PATH = "/_sandbox/credentials";

const isLoopback = (address: string | undefined) =>
  address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";

/**
 * Serves the sandbox over plain Node HTTP (no framework). Port 0 picks a free port.
 * The service account's credentials are also served at CREDENTIALS_PATH, to this machine only:
 * the embedded database cannot be opened by a second process while the server runs.
 */
export async function listen(
  handler: SandboxHandler,
  port: number,
  host = "127.0.0.1",
): Promise<{ server: Server; url: string }> {
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = `http://${req.headers.host ?? host}`;
    if (req.method === "GET" && req.url === CREDENTIALS_PATH && isLoopback(req.socket.remoteAddress)) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(await handler.credentials(origin)));
      return;
    }
    const response = await handler.handle(await toRequest(req, origin));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const server = createServer((req, res) => {
    // The handler answers its own errors as JSON; this is for the socket failing under it.
    serve(req, res).catch((error: unknown) => {
      console.error("[sandbox] request failed:", error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "Internal sandbox error", status: 500 } }));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return { server, url: `http://${host}:${actual}` };
}
