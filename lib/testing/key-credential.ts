/**
 * A Dfns Key credential for Node tests, made with node:crypto (P-256 by default). Its
 * attestation follows Dfns's key credential format and its assertions are
 * byte for byte what `@dfns/sdk-keysigner`'s AsymmetricKeySigner sends.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { Fido2CredentialInfo as CredentialInfo } from "../passkeys/types";

/** Dfns's kinds of key credential (its `credentialInfo` has the same fields as a passkey's). */
export type KeyCredentialKind = "Key" | "PasswordProtectedKey" | "RecoveryKey";
/** A Dfns assertion by a key credential. */
export type KeyAssertion = {
  kind: KeyCredentialKind;
  credentialAssertion: { credId: string; clientData: string; signature: string; algorithm?: string };
};

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

export type KeyCurve = "P-256" | "secp256k1" | "Ed25519";

export interface KeyCredentialOptions {
  challenge: string;
  /** Written into clientData with `"crossOrigin":false` when given; left out otherwise. */
  origin?: string;
  kind?: KeyCredentialKind;
  curve?: KeyCurve;
  /** Put into attestationData (Dfns's RecoveryKeySigner sends "SHA256"); absent by default. */
  algorithm?: string;
  /** "raw" (default, like Dfns's signers) or "base64url" (base64url(utf8(challenge))). */
  challengeEncoding?: "raw" | "base64url";
  credId?: string;
}

export class KeyCredential {
  private constructor(
    readonly kind: KeyCredentialKind,
    readonly credId: string,
    private readonly privateKey: KeyObject,
    /** SPKI PEM. */
    readonly publicKeyPem: string,
    /** PKCS#8 PEM, what AsymmetricKeySigner takes as `privateKey`. */
    readonly privateKeyPem: string,
  ) {}

  static generate(opts: { kind?: KeyCredentialKind; curve?: KeyCurve; credId?: string } = {}): KeyCredential {
    const curve = opts.curve ?? "P-256";
    const { privateKey, publicKey } =
      curve === "Ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: curve });
    return new KeyCredential(
      opts.kind ?? "Key",
      opts.credId ?? b64url(randomBytes(32)),
      privateKey,
      publicKey.export({ type: "spki", format: "pem" }).toString(),
      privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    );
  }

  /** A new credential and its Dfns `credentialInfo` for `challenge`. */
  static create(opts: KeyCredentialOptions): { key: KeyCredential; credentialInfo: CredentialInfo } {
    const key = KeyCredential.generate(opts);
    return { key, credentialInfo: key.attest(opts) };
  }

  /** The `credentialInfo` of this key for a registration or credential challenge. */
  attest(opts: Omit<KeyCredentialOptions, "kind" | "curve" | "credId">): CredentialInfo {
    const challenge = opts.challengeEncoding === "base64url" ? b64url(opts.challenge) : opts.challenge;
    const clientData = Buffer.from(
      JSON.stringify(
        opts.origin
          ? { type: "key.create", challenge, origin: opts.origin, crossOrigin: false }
          : { type: "key.create", challenge },
      ),
    );
    const clientDataHash = createHash("sha256").update(clientData).digest("hex");
    const fingerprint = Buffer.from(JSON.stringify({ clientDataHash, publicKey: this.publicKeyPem }));
    const signature = sign(undefined, fingerprint, this.privateKey).toString("hex");
    const attestationData = JSON.stringify({
      ...(opts.algorithm ? { algorithm: opts.algorithm } : {}),
      publicKey: this.publicKeyPem,
      signature,
    });
    return { credId: this.credId, clientData: b64url(clientData), attestationData: b64url(attestationData) };
  }

  /** Signs `challenge` exactly like AsymmetricKeySigner: `{"type":"key.get","challenge":C}`, DER. */
  assert(challenge: string): KeyAssertion {
    const clientData = Buffer.from(JSON.stringify({ type: "key.get", challenge }));
    return {
      kind: this.kind,
      credentialAssertion: {
        credId: this.credId,
        clientData: b64url(clientData),
        signature: b64url(sign(undefined, clientData, this.privateKey)),
      },
    };
  }

  /** Signs arbitrary bytes with the private key (for hand-made, e.g. tampered, client data). */
  signBytes(data: Uint8Array): Buffer {
    return sign(undefined, data, this.privateKey);
  }
}
