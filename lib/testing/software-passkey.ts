/**
 * A software WebAuthn authenticator for Node tests: a real P-256 key, real attestation objects
 * (fmt "none") and real assertions, in the shapes Dfns takes. Nothing is mocked on the verifier
 * side: what this produces must pass `@simplewebauthn/server` like a browser's output would.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { CredentialSigner, Fido2Assertion as SdkFido2Assertion, UserActionChallenge } from "@dfns/sdk";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type {
  Fido2Assertion as Fido2CredentialAssertion,
  Fido2CredentialInfo as CredentialInfo,
} from "../passkeys/types";

/** A Dfns Fido2 assertion, as a user action's signature request carries it. */
type Fido2Assertion = { kind: "Fido2"; credentialAssertion: Fido2CredentialAssertion };

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

function uint32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

/** The COSE_Key of a P-256 public key: {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  const map = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(jwk.x!, "base64url"))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, "base64url"))],
  ]);
  return isoCBOR.encode(map);
}

export interface AssertOverrides {
  /** The origin the "browser" writes into clientDataJSON. */
  origin?: string;
  /** The RP ID whose hash goes into authenticatorData. */
  rpId?: string;
  /** Force the sign counter (otherwise it increases by one per assertion). */
  signCount?: number;
  /** Clear the UV flag, as an authenticator that skipped user verification would. */
  userVerified?: boolean;
}

export class SoftwarePasskey {
  /** base64url of the 32-byte credential id (the WebAuthn rawId). */
  readonly credId: string;
  private counter = 0;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
    readonly rpId: string,
    readonly origin: string,
    private readonly credentialId: Buffer,
    /** Dfns user ids become the WebAuthn user.id as UTF-8 bytes. */
    readonly userId?: string,
  ) {
    this.credId = b64url(credentialId);
  }

  /**
   * Makes a passkey the way a browser would for a Dfns registration challenge. The clientData
   * challenge is base64url(utf8(challenge)), as `@dfns/sdk`'s WebAuthn signer produces.
   */
  static create(opts: { rpId: string; origin: string; challenge: string; userId?: string }): {
    passkey: SoftwarePasskey;
    credentialInfo: CredentialInfo;
  } {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const passkey = new SoftwarePasskey(privateKey, publicKey, opts.rpId, opts.origin, randomBytes(32), opts.userId);
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: "webauthn.create",
        challenge: b64url(opts.challenge),
        origin: opts.origin,
        crossOrigin: false,
      }),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(passkey.credentialId.length);
    const authData = Buffer.concat([
      sha256(opts.rpId),
      Buffer.from([FLAG_UP | FLAG_UV | FLAG_AT]),
      uint32(passkey.counter),
      Buffer.alloc(16), // aaguid: zeros, like most "none" attestations
      idLength,
      passkey.credentialId,
      coseKey(publicKey),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, number> | Uint8Array>([
        ["fmt", "none"],
        ["attStmt", new Map<string, number>()],
        ["authData", new Uint8Array(authData)],
      ]),
    );
    return {
      passkey,
      credentialInfo: {
        credId: passkey.credId,
        clientData: b64url(clientDataJSON),
        attestationData: b64url(attestationObject),
      },
    };
  }

  /** Signs `challenge` like navigator.credentials.get() would, as a Dfns Fido2 assertion. */
  assert(challenge: string, overrides: AssertOverrides = {}): Fido2Assertion {
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: "webauthn.get",
        challenge: b64url(challenge),
        origin: overrides.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
    this.counter = overrides.signCount ?? this.counter + 1;
    const flags = FLAG_UP | (overrides.userVerified === false ? 0 : FLAG_UV);
    const authData = Buffer.concat([sha256(overrides.rpId ?? this.rpId), Buffer.from([flags]), uint32(this.counter)]);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      kind: "Fido2",
      credentialAssertion: {
        credId: this.credId,
        clientData: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userId ? { userHandle: b64url(this.userId) } : {}),
      },
    };
  }

  /** The private key as PKCS#8 DER, base64: to put this passkey on a browser's virtual authenticator. */
  privateKeyPkcs8(): string {
    return this.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  }

  /** How many assertions it has signed (the authenticator's sign counter). */
  get signCount(): number {
    return this.counter;
  }

  /** A `@dfns/sdk` CredentialSigner, for DfnsApiClient / user action signing in tests. */
  signer(): CredentialSigner<SdkFido2Assertion> {
    return {
      sign: async (challenge: UserActionChallenge) => {
        const allowed = challenge.allowCredentials.webauthn.map((credential) => credential.id);
        if (!allowed.includes(this.credId)) {
          throw new Error(
            `NotAllowedError: passkey ${this.credId} is not in allowCredentials.webauthn (${allowed.join(", ")})`,
          );
        }
        if (challenge.rp && challenge.rp.id !== this.rpId) {
          throw new Error(`NotAllowedError: passkey is for RP ${this.rpId}, the challenge asks for ${challenge.rp.id}`);
        }
        return this.assert(challenge.challenge);
      },
    };
  }
}
