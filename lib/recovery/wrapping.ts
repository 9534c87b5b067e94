// Wrapping the recovery private key under the code: PBKDF2-SHA256(code, sha256(username), 100000)
// → AES-GCM-256, 16-byte IV, PKCS#8. Parameters are those of Dfns's sdk-browser; changing any of
// them makes existing recovery kits undecryptable.

import { utf8, type Bytes } from "./bytes";
import { P256_KEY } from "./ecdsa";
import { decodeEnvelope, encodeEnvelope } from "./envelope";
import { WrongRecoveryCodeError } from "./errors";
import { sha256 } from "./sha256";
import { randomBytes, subtle } from "./webcrypto";

const PBKDF2_ITERATIONS = 100_000;
const IV_BYTES = 16;

/** The salt ties a code to one account; normalised so "Alice@X.com " and "alice@x.com" agree. */
export function usernameSalt(username: string): Promise<Bytes> {
  return sha256(utf8(username.toLowerCase().trim()));
}

/** `recoveryCode` must already be canonical (normalizeRecoveryCode): it is hashed verbatim. */
export async function deriveWrappingKey(recoveryCode: string, salt: Bytes): Promise<CryptoKey> {
  const material = await subtle().importKey("raw", utf8(recoveryCode), "PBKDF2", false, ["deriveKey"]);
  return subtle().deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: PBKDF2_ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false, // the wrapping key never needs to leave WebCrypto
    ["wrapKey", "unwrapKey"],
  );
}

/** Returns the `encryptedPrivateKey` string sent to Dfns. */
export async function wrapPrivateKey(privateKey: CryptoKey, wrappingKey: CryptoKey): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const key = new Uint8Array(await subtle().wrapKey("pkcs8", privateKey, wrappingKey, { name: "AES-GCM", iv }));
  return encodeEnvelope({ key, iv });
}

/**
 * Non-extractable and sign-only: after recovery the key only has to sign once, and unwrapKey keeps
 * the PKCS#8 bytes inside WebCrypto instead of JavaScript memory.
 */
export async function unwrapPrivateKey(encryptedPrivateKey: string, wrappingKey: CryptoKey): Promise<CryptoKey> {
  const { key, iv } = decodeEnvelope(encryptedPrivateKey);
  try {
    return await subtle().unwrapKey("pkcs8", key, wrappingKey, { name: "AES-GCM", iv }, P256_KEY, false, ["sign"]);
  } catch (error) {
    // AES-GCM authentication failure: the derived key is wrong, i.e. wrong code or wrong username.
    if (error instanceof Error && error.name === "OperationError") throw new WrongRecoveryCodeError();
    throw error;
  }
}
