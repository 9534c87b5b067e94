// encryptedPrivateKey = base64(JSON{key: base64(AES-GCM(pkcs8) incl. tag), iv: base64(iv)}): the
// envelope of Dfns's PasswordWrappedKey. Dfns stores it opaquely and hands it back at recovery
// (allowedRecoveryCredentials[].encryptedRecoveryKey), so only this shape matters for interop.

import { base64Decode, base64Encode } from "./base64";
import { fromUtf8, utf8, type Bytes } from "./bytes";
import { MalformedRecoveryKeyError } from "./errors";

export interface WrappedKeyEnvelope {
  key: Bytes; // AES-GCM ciphertext of the PKCS#8 private key, 16-byte tag appended
  iv: Bytes;
}

const GCM_TAG_BYTES = 16;

export function encodeEnvelope({ key, iv }: WrappedKeyEnvelope): string {
  // Field order {key, iv} as in Dfns's keys/password.ts; credId hashes this exact string.
  return base64Encode(utf8(JSON.stringify({ key: base64Encode(key), iv: base64Encode(iv) })));
}

export function decodeEnvelope(encryptedPrivateKey: string): WrappedKeyEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(base64Decode(encryptedPrivateKey.trim())));
  } catch {
    throw new MalformedRecoveryKeyError("encryptedPrivateKey is not base64 of a JSON object.");
  }
  const fields = parsed as { key?: unknown; iv?: unknown } | null;
  if (typeof fields?.key !== "string" || typeof fields.iv !== "string") {
    throw new MalformedRecoveryKeyError('encryptedPrivateKey must hold string fields "key" and "iv".');
  }
  let key: Bytes;
  let iv: Bytes;
  try {
    key = base64Decode(fields.key);
    iv = base64Decode(fields.iv);
  } catch {
    throw new MalformedRecoveryKeyError('encryptedPrivateKey "key" and "iv" must be base64.');
  }
  // Checked here so that a later AES-GCM failure can only mean "wrong code", not "truncated data".
  if (iv.length === 0 || key.length <= GCM_TAG_BYTES) {
    throw new MalformedRecoveryKeyError("encryptedPrivateKey is truncated.");
  }
  return { key, iv };
}
