import { createHash } from "node:crypto";
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";
import {
  cose,
  decodeAttestationObject,
  decodeCredentialPublicKey,
  parseAuthenticatorData,
  type ParsedAuthenticatorData,
} from "@simplewebauthn/server/helpers";
import { badRequest, unauthorized } from "../errors";
import { challengeMatches } from "./challenge";
import { allowedOrigins, checkClientData, parseClientData } from "./client-data";
import { decodeBase64Url, toBase64Url, trimPadding } from "./encoding";
import type { CredentialInfo, Fido2Assertion, RelyingParty, StoredCredential, VerifiedNewCredential } from "./types";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parseAuthData(bytes: Uint8Array<ArrayBuffer>, field: string): ParsedAuthenticatorData {
  try {
    return parseAuthenticatorData(bytes);
  } catch (error) {
    throw badRequest(`${field} is not valid authenticator data`, { reason: messageOf(error) });
  }
}

/** What simplewebauthn checks too, done first so that each failure has its own plain message. */
function checkAuthData(authData: ParsedAuthenticatorData, rp: RelyingParty): void {
  const expected = createHash("sha256").update(rp.rpId, "utf8").digest();
  if (!expected.equals(authData.rpIdHash)) throw unauthorized("RP ID hash does not match", { rpId: rp.rpId });
  if (!authData.flags.up) throw unauthorized("User presence flag is not set");
  if (!authData.flags.uv) throw unauthorized("User verification is required");
}

/**
 * Fido2 attestation (passkey registration): `credId` = base64url rawId, `clientData` =
 * base64url clientDataJSON, `attestationData` = base64url attestationObject.
 */
export async function verifyFido2Attestation(args: {
  credentialInfo: CredentialInfo;
  challenge: string;
  rp: RelyingParty;
}): Promise<VerifiedNewCredential> {
  const { credentialInfo, challenge, rp } = args;
  decodeBase64Url(credentialInfo.credId, "credId");
  const clientData = parseClientData(credentialInfo.clientData);
  const attestationObject = decodeBase64Url(credentialInfo.attestationData, "attestationData");
  let authData: ParsedAuthenticatorData;
  try {
    authData = parseAuthenticatorData(decodeAttestationObject(attestationObject).get("authData"));
  } catch (error) {
    throw badRequest("attestationData is not a valid CBOR attestation object", { reason: messageOf(error) });
  }
  if (!authData.credentialID || !authData.credentialPublicKey)
    throw badRequest("attestationData has no attested credential");

  const origin = checkClientData(clientData, { type: "webauthn.create", challenge, rp, originRequired: true });
  checkAuthData(authData, rp);
  const credId = toBase64Url(authData.credentialID);
  if (trimPadding(credentialInfo.credId) !== credId)
    throw unauthorized("credId does not match the attested credential id");

  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: {
        id: credId,
        rawId: credId,
        type: "public-key",
        response: {
          clientDataJSON: trimPadding(credentialInfo.clientData),
          attestationObject: trimPadding(credentialInfo.attestationData),
        },
        clientExtensionResults: {},
      },
      expectedChallenge: (received) => challengeMatches(received, challenge),
      expectedOrigin: allowedOrigins(rp),
      expectedRPID: rp.rpId,
      requireUserVerification: true,
    });
  } catch (error) {
    throw unauthorized(`Attestation is not valid: ${messageOf(error)}`);
  }
  if (!result.verified) throw unauthorized("Attestation signature is invalid");

  const { credential } = result.registrationInfo;
  const alg = decodeCredentialPublicKey(credential.publicKey).get(cose.COSEKEYS.alg);
  return {
    credId: credential.id,
    publicKey: toBase64Url(credential.publicKey),
    ...(typeof alg === "number" ? { algorithm: cose.COSEALG[alg] ?? String(alg) } : {}),
    signCount: credential.counter,
    ...(origin ? { origin } : {}),
    rpId: rp.rpId,
  };
}

/** Fido2 assertion (passkey signature over a challenge), checked against the stored COSE key. */
export async function verifyFido2Assertion(args: {
  assertion: Fido2Assertion;
  challenge: string;
  credential: StoredCredential;
  rp: RelyingParty;
}): Promise<{ signCount: number }> {
  const { assertion, challenge, credential, rp } = args;
  const { credId, clientData: clientDataB64, authenticatorData, signature, userHandle } = assertion.credentialAssertion;
  if (credential.kind !== "Fido2")
    throw unauthorized(`A Fido2 assertion cannot be checked against a ${credential.kind} credential`);
  const clientData = parseClientData(clientDataB64);
  const authData = parseAuthData(decodeBase64Url(authenticatorData, "authenticatorData"), "authenticatorData");
  decodeBase64Url(signature, "signature");
  if (userHandle) decodeBase64Url(userHandle, "userHandle");
  if (trimPadding(credId) !== trimPadding(credential.credId)) throw unauthorized("Credential id does not match");

  checkClientData(clientData, { type: "webauthn.get", challenge, rp, originRequired: true });
  checkAuthData(authData, rp);
  const stored = credential.signCount;
  if ((authData.counter > 0 || stored > 0) && authData.counter <= stored) {
    throw unauthorized(`Sign counter did not increase (stored ${stored}, received ${authData.counter})`);
  }

  let publicKey: Uint8Array<ArrayBuffer>;
  try {
    publicKey = decodeBase64Url(credential.publicKey, "publicKey");
    decodeCredentialPublicKey(publicKey);
  } catch {
    throw unauthorized("Stored credential public key is not usable");
  }

  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    result = await verifyAuthenticationResponse({
      response: {
        id: trimPadding(credential.credId),
        rawId: trimPadding(credential.credId),
        type: "public-key",
        response: {
          clientDataJSON: trimPadding(clientDataB64),
          authenticatorData: trimPadding(authenticatorData),
          signature: trimPadding(signature),
          ...(userHandle ? { userHandle: trimPadding(userHandle) } : {}),
        },
        clientExtensionResults: {},
      },
      expectedChallenge: (received) => challengeMatches(received, challenge),
      expectedOrigin: allowedOrigins(rp),
      expectedRPID: rp.rpId,
      credential: { id: trimPadding(credential.credId), publicKey: new Uint8Array(publicKey), counter: stored },
      requireUserVerification: true,
    });
  } catch (error) {
    throw unauthorized("Invalid signature", { reason: messageOf(error) });
  }
  if (!result.verified) throw unauthorized("Invalid signature");
  return { signCount: result.authenticationInfo.newCounter };
}
