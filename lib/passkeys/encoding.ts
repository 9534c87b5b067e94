import { bufferToBase64URLString } from "@simplewebauthn/browser";

/**
 * base64url of a string's UTF-8 bytes. The Dfns SDK hands WebAuthn the bytes of the challenge
 * and user id strings as they are (it does not base64url-decode them), so this is what
 * `@simplewebauthn/browser`, which decodes its base64url input, must be given to sign the same bytes.
 */
export function utf8ToBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bufferToBase64URLString(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
