// P-256 / ECDSA-SHA256 is what the official RecoveryKey signer uses and what Dfns verifies.

import type { Bytes } from "./bytes";
import { rawToDer } from "./der";
import { subtle } from "./webcrypto";

export const P256_KEY: EcKeyImportParams = { name: "ECDSA", namedCurve: "P-256" };
const ECDSA_SHA256: EcdsaParams = { name: "ECDSA", hash: "SHA-256" };

/** Extractable because the private key must be exported (wrapped) under the recovery code. */
export function generateP256KeyPair(): Promise<CryptoKeyPair> {
  return subtle().generateKey(P256_KEY, true, ["sign", "verify"]);
}

/** ECDSA-SHA256 over `message`, returned as DER (WebCrypto gives raw r‖s). */
export async function signDer(privateKey: CryptoKey, message: Bytes): Promise<Bytes> {
  const raw = new Uint8Array(await subtle().sign(ECDSA_SHA256, privateKey, message));
  return rawToDer(raw);
}
