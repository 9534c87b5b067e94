import "server-only";
import { isIPv4, isIPv6 } from "node:net";

// The client's address, for per-address rate limits. Only a proxy in front of the app can tell it:
// the app sees `X-Forwarded-For`, which anyone can send. So the header is believed only where a
// trusted proxy writes it, replacing whatever the client sent:
// - Vercel (VERCEL=1 at run time) sets X-Forwarded-For to the client's address.
// - Elsewhere the address is unknown and per-address limits are skipped (the per-email limit of
//   sign-in still holds). Behind your own proxy that REPLACES the header (nginx:
//   `proxy_set_header X-Forwarded-For $remote_addr;`), make `behindTrustedProxy` say so. A proxy
//   that appends keeps the client's own first entry: do not trust that one.

const behindTrustedProxy = () => process.env.VERCEL === "1";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * What per-address limits count by: an IPv4 address, or the /64 prefix of an IPv6 one (one
 * subscriber usually holds a whole /64). Null when no trusted proxy names a valid address.
 */
export function clientAddress(headers: HeaderSource, trustProxy = behindTrustedProxy()): string | null {
  if (!trustProxy) return null;
  const first = header(headers, "x-forwarded-for")?.split(",")[0]?.trim().replace(/%.*$/, "");
  if (!first) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(first)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(first)) return first;
  if (isIPv6(first)) return `${ipv6Prefix64(first)}::/64`;
  return null;
}

/** The first four groups of an IPv6 address, `::` expanded, e.g. `2001:db8:0:0`. */
function ipv6Prefix64(address: string): string {
  const groups = (part: string) => (part ? part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g])) : []);
  const [head = "", tail] = address.split("::");
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full =
    tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":");
}
