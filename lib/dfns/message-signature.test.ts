import { ed25519 } from "@noble/curves/ed25519.js";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { encodeSignature, hexToMessage, messageToHex, verifyMessageSignature } from "./message-signature";

// The server's own check of a Dfns Message signature, with keys made here (not by the sandbox).

const account = privateKeyToAccount(`0x${"11".repeat(32)}`);
const toHex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString("hex")}`;

describe("message signatures", () => {
  it("turns text into the hex Dfns signs and back, emoji included", () => {
    expect(messageToHex("hello")).toBe("0x68656c6c6f");
    expect(hexToMessage(messageToHex("héllo 👋"))).toBe("héllo 👋");
  });

  it("verifies an EVM personal_sign signature against the address, not another message or address", async () => {
    const messageHex = messageToHex("hello");
    const signature = await account.signMessage({ message: "hello" });
    const args = { verification: "evm" as const, address: account.address, publicKey: "", messageHex, signature };
    expect(await verifyMessageSignature(args)).toBe(true);
    expect(await verifyMessageSignature({ ...args, messageHex: messageToHex("hellO") })).toBe(false);
    expect(await verifyMessageSignature({ ...args, address: `0x${"22".repeat(20)}` })).toBe(false);
    expect(await verifyMessageSignature({ ...args, signature: "0x1234" })).toBe(false);
  });

  it("verifies an ed25519 signature against the public key", async () => {
    const secret = new Uint8Array(32).fill(7);
    const publicKey = toHex(ed25519.getPublicKey(secret));
    const messageHex = messageToHex("gm");
    const signature = toHex(ed25519.sign(Buffer.from("gm"), secret));
    const args = { verification: "ed25519" as const, address: "ignored", publicKey, messageHex, signature };
    expect(await verifyMessageSignature(args)).toBe(true);
    expect(await verifyMessageSignature({ ...args, messageHex: messageToHex("gn") })).toBe(false);
    expect(
      await verifyMessageSignature({ ...args, publicKey: toHex(ed25519.getPublicKey(new Uint8Array(32).fill(8))) }),
    ).toBe(false);
  });

  it("says null where it has no check: unknown network kind, or no address", async () => {
    const base = { publicKey: "", messageHex: "0x00", signature: "0x00" };
    expect(await verifyMessageSignature({ ...base, verification: "none", address: "bc1q…" })).toBeNull();
    expect(await verifyMessageSignature({ ...base, verification: "evm", address: null })).toBeNull();
  });

  it("encodes r ‖ s ‖ v when Dfns sends no encoded form", async () => {
    const signature = await account.signMessage({ message: "hello" });
    const r = `0x${signature.slice(2, 66)}`;
    const s = `0x${signature.slice(66, 130)}`;
    const recid = parseInt(signature.slice(130), 16) - 27;
    expect(encodeSignature({ r, s, recid })).toBe(signature);
    expect(encodeSignature({ r, s, recid, encoded: "0xabc" })).toBe("0xabc");
    expect(encodeSignature({ r, s })).toBe(signature.slice(0, 130));
  });
});
