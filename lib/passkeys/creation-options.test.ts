import { afterEach, describe, expect, it, vi } from "vitest";
import { createPasskey, toCreationOptions, toFido2CredentialInfo, utf8ToBase64Url } from "./index";
import type { DfnsRegistrationChallenge } from "./types";

/** A Create Delegated Registration Challenge response, as Dfns sends it (temporary token removed). */
const challenge: DfnsRegistrationChallenge = {
  challenge: "Y2gtNHVhcmUtOXRxb3ItOGQ0ZjA1ZTI5ZTcwMjAxMw", // a plain string to Dfns, even when it looks like base64url
  rp: { id: "localhost", name: "Acme Wallet" },
  user: { id: "us-2ba6a-fi0df-9a7ab8aa7a7a1a1e", name: "ada@example.com", displayName: "ada@example.com" },
  pubKeyCredParams: [
    { type: "public-key", alg: -7 },
    { type: "public-key", alg: -257 },
  ],
  authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
  attestation: "direct",
  excludeCredentials: [{ type: "public-key", id: "x2bHUi1Eo6iG3ebYNfJzBA" }],
};

const bytes = (text: string) => new TextEncoder().encode(text);
const b64url = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");

describe("utf8ToBase64Url", () => {
  it("encodes the UTF-8 bytes of the string, without padding", () => {
    expect(utf8ToBase64Url("us-abc")).toBe(b64url("us-abc"));
    expect(utf8ToBase64Url("é✓")).toBe(b64url(bytes("é✓")));
    expect(utf8ToBase64Url("a")).toBe("YQ");
    expect(utf8ToBase64Url("")).toBe("");
  });
});

describe("toCreationOptions", () => {
  it("passes the challenge and the user id as their UTF-8 bytes, not base64url-decoded", () => {
    const options = toCreationOptions(challenge);
    expect(options.challenge).toBe(b64url(challenge.challenge));
    // Decoding gives back the challenge string itself: the bytes the Dfns SDK would sign.
    expect(Buffer.from(options.challenge, "base64url").toString("utf8")).toBe(challenge.challenge);
    expect(options.challenge).not.toBe(challenge.challenge);
    expect(options.user.id).toBe(b64url(challenge.user.id));
    expect(Buffer.from(options.user.id, "base64url").toString("utf8")).toBe("us-2ba6a-fi0df-9a7ab8aa7a7a1a1e");
  });

  it("keeps the RP, user names, algorithms, authenticator requirements and attestation", () => {
    expect(toCreationOptions(challenge)).toEqual({
      challenge: b64url(challenge.challenge),
      rp: { id: "localhost", name: "Acme Wallet" },
      user: { id: b64url(challenge.user.id), name: "ada@example.com", displayName: "ada@example.com" },
      pubKeyCredParams: [
        { type: "public-key", alg: -7 },
        { type: "public-key", alg: -257 },
      ],
      authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
      attestation: "direct",
      excludeCredentials: [{ type: "public-key", id: "x2bHUi1Eo6iG3ebYNfJzBA" }],
    });
  });

  it("passes excluded credential ids through (already base64url) with their transports", () => {
    const options = toCreationOptions({
      ...challenge,
      excludeCredentials: [{ type: "public-key", id: "AAEC_-8", transports: ["internal", "hybrid"] }],
    });
    expect(options.excludeCredentials).toEqual([
      { type: "public-key", id: "AAEC_-8", transports: ["internal", "hybrid"] },
    ]);
  });

  it("keeps an authenticator attachment and a timeout when Dfns sends them", () => {
    const options = toCreationOptions({
      ...challenge,
      authenticatorSelection: { ...challenge.authenticatorSelection, authenticatorAttachment: "platform" },
      timeout: 60_000,
    });
    expect(options.authenticatorSelection?.authenticatorAttachment).toBe("platform");
    expect(options.timeout).toBe(60_000);
  });

  it("falls back to sensible values for missing or unknown optional fields", () => {
    const options = toCreationOptions({
      ...challenge,
      user: { ...challenge.user, displayName: "" },
      attestation: "something-new",
      excludeCredentials: undefined,
    });
    expect(options.user.displayName).toBe("ada@example.com");
    expect(options.attestation).toBe("none");
    expect(options.excludeCredentials).toEqual([]);
    expect("timeout" in options).toBe(false);
  });
});

describe("toFido2CredentialInfo", () => {
  it("maps rawId, clientDataJSON and attestationObject, already base64url, to Dfns's credentialInfo", () => {
    expect(
      toFido2CredentialInfo({
        id: "cred-id",
        rawId: "cmF3LWlk",
        type: "public-key",
        clientExtensionResults: {},
        response: { clientDataJSON: "Y2xpZW50LWRhdGE", attestationObject: "YXR0ZXN0YXRpb24", transports: ["internal"] },
      }),
    ).toEqual({ credId: "cmF3LWlk", clientData: "Y2xpZW50LWRhdGE", attestationData: "YXR0ZXN0YXRpb24" });
  });
});

describe("createPasskey", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("hands the browser the challenge's UTF-8 bytes and returns the passkey as Dfns credentialInfo", async () => {
    const rawId = new Uint8Array([1, 2, 3, 250, 251, 252]);
    const clientDataJSON = bytes(
      JSON.stringify({
        type: "webauthn.create",
        challenge: b64url(challenge.challenge),
        origin: "http://localhost:3000",
      }),
    );
    const attestationObject = new Uint8Array([0xa3, 0x63, 0x66, 0x6d, 0x74]);
    const create = vi.fn(async (_options: CredentialCreationOptions) => ({
      id: b64url(rawId),
      rawId: rawId.buffer,
      type: "public-key",
      authenticatorAttachment: "platform",
      response: { clientDataJSON: clientDataJSON.buffer, attestationObject: attestationObject.buffer },
      getClientExtensionResults: () => ({}),
    }));
    vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});
    vi.stubGlobal("navigator", { credentials: { create } });

    const credentialInfo = await createPasskey(challenge);

    const publicKey = create.mock.calls[0]![0].publicKey!;
    expect(new TextDecoder().decode(publicKey.challenge as ArrayBuffer)).toBe(challenge.challenge);
    expect(new TextDecoder().decode(publicKey.user.id as ArrayBuffer)).toBe(challenge.user.id);
    expect(publicKey.rp).toEqual({ id: "localhost", name: "Acme Wallet" });
    expect(new Uint8Array(publicKey.excludeCredentials![0]!.id as ArrayBuffer)).toEqual(
      new Uint8Array(Buffer.from("x2bHUi1Eo6iG3ebYNfJzBA", "base64url")),
    );
    expect(credentialInfo).toEqual({
      credId: b64url(rawId),
      clientData: b64url(clientDataJSON),
      attestationData: b64url(attestationObject),
    });
    // What Dfns checks: clientDataJSON.challenge = base64url(utf8(challenge)).
    const clientData = JSON.parse(Buffer.from(credentialInfo.clientData, "base64url").toString("utf8"));
    expect(clientData.challenge).toBe(utf8ToBase64Url(challenge.challenge));
  });

  it("rejects with the browser's error, for describePasskeyError to word", async () => {
    const cancelled = Object.assign(new Error("The operation either timed out or was not allowed."), {
      name: "NotAllowedError",
    });
    vi.stubGlobal("PublicKeyCredential", function PublicKeyCredential() {});
    vi.stubGlobal("navigator", { credentials: { create: vi.fn().mockRejectedValue(cancelled) } });
    await expect(createPasskey(challenge)).rejects.toMatchObject({
      name: "NotAllowedError",
      code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY",
    });
  });
});
