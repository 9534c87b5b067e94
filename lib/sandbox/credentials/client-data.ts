import { unauthorized } from "../errors";
import { challengeMatches } from "./challenge";
import { decodeBase64UrlJson } from "./encoding";
import type { RelyingParty } from "./types";

export type ClientDataType = "webauthn.create" | "webauthn.get" | "key.create" | "key.get";

export interface ClientData {
  /** The bytes as sent: signatures cover these, never a re-serialization. */
  bytes: Buffer<ArrayBuffer>;
  json: Record<string, unknown>;
}

/** Decodes `clientData` (base64url JSON). Malformed input is a 400. */
export const parseClientData = (clientData: string): ClientData => decodeBase64UrlJson(clientData, "clientData");

const normalizeOrigin = (origin: string): string => {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
};

/** The RP's allowed origins in serialized form (`new URL(o).origin`), as browsers write them. */
export const allowedOrigins = (rp: RelyingParty): string[] => rp.origins.map(normalizeOrigin);

export const isAllowedOrigin = (origin: string, rp: RelyingParty): boolean => allowedOrigins(rp).includes(origin);

/**
 * Checks what the client data claims: its type, the challenge (see `challengeMatches`) and the
 * origin. WebAuthn client data always has an origin; Key client data may leave it out (the
 * official AsymmetricKeySigner does), but when present it must be allowed. Returns the origin.
 */
export function checkClientData(
  clientData: ClientData,
  expected: { type: ClientDataType; challenge: string; rp: RelyingParty; originRequired: boolean },
): string | undefined {
  const { type, challenge, origin, crossOrigin } = clientData.json;
  if (type !== expected.type) {
    throw unauthorized(
      typeof type === "string"
        ? `clientData type is "${type}", expected "${expected.type}"`
        : `clientData has no type, expected "${expected.type}"`,
    );
  }
  if (!challengeMatches(challenge, expected.challenge)) throw unauthorized("Challenge does not match");
  if (origin === undefined) {
    if (expected.originRequired) throw unauthorized("clientData has no origin");
  } else if (typeof origin !== "string" || !isAllowedOrigin(origin, expected.rp)) {
    throw unauthorized(`Origin ${String(origin)} is not allowed`, { allowedOrigins: expected.rp.origins });
  }
  if (crossOrigin === true) throw unauthorized("Cross-origin client data is not allowed");
  return origin;
}
