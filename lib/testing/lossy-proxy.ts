// For tests: a proxy between the app and Dfns (the sandbox) that injects faults into chosen calls.
// A rule targets the Nth call (1-based, counted from when the rule was added) matching a method and
// path pattern ("POST /auth/recover/user", "POST /wallets/*/signatures": `*` is one path segment)
// and fails it in one of four ways:
//   timeout - held past the app's time limit, then sent on: Dfns does it after the app gave up;
//   5xx     - Dfns does it, and the app gets a 500 instead of the answer;
//   reset   - the connection is cut before the request reaches Dfns: nothing happens there;
//   lost    - Dfns does it, and the connection is cut instead of answering.
// Every call that passes is recorded in `calls` ("POST /auth/login/delegated"), ids included.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export const FAULTS = ["timeout", "5xx", "reset", "lost"] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultRule {
  /** "METHOD /path", `*` matching one path segment. */
  call: string;
  /** Which matching call fails, 1 for the next one. */
  nth: number;
  fault: Fault;
}

export interface LossyProxy {
  url: string;
  /** Requests whose answer is lost after Dfns handled them: "POST /auth/recover/user". */
  lose: Set<string>;
  /** Requests dropped before they reach Dfns. */
  break: Set<string>;
  /** Arms a rule; it fires once. */
  inject(rule: FaultRule): void;
  /** Whether every armed rule has fired. */
  fired(): boolean;
  /** The calls seen so far, "METHOD /path". */
  calls: string[];
  /** Resolves once no request is in the proxy (a held `timeout` has reached Dfns and ended). */
  idle(): Promise<void>;
  /** Forgets the rules and the calls seen. */
  reset(): void;
  close(): Promise<void>;
}

export interface LossyProxyOptions {
  /** How long a `timeout` holds a request: longer than the app's time limit for a Dfns call. */
  holdMs?: number;
}

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const patternOf = (call: string) =>
  new RegExp(`^${call.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]+")}$`);

interface ArmedRule extends FaultRule {
  pattern: RegExp;
  seen: number;
  done: boolean;
}

export async function startLossyProxy(target: string, options: LossyProxyOptions = {}): Promise<LossyProxy> {
  const lose = new Set<string>();
  const drop = new Set<string>();
  let rules: ArmedRule[] = [];
  let calls: string[] = [];
  let inFlight = 0;
  const sockets = new Set<Socket>();

  /** The fault for this call, counting it against every armed rule it matches. */
  const faultFor = (key: string): Fault | null => {
    if (drop.has(key)) return "reset";
    if (lose.has(key)) return "lost";
    let fault: Fault | null = null;
    for (const rule of rules) {
      if (rule.done || !rule.pattern.test(key)) continue;
      if (++rule.seen === rule.nth) {
        rule.done = true;
        fault ??= rule.fault;
      }
    }
    return fault;
  };

  const forward = async (request: IncomingMessage, body: Buffer) => {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name]) => !["host", "connection", "content-length"].includes(name)),
    ) as Record<string, string>;
    const answer = await fetch(target + request.url, {
      method: request.method,
      headers,
      body: body.length ? new Uint8Array(body) : undefined,
    });
    return {
      status: answer.status,
      type: answer.headers.get("content-type") ?? "application/json",
      text: await answer.text(),
    };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const key = `${request.method} ${new URL(request.url ?? "/", "http://proxy").pathname}`;
    calls.push(key);
    const fault = faultFor(key);
    if (fault === "reset") return void request.socket.destroy();
    const body = await readBody(request);
    if (fault === "timeout") await new Promise((resolve) => setTimeout(resolve, options.holdMs ?? 1000));
    const answer = await forward(request, body); // Dfns has done the work by now
    if (fault === "lost" || fault === "timeout") return void request.socket.destroy();
    if (fault === "5xx") {
      const error = { error: { message: "Internal Server Error (injected by the test proxy)" } };
      return void response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(error));
    }
    response.writeHead(answer.status, { "content-type": answer.type }).end(answer.text);
  };

  const server: Server = createServer((request, response) => {
    inFlight++;
    handle(request, response)
      .catch(() => request.socket.destroy())
      .finally(() => inFlight--);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lose,
    break: drop,
    inject: (rule) => void rules.push({ ...rule, pattern: patternOf(rule.call), seen: 0, done: false }),
    fired: () => rules.every((rule) => rule.done),
    async idle() {
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    get calls() {
      return calls;
    },
    reset() {
      rules = [];
      calls = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
