/**
 * Where a `callbackUrl` may send the browser: a path of this app, given as a path (`/wallet?x=1`)
 * or as a full URL on `origin`. Returned as pathname + search + hash; anything else is null.
 *
 * Parsed with `URL` against the app's origin, as the browser will resolve it, then compared by
 * origin. Control characters and backslashes are refused outright: browsers drop tabs and
 * newlines and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` lead off-site, and a
 * CR or LF cannot go in a `Location` header at all.
 */
export function localPath(value: string | null | undefined, origin: string): string | null {
  if (!value || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
  return path.startsWith("//") ? null : path;
}

/** `value` as a local path (see `localPath`), else `fallback`: for `callbackUrl` query parameters. */
export function localPathOr(value: string | null | undefined, origin: string, fallback: string): string {
  return localPath(value, origin) ?? fallback;
}
