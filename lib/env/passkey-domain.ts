import { isIP } from "node:net";

// Which origins and hosts passkeys work on: browsers allow WebAuthn only in a secure context
// (https, or http on localhost), on a domain name, under an RP ID that is the page's host or a
// registrable parent of it.

const LOCAL_HOSTS = /^(localhost|.+\.localhost)$/;
// Suffixes under which anyone can get a name: a passkey bound to one would be shared by every
// site below it, and browsers refuse them. Not the whole Public Suffix List, the usual hosts.
const SHARED_SUFFIXES = new Set([
  "vercel.app",
  "netlify.app",
  "pages.dev",
  "workers.dev",
  "github.io",
  "herokuapp.com",
  "onrender.com",
  "fly.dev",
  "railway.app",
  "azurewebsites.net",
  "cloudfront.net",
  "appspot.com",
  "co.uk",
  "org.uk",
  "com.au",
  "co.jp",
  "com.br",
]);

const isLocalHost = (hostname: string) => LOCAL_HOSTS.test(hostname);

/** This machine, by name or by loopback address: where a server may be reached over plain http. */
export const isLoopback = (hostname: string) =>
  isLocalHost(hostname) || hostname === "127.0.0.1" || hostname === "[::1]";

/** The app's origin as a URL, or what is wrong with it (in words, without the value). */
export function parseAppOrigin(value: string): URL | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "must be an origin such as https://wallet.example.com" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: "must start with https:// (or http:// for localhost)" };
  }
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    return { problem: "must be an origin only: scheme, host and port, no path" };
  }
  if (isIP(url.hostname.replace(/^\[|\]$/g, ""))) {
    return {
      problem: "must use a host name, not an IP address: passkeys need a domain (use http://localhost:PORT locally)",
    };
  }
  if (url.protocol === "http:" && !isLocalHost(url.hostname)) {
    return {
      problem: "must use https:// unless the host is localhost: browsers allow passkeys only in a secure context",
    };
  }
  return url;
}

/** Whether `rpId` may be the WebAuthn RP ID of pages served at `hostname`. */
export function isValidRpId(rpId: string, hostname: string): boolean {
  if (rpId === hostname) return true;
  if (!hostname.endsWith(`.${rpId}`)) return false;
  // A parent domain must itself be registrable: not a bare TLD, not a shared hosting suffix.
  return (rpId.includes(".") || rpId === "localhost") && !SHARED_SUFFIXES.has(rpId);
}
