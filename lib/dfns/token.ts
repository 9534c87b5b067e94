// Reads the Dfns user id from a Dfns token's claims (the SDK reads the same claim for its org check).
// No verification here: the token came from Dfns over TLS, and Dfns verifies it on every use.
const APP_METADATA = "https://custom/app_metadata";

export function tokenUserId(token: string): string {
  const payload = token.split(".")[1];
  const claims = payload ? JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) : undefined;
  const userId = claims?.[APP_METADATA]?.userId;
  if (typeof userId !== "string") throw new Error("Dfns token has no user id claim");
  return userId;
}
