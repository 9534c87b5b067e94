// Text and hex views of bytes. Typed with ArrayBuffer backing because WebCrypto's
// BufferSource refuses SharedArrayBuffer-backed views.

export type Bytes = Uint8Array<ArrayBuffer>;

export function utf8(text: string): Bytes {
  return new TextEncoder().encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  // fatal: a wrong decoding must fail loudly rather than yield U+FFFD and a confusing later error.
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
