import { AsyncLocalStorage } from "node:async_hooks";
import { noteDfnsCall } from "@/lib/errors";

// `Server-Timing` on every route answer: how long the app itself worked, apart from the time it
// waited on Dfns, so benchmarks and browser dev tools can tell the two apart.
//
//   Server-Timing: app;dur=3.1, dfns;dur=12.4, total;dur=15.5

interface RequestClock {
  start: number;
  /** Wall time during which at least one Dfns call was in flight (overlapping calls count once). */
  dfnsMs: number;
  inFlight: number;
  inFlightSince: number;
}

const clocks = new AsyncLocalStorage<RequestClock>();

/** Runs one request's work and adds its `Server-Timing` header to the answer. */
export async function withServerTiming(work: () => Promise<Response>): Promise<Response> {
  const clock: RequestClock = { start: performance.now(), dfnsMs: 0, inFlight: 0, inFlightSince: 0 };
  const response = await clocks.run(clock, work);
  const total = performance.now() - clock.start;
  const value = `app;dur=${(total - clock.dfnsMs).toFixed(1)}, dfns;dur=${clock.dfnsMs.toFixed(1)}, total;dur=${total.toFixed(1)}`;
  try {
    response.headers.set("server-timing", value);
    return response;
  } catch {
    // Immutable headers (a Response from fetch or Response.redirect): answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set("server-timing", value);
    return copy;
  }
}

/** Counts the time `call` takes as time waiting on Dfns, for the request it runs in (if any). */
export async function timeDfnsCall<T>(call: () => Promise<T>): Promise<T> {
  const clock = clocks.getStore();
  if (!clock) return call();
  if (clock.inFlight++ === 0) clock.inFlightSince = performance.now();
  try {
    return await call();
  } finally {
    if (--clock.inFlight === 0) clock.dfnsMs += performance.now() - clock.inFlightSince;
  }
}

/** How long the app waits for one Dfns call before it answers the user without it. */
export const DFNS_CALL_TIME_LIMIT_MS = 25_000;

/**
 * The Dfns SDK takes no fetch of its own (0.8.3), so its clients are wrapped instead: every
 * method of every API group (`client.auth.x()`, `client.wallets.y()`) is timed by `timeDfnsCall`
 * and given up after `timeLimitMs` (a network error, ETIMEDOUT: Dfns may still do it).
 */
export function timedDfnsClient<Client extends object>(client: Client, timeLimitMs = DFNS_CALL_TIME_LIMIT_MS): Client {
  return new Proxy(client, {
    // The target as `this`: the SDK's getters and methods read their own private fields.
    get(target, property) {
      const group: unknown = Reflect.get(target, property);
      return group !== null && typeof group === "object" ? timedGroup(group, String(property), timeLimitMs) : group;
    },
  });
}

/** Each call timed, and a failure noted with its name (`auth.delegatedLogin`) for error messages. */
function timedGroup(group: object, groupName: string, timeLimitMs: number): object {
  return new Proxy(group, {
    get(target, property) {
      const method: unknown = Reflect.get(target, property);
      if (typeof method !== "function") return method;
      const call = `${groupName}.${String(property)}`;
      return (...args: unknown[]) =>
        timeDfnsCall(() => withinTimeLimit(method.apply(target, args) as Promise<unknown>, timeLimitMs)).catch(
          (error: unknown) => {
            noteDfnsCall(error, call);
            throw error;
          },
        );
    },
  });
}

/** `call`'s result, or an ETIMEDOUT network error after `ms` (the request itself is left to finish). */
function withinTimeLimit<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`Dfns did not answer within ${ms} ms`), { code: "ETIMEDOUT" })),
      ms,
    );
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}
