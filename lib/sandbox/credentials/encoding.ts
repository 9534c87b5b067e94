import { badRequest } from "../errors";

// base64url alphabet, optional trailing padding (some Dfns examples pad their credIds).
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Drops base64 padding so that `abc=` and `abc` compare equal. */
export const trimPadding = (value: string): string => value.replace(/=+$/, "");

export const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");

/**
 * Strict base64url decoding. Node's decoder silently skips characters it does not know, which
 * would let a mangled value through; this one refuses it with a 400 naming the field.
 */
export function decodeBase64Url(value: string, field: string): Buffer<ArrayBuffer> {
  const unpadded = trimPadding(value);
  if (!BASE64URL.test(value) || unpadded.length % 4 === 1 || (unpadded !== value && value.length % 4 !== 0)) {
    throw badRequest(`${field} is not valid base64url`);
  }
  return Buffer.from(unpadded, "base64url");
}

/** Decodes base64url, then JSON; the result must be a JSON object. */
export function decodeBase64UrlJson(
  value: string,
  field: string,
): { bytes: Buffer<ArrayBuffer>; json: Record<string, unknown> } {
  const bytes = decodeBase64Url(value, field);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw badRequest(`${field} is not valid base64url JSON`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw badRequest(`${field} is not valid base64url JSON`);
  }
  return { bytes, json: json as Record<string, unknown> };
}

export function decodeHex(value: string, field: string): Buffer<ArrayBuffer> {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(value)) throw badRequest(`${field} is not valid hex`);
  return Buffer.from(value, "hex");
}
