/** A path on this site (`/wallet?x=1`), not `//evil.example` or a full URL: safe to redirect to. */
export function isLocalPath(value: string | null | undefined): value is string {
  return !!value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
}

/** `value` when it is a local path, else `fallback`: for `callbackUrl` query parameters. */
export function localPathOr(value: string | null | undefined, fallback: string): string {
  return isLocalPath(value) ? value : fallback;
}
