import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  pbkdf2Sync,
  randomBytes,
  verify,
} from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createRecoveryCredential,
  decryptRecoveryKey,
  generateRecoveryCode,
  InvalidRecoveryCodeError,
  MalformedRecoveryKeyError,
  type RecoveryCredential,
  WrongRecoveryCodeError,
} from "./index";

const USERNAME = "Alice@Example.com";
const CHALLENGE = "MWM0MmY5YTQ0MDRiNzdhNTFhNzY5ODQwNWI5ZTQ4Y2RhODZiNDk3ZTYzOTE5OGYyMDcxZjBjYzk4MmQ5YzY1MA";
const ORIGIN = "https://app.example.com";

const fromB64url = (s: string) => Buffer.from(s, "base64url");
const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest();

async function signWith(privateKey: CryptoKey, message: Buffer): Promise<Buffer> {
  const raw = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, new Uint8Array(message));
  return Buffer.from(raw);
}

let recoveryCode: string;
let credential: RecoveryCredential;
let attestation: { publicKey: string; signature: string; algorithm?: string };

beforeAll(async () => {
  ({ recoveryCode, credential } = await createRecoveryCredential({
    username: USERNAME,
    challenge: CHALLENGE,
    origin: ORIGIN,
  }));
  attestation = JSON.parse(fromB64url(credential.credentialInfo.attestationData).toString("utf8"));
});

