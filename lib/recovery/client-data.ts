// Key-credential clientData. Signatures cover these exact bytes, so build the string once and
// send the same string (base64url) that was signed. Field order follows Dfns's documented
// examples: type, challenge, origin, crossOrigin.

export type KeyClientDataType = "key.create" | "key.get";

export function keyClientData(type: KeyClientDataType, challenge: string, origin: string): string {
  if (!challenge) throw new TypeError("challenge is empty");
  return JSON.stringify({ type, challenge, origin: checkOrigin(origin), crossOrigin: false });
}

/** Catches the usual slip of passing location.href (path, trailing slash) instead of location.origin. */
function checkOrigin(origin: string): string {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    throw new TypeError(`origin ${JSON.stringify(origin)} is not a URL origin`);
  }
  if (parsed.origin !== origin) {
    throw new TypeError(
      `origin ${JSON.stringify(origin)} must be a bare origin such as ${JSON.stringify(parsed.origin)}`,
    );
  }
  return origin;
}
