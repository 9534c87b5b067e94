// Dfns reads the credential's public key as PEM SPKI. Same layout as the Dfns SDK's
// exportPublicKeyInPemFormatBrowser: 64-column lines, no trailing newline. The PEM string itself is
// signed inside the attestation, so its exact text matters.

import { base64Encode } from "./base64";

export function spkiToPem(spki: Uint8Array): string {
  const lines = base64Encode(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----`;
}
