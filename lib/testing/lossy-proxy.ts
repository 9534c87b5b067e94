// For tests: a proxy in front of Dfns (the sandbox) that loses answers. A request it is told to
// lose still reaches Dfns, which does the work; the proxy then drops the connection instead of
// answering, as a timeout or a reset on the way back would. Requests it is told to break never
// reach Dfns.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LossyProxy {
  url: string;
  /** Requests whose answer is lost after Dfns handled them: "POST /auth/recover/user". */
  lose: Set<string>;
  /** Requests dropped before they reach Dfns. */
  break: Set<string>;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startLossyProxy(target: string): Promise<LossyProxy> {
  const lose = new Set<string>();
  const drop = new Set<string>();
  const relay = async (request: IncomingMessage, response: ServerResponse) => {
    const key = `${request.method} ${new URL(request.url ?? "/", "http://proxy").pathname}`;
    if (drop.has(key)) return void request.socket.destroy();
    const body = await readBody(request);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name))) as Record<string, string>;
    const answer = await fetch(target + request.url, { method: request.method, headers, body: body.length ? body : undefined });
    const text = await answer.text(); // Dfns has done the work by now
    if (lose.has(key)) return void request.socket.destroy();
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(text);
  };
  // A relay that fails (the sandbox closed under it) ends that one request's socket.
  const server: Server = createServer((request, response) => void relay(request, response).catch(() => request.socket.destroy()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lose,
    break: drop,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
