// WebCrypto's ECDSA speaks IEEE P1363 (r‖s, fixed width); Dfns verifies ASN.1 DER
// (SEQUENCE { INTEGER r, INTEGER s }), like Node's crypto.verify and the Dfns SDK's rawSignatureToAns1.

import type { Bytes } from "./bytes";

/** Minimal DER INTEGER body: no leading zero bytes, but a 0x00 pad when the high bit is set (else negative). */
function derInteger(unsigned: Uint8Array): number[] {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const body = Array.from(unsigned.subarray(i));
  if ((body[0] ?? 0) & 0x80) body.unshift(0);
  return [0x02, ...derLength(body.length), ...body];
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  throw new RangeError("DER length too large for an ECDSA signature");
}

export function rawToDer(raw: Uint8Array): Bytes {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new RangeError(`Raw ECDSA signature must be r‖s of equal halves, got ${raw.length} bytes`);
  }
  const half = raw.length / 2;
  const content = [...derInteger(raw.subarray(0, half)), ...derInteger(raw.subarray(half))];
  return new Uint8Array([0x30, ...derLength(content.length), ...content]);
}

/** Inverse of rawToDer, for verifying DER signatures with WebCrypto. `size` is the field width (32 for P-256). */
export function derToRaw(der: Uint8Array, size = 32): Bytes {
  let pos = 0;
  const readLength = (): number => {
    const first = der[pos++];
    if (first === undefined) throw new RangeError("Truncated DER");
    if (first < 0x80) return first;
    if (first === 0x81) {
      const len = der[pos++];
      if (len === undefined || len < 0x80) throw new RangeError("Non-minimal DER length");
      return len;
    }
    throw new RangeError("Unsupported DER length");
  };
  const readInteger = (): Uint8Array => {
    if (der[pos++] !== 0x02) throw new RangeError("Expected DER INTEGER");
    const len = readLength();
    const value = der.subarray(pos, pos + len);
    if (value.length !== len || len === 0) throw new RangeError("Truncated DER INTEGER");
    pos += len;
    const stripped = value[0] === 0 && len > 1 ? value.subarray(1) : value;
    if (stripped.length > size) throw new RangeError("DER INTEGER wider than the curve");
    return stripped;
  };
  if (der[pos++] !== 0x30) throw new RangeError("Expected DER SEQUENCE");
  const seqLength = readLength();
  if (pos + seqLength !== der.length) throw new RangeError("DER SEQUENCE length mismatch");
  const r = readInteger();
  const s = readInteger();
  if (pos !== der.length) throw new RangeError("Trailing bytes after DER signature");
  const out = new Uint8Array(size * 2);
  out.set(r, size - r.length);
  out.set(s, 2 * size - s.length);
  return out;
}
