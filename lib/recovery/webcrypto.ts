// The only source of cryptography in this folder: WebCrypto exists in browsers and in Node 20,
// so the same code runs in the client bundle, in tests and in benchmarks.

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  // Browsers hide crypto.subtle outside secure contexts (plain http on a non-localhost host).
  if (!s) throw new Error("WebCrypto is unavailable: serve the app over https (or localhost).");
  return s;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
