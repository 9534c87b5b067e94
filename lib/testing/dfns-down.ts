import { dfnsConnection, setDfnsConnection } from "@/lib/dfns/connection";

/**
 * Runs `fn` with Dfns unreachable (nothing listens on the port), then restores the connection.
 * What answers in between was decided without Dfns.
 */
export async function withDfnsDown<T>(fn: () => Promise<T>): Promise<T> {
  const live = await dfnsConnection();
  setDfnsConnection({ ...live, apiUrl: "http://127.0.0.1:9" });
  try {
    return await fn();
  } finally {
    setDfnsConnection(live);
  }
}
