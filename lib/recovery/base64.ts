// base64 (encryptedPrivateKey envelope) and base64url (credId, clientData, signatures) without Buffer.
// Decoding is strict about the alphabet so corrupted input fails here, not deep inside WebCrypto.

import type { Bytes } from "./bytes";

const CHUNK = 0x8000; // String.fromCharCode(...) has an argument limit; stay well under it.

export function base64Encode(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64Decode(text: string): Bytes {
  const body = text.replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(body) || body.length % 4 === 1) {
    throw new TypeError("Invalid base64 string");
  }
  const binary = atob(body.padEnd(Math.ceil(body.length / 4) * 4, "="));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** RFC 4648 §5, no padding: what Dfns sends and expects. */
export function base64UrlEncode(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64UrlDecode(text: string): Bytes {
  if (!/^[A-Za-z0-9_-]*=*$/.test(text)) throw new TypeError("Invalid base64url string");
  return base64Decode(text.replace(/-/g, "+").replace(/_/g, "/"));
}
