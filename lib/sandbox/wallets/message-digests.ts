import { keccak_256 } from "@noble/hashes/sha3.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

/** keccak256(prefix ‖ decimal byte length ‖ message): the shape shared by EIP-191 v0x45 and TIP-191. */
function prefixedKeccak(prefix: string, message: Uint8Array): Uint8Array {
  const head = utf8ToBytes(`${prefix}${message.length}`);
  const data = new Uint8Array(head.length + message.length);
  data.set(head, 0);
  data.set(message, head.length);
  return keccak_256(data);
}

/** EIP-191 personal_sign digest, what viem `hashMessage({ raw })` computes. */
export const eip191Digest = (message: Uint8Array): Uint8Array =>
  prefixedKeccak("\x19Ethereum Signed Message:\n", message);

/** TIP-191 digest, what TronWeb `signMessageV2` / `utils.message.hashMessage` computes. */
export const tip191Digest = (message: Uint8Array): Uint8Array => prefixedKeccak("\x19TRON Signed Message:\n", message);
