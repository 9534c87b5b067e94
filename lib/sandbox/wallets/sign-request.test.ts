import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { type Hex, recoverPublicKey, verifyMessage, verifyTypedData } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";

import { SandboxError } from "@/lib/sandbox/errors";

import { deriveAddress } from "./addresses";
import { generateWalletKey } from "./keys";
import { resolveNetwork } from "./networks";
import { signRequest } from "./sign-request";

const ONE = "0000000000000000000000000000000000000000000000000000000000000001";
const N = secp256k1.Point.CURVE().n;
const hexOf = (text: string) => `0x${bytesToHex(utf8ToBytes(text))}`;

function wallet(network: string, privateKey?: string) {
  const spec = resolveNetwork(network);
  const key = privateKey
    ? {
        privateKey,
        publicKey: bytesToHex(
          spec.curve === "secp256k1"
            ? secp256k1.getPublicKey(hexToBytes(privateKey), true)
            : ed25519.getPublicKey(hexToBytes(privateKey)),
        ),
      }
    : generateWalletKey(spec.curve);
  return { spec, ...key, address: deriveAddress(spec, key.publicKey) };
}

function rejection(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxError);
    expect((error as SandboxError).status).toBe(400);
    return error as SandboxError;
  }
  throw new Error("expected a 400");
}

/** Shape every secp256k1 result must have: 32-byte r/s, low s, recid 0|1, encoded r‖s‖(27+recid). */
function expectEcdsaShape(sig: ReturnType<typeof signRequest>) {
  expect(sig.r).toMatch(/^0x[0-9a-f]{64}$/);
  expect(sig.s).toMatch(/^0x[0-9a-f]{64}$/);
  expect([0, 1]).toContain(sig.recid);
  expect(BigInt(sig.s) <= N / 2n).toBe(true);
  expect(sig.encoded).toBe(`${sig.r}${sig.s.slice(2)}${(27 + sig.recid!).toString(16)}`);
}

describe("EVM Message (EIP-191 personal_sign)", () => {
  it("verifies with viem verifyMessage over the raw bytes", async () => {
    const w = wallet("EthereumSepolia");
    const message = hexOf("I love Dfns");
    const sig = signRequest(w.spec, w.privateKey, { kind: "Message", message });
    expectEcdsaShape(sig);
    await expect(
      verifyMessage({ address: w.address as Hex, message: { raw: message as Hex }, signature: sig.encoded as Hex }),
    ).resolves.toBe(true);
    // …and not for another message.
    await expect(
      verifyMessage({
        address: w.address as Hex,
        message: { raw: hexOf("other") as Hex },
        signature: sig.encoded as Hex,
      }),
    ).resolves.toBe(false);
  });

  it("is byte-identical to viem's signMessage (both RFC 6979)", async () => {
    const message = "0x49206c6f76652044666e73";
    const sig = signRequest(resolveNetwork("Base"), ONE, { kind: "Message", message });
    const expected = await privateKeyToAccount(`0x${ONE}`).signMessage({ message: { raw: message } });
    expect(sig.encoded).toBe(expected);
  });

  it("accepts an empty message and upper-case hex", async () => {
    const w = wallet("Polygon");
    for (const message of ["0x", "0xDEADBEEF"]) {
      const sig = signRequest(w.spec, w.privateKey, { kind: "Message", message });
      await expect(
        verifyMessage({ address: w.address as Hex, message: { raw: message as Hex }, signature: sig.encoded as Hex }),
      ).resolves.toBe(true);
    }
  });
});

