import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { badRequest, unauthorized } from "../errors";
import { checkClientData, parseClientData } from "./client-data";
import { decodeBase64Url, decodeBase64UrlJson, decodeHex, trimPadding } from "./encoding";
import type {
  CredentialInfo,
  KeyAssertion,
  KeyCredentialKind,
  RelyingParty,
  StoredCredential,
  VerifiedNewCredential,
} from "./types";

// Curves Node signs with out of the box and Dfns documents (P-256 recommended, secp256k1, P-384).
const EC_CURVES = new Set(["prime256v1", "secp256k1", "secp384r1"]);
const EC_FIELD_BYTES: Record<string, number> = { prime256v1: 32, secp256k1: 32, secp384r1: 48 };

/** Reads a PEM public key (SPKI, or PKCS#1 for RSA) and refuses key types Dfns does not take. */
export function importPublicKey(pem: string, field = "publicKey"): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw badRequest(`${field} is not a valid PEM public key`);
  }
  const type = key.asymmetricKeyType;
  if (type === "ed25519") return key;
  if (type === "ec" && EC_CURVES.has(key.asymmetricKeyDetails?.namedCurve ?? "")) return key;
  if (type === "rsa" && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return key;
  const detail =
    type === "ec" ? ` (${key.asymmetricKeyDetails?.namedCurve})` : type === "rsa" ? " shorter than 2048 bits" : "";
  throw badRequest(`${field} is an unsupported key type: ${type}${detail}`);
}

// Stored keys are parsed once (about 0.3 ms each): the service account's signs every user action.
const storedKeys = new Map<string, KeyObject>();
const MAX_STORED_KEYS = 1_000;

function storedPublicKey(pem: string): KeyObject {
  let key = storedKeys.get(pem);
  if (!key) {
    key = importPublicKey(pem);
    if (storedKeys.size >= MAX_STORED_KEYS) storedKeys.clear();
    storedKeys.set(pem, key);
  }
  return key;
}

/**
 * The digest for `crypto.verify`. Dfns's `algorithm` is optional ("determined by the key"); it
 * documents `RSA-SHA256`, `SHA256`, `SHA512`. Ed25519 signs the message itself (null digest).
 */
function digestFor(key: KeyObject, algorithm: string | null | undefined): string | null {
  if (key.asymmetricKeyType === "ed25519") return null;
  if (!algorithm) return "sha256";
  const normalized = algorithm
    .toUpperCase()
    .replace(/^(RSA|ECDSA)-/, "")
    .replace("-", "");
  const digest = ({ SHA256: "sha256", SHA384: "sha384", SHA512: "sha512" } as Record<string, string>)[normalized];
  if (!digest) throw badRequest(`Unsupported algorithm ${algorithm}`);
  return digest;
}

/**
 * Verifies a Key-credential signature over `data`: ECDSA as ASN.1/DER (what Dfns expects),
 * Ed25519 as the raw 64 bytes, RSA PKCS#1 v1.5. Throws 401 "Invalid signature" when it fails.
 */
export function verifyKeySignature(args: {
  data: Uint8Array;
  signature: Uint8Array;
  key: KeyObject;
  algorithm?: string | null;
}): void {
  const { data, signature, key } = args;
  const digest = digestFor(key, args.algorithm);
  let ok = false;
  try {
    ok = verify(digest, data, key, signature);
  } catch {
    ok = false;
  }
  if (ok) return;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (
    key.asymmetricKeyType === "ec" &&
    curve &&
    signature.length === 2 * (EC_FIELD_BYTES[curve] ?? 0) &&
    signature[0] !== 0x30
  ) {
    throw unauthorized("Invalid signature: ECDSA signatures must be ASN.1/DER encoded, not raw r||s");
  }
  throw unauthorized("Invalid signature");
}

/** `credId` is opaque for Key credentials, but it is base64url and must not be empty. */
function checkCredId(credId: string): void {
  decodeBase64Url(credId, "credId");
}

