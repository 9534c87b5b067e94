import type { AuthenticatorTransport, PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { utf8ToBase64Url } from "./encoding";
import type { DfnsRegistrationChallenge } from "./types";

const ATTESTATION = new Set<string>(["none", "indirect", "direct", "enterprise"]);

/**
 * The options for `startRegistration({ optionsJSON })` of `@simplewebauthn/browser` that make the
 * passkey Dfns asked for: same RP, user, algorithms and authenticator requirements, and the
 * challenge and user id as UTF-8 bytes (what the Dfns SDK signs), not base64url-decoded.
 */
export function toCreationOptions(challenge: DfnsRegistrationChallenge): PublicKeyCredentialCreationOptionsJSON {
  const { residentKey, requireResidentKey, userVerification, authenticatorAttachment } =
    challenge.authenticatorSelection ?? {};
  const attestation = challenge.attestation && ATTESTATION.has(challenge.attestation) ? challenge.attestation : "none";
  return {
    challenge: utf8ToBase64Url(challenge.challenge),
    rp: { id: challenge.rp.id, name: challenge.rp.name },
    user: {
      id: utf8ToBase64Url(challenge.user.id),
      name: challenge.user.name,
      displayName: challenge.user.displayName || challenge.user.name,
    },
    pubKeyCredParams: challenge.pubKeyCredParams.map(({ type, alg }) => ({ type, alg })),
    authenticatorSelection: withoutUndefined({
      residentKey,
      requireResidentKey,
      userVerification,
      authenticatorAttachment,
    }),
    attestation: attestation as AttestationConveyancePreference,
    excludeCredentials: (challenge.excludeCredentials ?? []).map((credential) =>
      withoutUndefined({
        type: "public-key" as const,
        id: credential.id,
        transports: credential.transports as AuthenticatorTransport[] | undefined,
      }),
    ),
    ...(challenge.timeout ? { timeout: challenge.timeout } : {}),
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
