import type { Bytes } from "./bytes";
import { subtle } from "./webcrypto";

export async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle().digest("SHA-256", data));
}