describe("Hash (raw ECDSA)", () => {
  it.each(["Ethereum", "Bitcoin", "BitcoinTestnet3", "Tron", "KeyECDSA"])(
    "%s: recovers to the wallet's public key",
    async (network) => {
      const w = wallet(network);
      const hash = `0x${bytesToHex(keccak_256(utf8ToBytes("payload")))}`;
      const sig = signRequest(w.spec, w.privateKey, { kind: "Hash", hash });
      expectEcdsaShape(sig);
      const recovered = await recoverPublicKey({ hash: hash as Hex, signature: sig.encoded as Hex });
      expect(bytesToHex(secp256k1.Point.fromHex(recovered.slice(2)).toBytes(true))).toBe(w.publicKey);
      expect(
        secp256k1.verify(hexToBytes(sig.encoded.slice(2, 130)), hexToBytes(hash.slice(2)), hexToBytes(w.publicKey), {
          prehash: false,
        }),
      ).toBe(true);
    },
  );

  it("accepts the hash without 0x (as in Dfns's EVM docs example) and signs the same digest", () => {
    const spec = resolveNetwork("Ethereum");
    const hash = "031edd7d41651593c5fe5c006fa5752b37fddff7bc4e843aa6af0c950f4b9406";
    expect(signRequest(spec, ONE, { kind: "Hash", hash })).toEqual(
      signRequest(spec, ONE, { kind: "Hash", hash: `0x${hash}` }),
    );
  });
});

