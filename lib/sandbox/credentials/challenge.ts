/**
 * The one rule for challenges in client data.
 *
 * The Dfns SDK hands WebAuthn the UTF-8 bytes of the challenge string, so a browser writes
 * `base64url(utf8(C))` into clientDataJSON; Dfns's own Key signers write `C` as is. Both are
 * accepted, nothing else.
 */
export function challengeMatches(received: unknown, challenge: string): boolean {
  if (typeof received !== "string" || challenge.length === 0) return false;
  return received === challenge || received === Buffer.from(challenge, "utf8").toString("base64url");
}
