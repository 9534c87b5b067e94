// Reads claims of a Dfns token (the SDK reads the same claims for its org check). No verification
// here: the token came from Dfns over TLS, and Dfns verifies it on every use.
const APP_METADATA = "https://custom/app_metadata";

function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  try {
    return payload ? JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) : undefined;
  } catch {
    return undefined;
  }
}

export function tokenUserId(token: string): string {
  const userId = (claimsOf(token)?.[APP_METADATA] as { userId?: unknown } | undefined)?.userId;
  if (typeof userId !== "string") throw new Error("Dfns token has no user id claim");
  return userId;
}

/** When the token expires (its `exp`), if it says. */
export function tokenExpiry(token: string): Date | undefined {
  const exp = claimsOf(token)?.exp;
  return typeof exp === "number" ? new Date(exp * 1000) : undefined;
}