describe("Eip712", () => {
  // Dfns's documented sample request body (no primaryType: Mail is the only unreferenced type).
  const body = {
    kind: "Eip712",
    types: {
      Person: [
        { name: "name", type: "string" },
        { name: "wallet", type: "address" },
      ],
      Mail: [
        { name: "from", type: "Person" },
        { name: "to", type: "Person" },
        { name: "contents", type: "string" },
      ],
    },
    domain: {
      name: "Ether Mail",
      version: "1",
      chainId: 1,
      verifyingContract: "0x1b352de7a926ebd1bf52194dab487c2cb0793a9b",
      salt: "0xf2d857f4a3edcb9b78b4d503bfe733db1e3f6cdc2b7971ee739626c97e86a558",
    },
    message: {
      from: { name: "Chris", wallet: "0x00e3495cf6af59008f22ffaf32d4c92ac33dac47" },
      to: { name: "Bob", wallet: "0xcc0ee1a1c5e788b61916c8f1c96c960f9a9d3db7" },
      contents: "Hello, Bob!",
    },
  } as const;

  it("verifies with viem verifyTypedData", async () => {
    const w = wallet("ArbitrumOne");
    const sig = signRequest(w.spec, w.privateKey, body);
    expectEcdsaShape(sig);
    const { kind: _, ...typed } = body;
    await expect(
      verifyTypedData({ ...typed, primaryType: "Mail", address: w.address as Hex, signature: sig.encoded as Hex }),
    ).resolves.toBe(true);
    await expect(
      verifyTypedData({
        ...typed,
        message: { ...typed.message, contents: "Hello, Alice!" },
        primaryType: "Mail",
        address: w.address as Hex,
        signature: sig.encoded as Hex,
      }),
    ).resolves.toBe(false);
  });

  it("is byte-identical to viem's signTypedData, and chainId as a string changes nothing", async () => {
    const spec = resolveNetwork("Ethereum");
    const { kind: _, ...typed } = body;
    const expected = await privateKeyToAccount(`0x${ONE}`).signTypedData({ ...typed, primaryType: "Mail" });
    expect(signRequest(spec, ONE, body).encoded).toBe(expected);
    expect(signRequest(spec, ONE, { ...body, domain: { ...body.domain, chainId: "1" } }).encoded).toBe(expected);
  });

  it("accepts an explicit EIP712Domain type in types", () => {
    const spec = resolveNetwork("Ethereum");
    const withDomainType = {
      ...body,
      types: {
        EIP712Domain: [
          { name: "name", type: "string" },
          { name: "version", type: "string" },
          { name: "chainId", type: "uint256" },
          { name: "verifyingContract", type: "address" },
          { name: "salt", type: "bytes32" },
        ],
        ...body.types,
      },
    };
    expect(signRequest(spec, ONE, withDomainType).encoded).toBe(signRequest(spec, ONE, body).encoded);
  });

  it.each([
    ["no single primary type", "types", { types: { ...body.types, Extra: [{ name: "x", type: "uint256" }] } }],
    ["an unknown field type", "types", { types: { Mail: [{ name: "x", type: "Unknown" }] }, message: { x: 1 } }],
    ["a bad verifyingContract", "domain", { domain: { ...body.domain, verifyingContract: "0x1234" } }],
    ["a non-integer chainId", "domain.chainId", { domain: { ...body.domain, chainId: "one" } }],
    ["a bad address in the message", "message", { message: { ...body.message, to: { name: "Bob", wallet: "nope" } } }],
    ["types that are not arrays", "types.Mail", { types: { Mail: "string" } }],
    ["a missing message", "message", { message: undefined }],
    [
      "a fixed-size array of the wrong length",
      "message",
      { types: { Mail: [{ name: "tags", type: "string[2]" }] }, message: { tags: ["a"] } },
    ],
    [
      "bytes that are not hex",
      "message",
      { types: { Mail: [{ name: "blob", type: "bytes" }] }, message: { blob: "hello" } },
    ],
  ])("refuses %s with a 400 naming %s", (_, field, patch) => {
    const error = rejection(() => signRequest(resolveNetwork("Ethereum"), ONE, { ...body, ...patch }));
    expect(error.details).toEqual({ field: field });
    expect(error.message).toMatch(new RegExp(`^Invalid ${field.replace(".", "\\.")}: `));
  });

  it("names a missing nested field, including inside arrays", () => {
    const spec = resolveNetwork("Ethereum");
    const nested = rejection(() =>
      signRequest(spec, ONE, { ...body, message: { ...body.message, from: { name: "Chris" } } }),
    );
    expect(nested.message).toBe("Invalid message: message.from.wallet is missing");
    expect(nested.details).toEqual({ field: "message" });

    const group = {
      kind: "Eip712",
      types: { Person: body.types.Person, Group: [{ name: "members", type: "Person[]" }] },
      domain: { name: "G" },
      message: { members: [{ name: "A", wallet: "0x00e3495cf6af59008f22ffaf32d4c92ac33dac47" }, { name: "B" }] },
    };
    expect(rejection(() => signRequest(spec, ONE, group)).message).toBe(
      "Invalid message: message.members[1].wallet is missing",
    );
    // Complete, the same arrays-of-structs body signs.
    group.message.members[1] = { name: "B", wallet: "0xcc0ee1a1c5e788b61916c8f1c96c960f9a9d3db7" };
    expect(signRequest(spec, ONE, group).encoded).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it("explains a bad chainId in words", () => {
    const error = rejection(() =>
      signRequest(resolveNetwork("Ethereum"), ONE, { ...body, domain: { ...body.domain, chainId: -1 } }),
    );
    expect(error.message).toBe("Invalid domain.chainId: must be a non-negative integer or an integer string");
  });
});

describe("Tron Message (TIP-191, TronWeb signMessageV2)", () => {
  // TronWeb's own sign-message test vectors (test/testcases/src/sign-message.ts).
  it.each([
    [
      ONE,
      hexOf("hello world"),
      "TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC",
      "0x0dc0b53d525e0103a6013061cf18e60cf158809149f2b8994a545af65a7004cb1eeaff560e801ab51b28df5d42549aa024c2aa7e9d34de1e01294b9afb5e6c7e1c",
    ],
    [
      "51d1d6047622bca92272d36b297799ecc152dc2ef91b229debf84fc41e8c73ee",
      "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad",
      "TVEZYjZyemfJoLUdGtzsM2ua1HAnbsNgAF",
      "0xdc3ffce3ffa792a3c76b9ea6909f715ffed0386bb9be0d1ece2d80bde37c368028eed4c9a6fd9608407b224050db7c648a8a7668a7582893efcb2c19d3327b811b",
    ],
  ])("key %s signs %s like TronWeb", (key, message, address, signature) => {
    const w = wallet("TronNile", key);
    expect(w.address).toBe(address);
    const sig = signRequest(w.spec, w.privateKey, { kind: "Message", message });
    expectEcdsaShape(sig);
    expect(sig.encoded).toBe(signature);
  });
});

describe("ed25519 Message (Solana, KeyEdDSA)", () => {
  it.each(["Solana", "SolanaDevnet", "KeyEdDSA"])(
    "%s: verifies with noble ed25519 against the wallet key",
    (network) => {
      const w = wallet(network);
      const message = "0x01000507a824baef8cad745bb58148551728d245d6fc2167";
      const sig = signRequest(w.spec, w.privateKey, { kind: "Message", message });
      expect(sig.recid).toBeUndefined();
      expect(sig.r).toMatch(/^0x[0-9a-f]{64}$/);
      expect(sig.s).toMatch(/^0x[0-9a-f]{64}$/);
      expect(sig.encoded).toBe(`${sig.r}${sig.s.slice(2)}`);
      expect(
        ed25519.verify(hexToBytes(sig.encoded.slice(2)), hexToBytes(message.slice(2)), hexToBytes(w.publicKey)),
      ).toBe(true);
    },
  );

  it("matches RFC 8032 test 2 exactly", () => {
    const sig = signRequest(
      resolveNetwork("Solana"),
      "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
      {
        kind: "Message",
        message: "0x72",
      },
    );
    expect(sig.encoded).toBe(
      "0x92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    );
  });
});

describe("refusals", () => {
  it.each(["Transaction", "Psbt", "Eip7702", "Bip322", "Nonsense"])(
    "kind %s is not supported by the sandbox",
    (kind) => {
      const error = rejection(() => signRequest(resolveNetwork("Ethereum"), ONE, { kind, transaction: "0x00" }));
      expect(error.message).toBe(`Signature kind ${kind} is not supported by the Dfns sandbox`);
      expect(error.details).toEqual({ field: "kind" });
    },
  );

  it.each([
    ["Solana", { kind: "Hash", hash: `0x${"11".repeat(32)}` }, "Message"],
    ["KeyEdDSA", { kind: "Hash", hash: `0x${"11".repeat(32)}` }, "Message"],
    ["Bitcoin", { kind: "Message", message: "0x00" }, "Hash"],
    ["KeyECDSA", { kind: "Message", message: "0x00" }, "Hash"],
    ["Tron", { kind: "Eip712", types: {}, domain: {}, message: {} }, "Message, Hash"],
    ["Solana", { kind: "Eip712", types: {}, domain: {}, message: {} }, "Message"],
  ])("%s refuses %j", (network, body, supported) => {
    const w = wallet(network);
    const error = rejection(() => signRequest(w.spec, w.privateKey, body));
    expect(error.message).toBe(
      `Signature kind ${body.kind} is not supported for ${network} wallets (supported: ${supported})`,
    );
    expect(error.details).toEqual({ field: "kind" });
  });
});

describe("malformed bodies", () => {
  const evm = resolveNetwork("Ethereum");
  it.each([
    ["not an object", "body", "hello"],
    ["null", "body", null],
    ["an array", "body", []],
    ["no kind", "kind", { message: "0x00" }],
    ["a numeric kind", "kind", { kind: 1 }],
    ["message missing", "message", { kind: "Message" }],
    ["message not hex", "message", { kind: "Message", message: "hello" }],
    ["message without 0x", "message", { kind: "Message", message: "49206c6f7665" }],
    ["message with odd digits", "message", { kind: "Message", message: "0x123" }],
    ["message not a string", "message", { kind: "Message", message: 42 }],
    ["hash too short", "hash", { kind: "Hash", hash: "0x1234" }],
    ["hash not hex", "hash", { kind: "Hash", hash: `0x${"zz".repeat(32)}` }],
    ["externalId not a string", "externalId", { kind: "Message", message: "0x00", externalId: 5 }],
  ])("%s → 400 naming %s", (_, field, body) => {
    const error = rejection(() => signRequest(evm, ONE, body));
    expect(error.details).toEqual({ field });
    expect(error.message).toMatch(new RegExp(`^Invalid ${field}: `));
  });

  it("ed25519 wallets validate the message the same way", () => {
    const w = wallet("Solana");
    expect(rejection(() => signRequest(w.spec, w.privateKey, { kind: "Message", message: "nothex" })).details).toEqual({
      field: "message",
    });
  });
});