/**
 * Key, PasswordProtectedKey and RecoveryKey attestation: clientData
 * `{"type":"key.create","challenge",...}` and attestationData = base64url JSON
 * `{publicKey: PEM, signature: hex(DER), algorithm?}`, the signature covering
 * `JSON.stringify({clientDataHash: hex(sha256(clientData bytes)), publicKey})`.
 */
export function verifyKeyAttestation(args: {
  kind: KeyCredentialKind;
  credentialInfo: CredentialInfo;
  challenge: string;
  rp: RelyingParty;
}): VerifiedNewCredential {
  const { credentialInfo, challenge, rp } = args;
  checkCredId(credentialInfo.credId);
  const clientData = parseClientData(credentialInfo.clientData);
  const { json: attestation } = decodeBase64UrlJson(credentialInfo.attestationData, "attestationData");
  const { publicKey, signature, algorithm } = attestation;
  if (typeof publicKey !== "string") throw badRequest("attestationData.publicKey must be a PEM string");
  if (typeof signature !== "string") throw badRequest("attestationData.signature must be a hex string");
  if (algorithm !== undefined && typeof algorithm !== "string")
    throw badRequest("attestationData.algorithm must be a string");
  const signatureBytes = decodeHex(signature, "attestationData.signature");
  const key = importPublicKey(publicKey, "attestationData.publicKey");
  digestFor(key, algorithm); // an unknown algorithm is a 400 before anything else is judged

  const origin = checkClientData(clientData, { type: "key.create", challenge, rp, originRequired: false });
  // The signature covers the PEM string exactly as the client sent it.
  const clientDataHash = createHash("sha256").update(clientData.bytes).digest("hex");
  const fingerprint = Buffer.from(JSON.stringify({ clientDataHash, publicKey }), "utf8");
  verifyKeySignature({ data: fingerprint, signature: signatureBytes, key, algorithm });

  return {
    credId: credentialInfo.credId,
    publicKey: key.export({ type: "spki", format: "pem" }).toString(),
    ...(algorithm ? { algorithm } : {}),
    signCount: 0,
    ...(origin ? { origin } : {}),
  };
}

const KEY_KINDS = new Set(["Key", "PasswordProtectedKey"]);

/** Which stored credential kinds an assertion kind may be checked against. */
function checkKinds(assertionKind: KeyCredentialKind, credentialKind: string): void {
  if (assertionKind === "RecoveryKey") {
    if (credentialKind !== "RecoveryKey") throw unauthorized("Credential cannot be used as a recovery factor.");
    return;
  }
  if (credentialKind === "RecoveryKey") throw unauthorized("A recovery credential can only be used for recovery.");
  if (!KEY_KINDS.has(credentialKind))
    throw unauthorized(`A ${assertionKind} assertion cannot be checked against a ${credentialKind} credential`);
}

/**
 * Key assertion: clientData is `{"type":"key.get","challenge":C}` (the AsymmetricKeySigner adds
 * no origin), signed over its raw bytes as sent.
 */
export function verifyKeyAssertion(args: {
  assertion: KeyAssertion;
  challenge: string;
  credential: StoredCredential;
  rp: RelyingParty;
}): { signCount: number } {
  const { assertion, challenge, credential, rp } = args;
  const { credId, clientData: clientDataB64, signature, algorithm } = assertion.credentialAssertion;
  checkKinds(assertion.kind, credential.kind);
  const clientData = parseClientData(clientDataB64);
  const signatureBytes = decodeBase64Url(signature, "signature");
  if (trimPadding(credId) !== trimPadding(credential.credId)) throw unauthorized("Credential id does not match");

  checkClientData(clientData, { type: "key.get", challenge, rp, originRequired: false });
  let key: KeyObject;
  try {
    key = storedPublicKey(credential.publicKey);
  } catch {
    throw unauthorized("Stored credential public key is not usable");
  }
  verifyKeySignature({
    data: clientData.bytes,
    signature: signatureBytes,
    key,
    algorithm: algorithm ?? credential.algorithm,
  });
  return { signCount: credential.signCount };
}
