import "server-only";
import { ed25519 } from "@noble/curves/ed25519.js";
import { verifyMessage, type Hex } from "viem";
import type { MessageVerification } from "@/lib/networks";

// A Dfns `Message` signature: the message as Dfns takes it (hex of the UTF-8 text), the signature
// as the app stores it, and the server's own check that it is the wallet's.

/** Dfns's `signature` object of a signature request. */
export interface DfnsSignatureParts {
  r: string;
  s: string;
  recid?: number;
  encoded?: string;
}

/** `0x` + hex of the UTF-8 bytes: what Dfns's `{ kind: "Message" }` signs. */
export const messageToHex = (text: string): string => `0x${Buffer.from(text, "utf8").toString("hex")}`;

/** The text whose UTF-8 bytes are `hex` (exactly what was signed). */
export const hexToMessage = (hex: string): string => Buffer.from(strip0x(hex), "hex").toString("utf8");

/**
 * One string per signature: Dfns's `encoded` when it sends one, else r ‖ s, with v = 27 + recid
 * for ECDSA (the 65-byte form EVM tools verify).
 */
export function encodeSignature(signature: DfnsSignatureParts): string {
  if (signature.encoded) return signature.encoded;
  const rs = `0x${strip0x(signature.r).padStart(64, "0")}${strip0x(signature.s).padStart(64, "0")}`;
  return signature.recid === undefined ? rs : `${rs}${(27 + signature.recid).toString(16)}`;
}

/**
 * Whether `signature` signs `messageHex` for this wallet: true / false, or null when the app has
 * no check for the network (or the wallet has no address to check against).
 */
export async function verifyMessageSignature(args: {
  verification: MessageVerification;
  address: string | null;
  publicKey: string;
  messageHex: string;
  signature: string;
}): Promise<boolean | null> {
  try {
    switch (args.verification) {
      case "evm":
        if (!args.address) return null;
        return await verifyMessage({
          address: args.address as Hex,
          message: { raw: args.messageHex as Hex },
          signature: args.signature as Hex,
        });
      case "ed25519":
        return ed25519.verify(bytes(args.signature), bytes(args.messageHex), bytes(args.publicKey));
      default:
        return null;
    }
  } catch {
    return false; // malformed signature or key: it does not verify
  }
}

const strip0x = (hex: string) => (hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex);
const bytes = (hex: string) => Uint8Array.from(Buffer.from(strip0x(hex), "hex"));
