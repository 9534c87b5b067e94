// Creating the RecoveryKey credential sent as `recoveryCredential` at registration or recovery.
// The recovery code stays in the browser; Dfns only gets the public key and the wrapped private key.

import { keyAttestationData } from "./attestation";
import { base64UrlEncode } from "./base64";
import { utf8 } from "./bytes";
import { keyClientData } from "./client-data";
import { generateRecoveryCode } from "./code";
import { generateP256KeyPair } from "./ecdsa";
import { spkiToPem } from "./pem";
import { sha256 } from "./sha256";
import { subtle } from "./webcrypto";
import { deriveWrappingKey, usernameSalt, wrapPrivateKey } from "./wrapping";

export interface RecoveryCredential {
  credentialKind: "RecoveryKey";
  credentialInfo: { credId: string; clientData: string; attestationData: string };
  encryptedPrivateKey: string;
}

/** credId = base64url(sha256(utf8(encryptedPrivateKey))), as Dfns's RecoveryKey signer computes it. */
export async function recoveryCredentialId(encryptedPrivateKey: string): Promise<string> {
  return base64UrlEncode(await sha256(utf8(encryptedPrivateKey)));
}

export async function createRecoveryCredential(args: {
  username: string; // the Dfns username (challenge.user.name); salts the code
  challenge: string; // the registration / recovery challenge, signed as is
  origin: string; // window.location.origin
}): Promise<{ recoveryCode: string; credential: RecoveryCredential }> {
  // An empty username would give every such account the same salt.
  if (!args.username.trim()) throw new TypeError("username is empty");
  const clientData = keyClientData("key.create", args.challenge, args.origin);

  const recoveryCode = generateRecoveryCode();
  const keyPair = await generateP256KeyPair();
  const wrappingKey = await deriveWrappingKey(recoveryCode, await usernameSalt(args.username));
  const encryptedPrivateKey = await wrapPrivateKey(keyPair.privateKey, wrappingKey);
  const publicKeyPem = spkiToPem(new Uint8Array(await subtle().exportKey("spki", keyPair.publicKey)));

  return {
    recoveryCode,
    credential: {
      credentialKind: "RecoveryKey",
      credentialInfo: {
        credId: await recoveryCredentialId(encryptedPrivateKey),
        clientData: base64UrlEncode(utf8(clientData)),
        attestationData: await keyAttestationData({ privateKey: keyPair.privateKey, publicKeyPem, clientData }),
      },
      encryptedPrivateKey,
    },
  };
}