describe("createRecoveryCredential", () => {
  it("returns a RecoveryKey credential and a D1 code", () => {
    expect(credential.credentialKind).toBe("RecoveryKey");
    expect(recoveryCode).toMatch(/^D1-[A-Z2-9]{6}(-[A-Z2-9]{5}){4}-[A-Z2-9]{6}$/);
    for (const v of Object.values(credential.credentialInfo)) expect(v).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("wraps the key in base64(JSON{key, iv}) with a 16-byte IV", () => {
    const envelope = JSON.parse(Buffer.from(credential.encryptedPrivateKey, "base64").toString("utf8"));
    expect(Object.keys(envelope)).toEqual(["key", "iv"]);
    expect(Buffer.from(envelope.iv, "base64")).toHaveLength(16);
    expect(Buffer.from(credential.encryptedPrivateKey, "base64").toString("base64")).toBe(
      credential.encryptedPrivateKey,
    );
  });

  it("credId = base64url(sha256(utf8(encryptedPrivateKey)))", () => {
    expect(credential.credentialInfo.credId).toBe(sha256(credential.encryptedPrivateKey).toString("base64url"));
    const other = credential.encryptedPrivateKey.slice(0, -4) + "AAA=";
    expect(credential.credentialInfo.credId).not.toBe(sha256(other).toString("base64url"));
  });

  it("clientData is the exact key.create JSON with the raw challenge and origin", () => {
    expect(fromB64url(credential.credentialInfo.clientData).toString("utf8")).toBe(
      `{"type":"key.create","challenge":"${CHALLENGE}","origin":"${ORIGIN}","crossOrigin":false}`,
    );
  });

  it("attestationData carries a P-256 SPKI PEM and SHA256", () => {
    expect(attestation.algorithm).toBe("SHA256");
    expect(attestation.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PUBLIC KEY-----$/);
    const key = createPublicKey(attestation.publicKey);
    expect(key.asymmetricKeyType).toBe("ec");
    expect(key.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(attestation.signature).toMatch(/^30[0-9a-f]+$/);
  });

  it("attestation signature (hex DER) verifies over JSON{clientDataHash, publicKey}, and only over it", () => {
    const clientDataBytes = fromB64url(credential.credentialInfo.clientData);
    const signedFor = (clientData: Buffer, publicKey = attestation.publicKey) =>
      Buffer.from(JSON.stringify({ clientDataHash: sha256(clientData).toString("hex"), publicKey }));
    const sig = Buffer.from(attestation.signature, "hex");
    const key = createPublicKey(attestation.publicKey);

    expect(verify("sha256", signedFor(clientDataBytes), key, sig)).toBe(true);

    const tamperedClientData = Buffer.from(clientDataBytes);
    tamperedClientData[20] = tamperedClientData[20]! ^ 1;
    expect(verify("sha256", signedFor(tamperedClientData), key, sig)).toBe(false);
    expect(verify("sha256", signedFor(clientDataBytes, attestation.publicKey + "\n"), key, sig)).toBe(false);
    const tamperedSig = Buffer.from(sig);
    tamperedSig[sig.length - 1] = tamperedSig[sig.length - 1]! ^ 1;
    expect(verify("sha256", signedFor(clientDataBytes), key, tamperedSig)).toBe(false);
  });

  it("gives a fresh code, key and IV each time", async () => {
    const again = await createRecoveryCredential({ username: USERNAME, challenge: CHALLENGE, origin: ORIGIN });
    expect(again.recoveryCode).not.toBe(recoveryCode);
    expect(again.credential.credentialInfo.credId).not.toBe(credential.credentialInfo.credId);
  });

  it("refuses an empty username, an empty challenge and a non-origin", async () => {
    await expect(createRecoveryCredential({ username: "  ", challenge: CHALLENGE, origin: ORIGIN })).rejects.toThrow(
      TypeError,
    );
    await expect(createRecoveryCredential({ username: USERNAME, challenge: "", origin: ORIGIN })).rejects.toThrow(
      TypeError,
    );
    await expect(
      createRecoveryCredential({ username: USERNAME, challenge: CHALLENGE, origin: `${ORIGIN}/recover` }),
    ).rejects.toThrow(/bare origin/);
  });
});

describe("decryptRecoveryKey", () => {
  it("round trip: the decrypted key signs, and Node verifies with the attested PEM", async () => {
    const privateKey = await decryptRecoveryKey({
      encryptedPrivateKey: credential.encryptedPrivateKey,
      recoveryCode,
      username: USERNAME,
    });
    expect(privateKey.type).toBe("private");
    expect(privateKey.extractable).toBe(false);
    const message = Buffer.from("prove it");
    const raw = await signWith(privateKey, message);
    const pub = createPublicKey(attestation.publicKey);
    expect(verify("sha256", message, { key: pub, dsaEncoding: "ieee-p1363" }, raw)).toBe(true);
    expect(verify("sha256", Buffer.from("prove iT"), { key: pub, dsaEncoding: "ieee-p1363" }, raw)).toBe(false);
  });

  it("accepts the code as typed (lowercase, spaces) and the username in any case/whitespace", async () => {
    const typed = `  ${recoveryCode.toLowerCase().replace(/-/g, " ")} `;
    const key = await decryptRecoveryKey({
      encryptedPrivateKey: credential.encryptedPrivateKey,
      recoveryCode: typed,
      username: `  ${USERNAME.toUpperCase()}`,
    });
    expect(key.type).toBe("private");
  });

  it("wrong code → WrongRecoveryCodeError", async () => {
    await expect(
      decryptRecoveryKey({
        encryptedPrivateKey: credential.encryptedPrivateKey,
        recoveryCode: generateRecoveryCode(),
        username: USERNAME,
      }),
    ).rejects.toThrow(WrongRecoveryCodeError);
    // One character off.
    const last = recoveryCode.at(-1) === "A" ? "B" : "A";
    await expect(
      decryptRecoveryKey({
        encryptedPrivateKey: credential.encryptedPrivateKey,
        recoveryCode: recoveryCode.slice(0, -1) + last,
        username: USERNAME,
      }),
    ).rejects.toThrow(WrongRecoveryCodeError);
  });

  it("different username → WrongRecoveryCodeError", async () => {
    await expect(
      decryptRecoveryKey({
        encryptedPrivateKey: credential.encryptedPrivateKey,
        recoveryCode,
        username: "bob@example.com",
      }),
    ).rejects.toThrow(WrongRecoveryCodeError);
  });

  it("a string that is not a code → InvalidRecoveryCodeError", async () => {
    await expect(
      decryptRecoveryKey({
        encryptedPrivateKey: credential.encryptedPrivateKey,
        recoveryCode: "D1-0000",
        username: USERNAME,
      }),
    ).rejects.toThrow(InvalidRecoveryCodeError);
  });

  it("tampered ciphertext fails authentication; garbage is reported as malformed", async () => {
    const envelope = JSON.parse(Buffer.from(credential.encryptedPrivateKey, "base64").toString("utf8"));
    const key = Buffer.from(envelope.key, "base64");
    key[10] = key[10]! ^ 1;
    const tampered = Buffer.from(JSON.stringify({ key: key.toString("base64"), iv: envelope.iv })).toString("base64");
    await expect(
      decryptRecoveryKey({ encryptedPrivateKey: tampered, recoveryCode, username: USERNAME }),
    ).rejects.toThrow(WrongRecoveryCodeError);
    for (const bad of [
      "",
      "not base64!",
      Buffer.from("[1]").toString("base64"),
      Buffer.from('{"key":"AA==","iv":"AA=="}').toString("base64"),
    ]) {
      await expect(decryptRecoveryKey({ encryptedPrivateKey: bad, recoveryCode, username: USERNAME })).rejects.toThrow(
        MalformedRecoveryKeyError,
      );
    }
  });
});

describe("interop with an independent implementation of the spec (node:crypto)", () => {
  const pbkdf2Key = (code: string, username: string) =>
    pbkdf2Sync(code, sha256(username.toLowerCase().trim()), 100_000, 32, "sha256");

  it("Node decrypts our envelope and finds the attested key", () => {
    const envelope = JSON.parse(Buffer.from(credential.encryptedPrivateKey, "base64").toString("utf8"));
    const wrapped = Buffer.from(envelope.key, "base64");
    const decipher = createDecipheriv(
      "aes-256-gcm",
      pbkdf2Key(recoveryCode, USERNAME),
      Buffer.from(envelope.iv, "base64"),
    );
    decipher.setAuthTag(wrapped.subarray(-16));
    const pkcs8 = Buffer.concat([decipher.update(wrapped.subarray(0, -16)), decipher.final()]);
    const pub = createPublicKey(createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" }));
    expect(pub.export({ type: "spki", format: "pem" }).toString().trim()).toBe(attestation.publicKey);
  });

  it("we decrypt an envelope built by Node", async () => {
    const code = generateRecoveryCode();
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const iv = randomBytes(16);
    const cipher = createCipheriv("aes-256-gcm", pbkdf2Key(code, USERNAME), iv);
    const pkcs8 = privateKey.export({ type: "pkcs8", format: "der" });
    const wrapped = Buffer.concat([cipher.update(pkcs8), cipher.final(), cipher.getAuthTag()]);
    const encryptedPrivateKey = Buffer.from(
      JSON.stringify({ key: wrapped.toString("base64"), iv: iv.toString("base64") }),
    ).toString("base64");

    const key = await decryptRecoveryKey({ encryptedPrivateKey, recoveryCode: code, username: USERNAME });
    const message = Buffer.from("interop");
    expect(verify("sha256", message, { key: publicKey, dsaEncoding: "ieee-p1363" }, await signWith(key, message))).toBe(
      true,
    );
  });
});
