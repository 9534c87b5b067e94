import { hexToBytes } from "@noble/hashes/utils.js";

import { badRequest } from "@/lib/sandbox/errors";

import { eip712Digest } from "./eip712";
import { eip191Digest, tip191Digest } from "./message-digests";
import type { NetworkSpec } from "./networks";
import { eip712BodySchema, hashBodySchema, messageBodySchema, parseBody, readKind } from "./request-schema";
import { type SignatureResult, signEd25519Message, signSecp256k1Digest } from "./signatures";

type Signer = (spec: NetworkSpec, privateKeyHex: string, body: unknown) => SignatureResult;

const messageBytes = (body: unknown) => hexToBytes(parseBody(messageBodySchema, body).message.slice(2));

// One signer per (kind, flavour). Kept apart from the table below so each is a one-liner.
const signEvmMessage: Signer = (_, key, body) => signSecp256k1Digest(key, eip191Digest(messageBytes(body)));
const signTronMessage: Signer = (_, key, body) => signSecp256k1Digest(key, tip191Digest(messageBytes(body)));
const signEd25519: Signer = (_, key, body) => signEd25519Message(key, messageBytes(body));
const signHash: Signer = (_, key, body) =>
  signSecp256k1Digest(key, hexToBytes(parseBody(hashBodySchema, body).hash.replace(/^0x/, "")));
const signEip712: Signer = (_, key, body) => signSecp256k1Digest(key, eip712Digest(parseBody(eip712BodySchema, body)));

/**
 * Which kinds each kind of wallet accepts. Follows Dfns's per-chain docs where they are clear:
 * - EVM: Message is EIP-191 personal_sign, Hash is a raw digest, Eip712 typed data.
 * - Tron: Message is TIP-191 (TronWeb signMessageV2), Hash raw.
 * - Bitcoin: Hash only. Dfns signs Bitcoin messages through the `Bip322` kind, not `Message`,
 *   and we don't implement BIP-322, so Message is refused rather than signed in a made-up format.
 * - KeyECDSA: Hash only (Dfns: "ECDSA with secp256k1 ... only support this kind").
 * - Solana / KeyEdDSA: Message, ed25519 over the raw bytes. Hash is refused on ed25519 wallets:
 *   EdDSA never signs a bare digest, so a "Hash" there would just be a 32-byte message and invite
 *   callers to pre-hash (Dfns's older pseudo-network docs do list Hash for KeyEdDSA).
 */
function signersFor(spec: NetworkSpec): Partial<Record<string, Signer>> {
  switch (spec.family) {
    case "evm":
      return { Message: signEvmMessage, Hash: signHash, Eip712: signEip712 };
    case "tron":
      return { Message: signTronMessage, Hash: signHash };
    case "bitcoin":
      return { Hash: signHash };
    case "solana":
      return { Message: signEd25519 };
    case "key":
      return spec.curve === "secp256k1" ? { Hash: signHash } : { Message: signEd25519 };
  }
}

const IMPLEMENTED_KINDS = new Set(["Message", "Hash", "Eip712"]);

/** Validates a POST /wallets/:id/signatures body for this wallet's network and signs it. */
export function signRequest(spec: NetworkSpec, privateKeyHex: string, body: unknown): SignatureResult {
  const kind = readKind(body);
  if (!IMPLEMENTED_KINDS.has(kind)) {
    throw badRequest(`Signature kind ${kind} is not supported by the Dfns sandbox`, { field: "kind" });
  }
  const signers = signersFor(spec);
  const signer = signers[kind];
  if (!signer) {
    throw badRequest(
      `Signature kind ${kind} is not supported for ${spec.network} wallets (supported: ${Object.keys(signers).join(", ")})`,
      { field: "kind" },
    );
  }
  return signer(spec, privateKeyHex, body);
}
