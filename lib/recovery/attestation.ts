// attestationData of a Key-style credential: the key signs JSON{clientDataHash, publicKey}, binding
// the challenge to this public key so it cannot be swapped in transit.

import { base64UrlEncode } from "./base64";
import { toHex, utf8 } from "./bytes";
import { signDer } from "./ecdsa";
import { sha256 } from "./sha256";

/** Returns base64url(JSON{publicKey, signature: hex(DER), algorithm}), ready for credentialInfo. */
export async function keyAttestationData(args: {
  privateKey: CryptoKey;
  publicKeyPem: string;
  clientData: string;
}): Promise<string> {
  const clientDataHash = toHex(await sha256(utf8(args.clientData)));
  const signed = JSON.stringify({ clientDataHash, publicKey: args.publicKeyPem });
  const signature = toHex(await signDer(args.privateKey, utf8(signed)));
  // "SHA256" is what Dfns's RecoveryKey signer sends; Dfns would infer it from the key anyway.
  return base64UrlEncode(utf8(JSON.stringify({ publicKey: args.publicKeyPem, signature, algorithm: "SHA256" })));
}
