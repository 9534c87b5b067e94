import { hashTypedData, verifyTypedData } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { checkTypedData, rootTypeOf } from "./check";
import { typedDataExamples } from "./examples";

const SEPOLIA = { chainId: 11155111, networkName: "Ethereum Sepolia" };
const account = privateKeyToAccount(`0x${"01".padStart(64, "0")}`);
const [permit, mail] = typedDataExamples(account.address, SEPOLIA.chainId, new Date("2026-12-01T00:00:00Z"));
const mailData = JSON.parse(mail!.json);

/** The problem `checkTypedData` names for `value` (JSON-encoded unless already text). */
function problemWith(value: unknown): string {
  const result = checkTypedData(typeof value === "string" ? value : JSON.stringify(value), SEPOLIA);
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}
const withMessage = (message: Record<string, unknown>) => ({
  ...mailData,
  message: { ...mailData.message, ...message },
});
const withDomain = (domain: Record<string, unknown>) => ({ ...mailData, domain: { ...mailData.domain, ...domain } });

describe("checkTypedData", () => {
  it("accepts both examples; the digest is viem's and a viem signature over it verifies", async () => {
    for (const example of [permit!, mail!]) {
      const result = checkTypedData(example.json, SEPOLIA);
      if (!result.ok) throw new Error(result.problem);
      const parsed = JSON.parse(example.json);
      expect(result.digest).toBe(hashTypedData(parsed));
      const signature = await account.signTypedData(parsed);
      expect(await verifyTypedData({ ...result.typedData, address: account.address, signature } as never)).toBe(true);
    }
  });

  it("returns what Dfns's Eip712 request takes: no EIP712Domain, only the types the primary type uses, chainId a number", () => {
    const input = { ...JSON.parse(permit!.json), domain: { ...JSON.parse(permit!.json).domain, chainId: "0xaa36a7" } };
    input.types.Unused = [{ name: "x", type: "uint8" }];
    const result = checkTypedData(JSON.stringify(input), SEPOLIA);
    if (!result.ok) throw new Error(result.problem);
    expect(Object.keys(result.typedData.types)).toEqual(["Permit"]);
    expect(result.typedData.domain.chainId).toBe(11155111);
    expect(rootTypeOf(result.typedData.types)).toBe("Permit");
    expect(result.digest).toBe(checkTypedData(permit!.json, SEPOLIA).ok && hashTypedData(JSON.parse(permit!.json)));
  });

  it("accepts a domain without chainId and an empty domain (EIP-712 makes every field optional)", () => {
    const { chainId: _, ...noChain } = mailData.domain;
    expect(checkTypedData(JSON.stringify({ ...mailData, domain: noChain }), SEPOLIA).ok).toBe(true);
    expect(checkTypedData(JSON.stringify({ ...mailData, domain: {} }), SEPOLIA).ok).toBe(true);
  });

  it.each([
    ["empty text", "  ", /^Paste the typed data first/],
    ["broken JSON", '{"types": ', /^This isn't valid JSON \(.+\)\. Check for a missing quote/],
    ["a JSON array", "[]", /^The typed data must be an object \{ types, primaryType, domain, message \}/],
    [
      "a missing primaryType",
      { ...mailData, primaryType: undefined },
      /^primaryType is missing: it must name the type of the message/,
    ],
    [
      "an unknown primaryType",
      { ...mailData, primaryType: "Letter" },
      /^primaryType "Letter" is not one of the types \(Person, Mail\)/,
    ],
    ["EIP712Domain as primaryType", { ...mailData, primaryType: "EIP712Domain" }, /^primaryType can't be EIP712Domain/],
    ["an extra top-level field", { ...mailData, extra: 1 }, /^The typed data has a field it shouldn't: extra/],
    ["an unknown domain field", withDomain({ foo: "bar" }), /^domain has a field EIP-712 doesn't define: foo/],
    [
      "a bad verifyingContract",
      withDomain({ verifyingContract: "0x1234" }),
      /^domain\.verifyingContract is not an address/,
    ],
    [
      "a bad checksum in verifyingContract",
      withDomain({ verifyingContract: "0xCCCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" }),
      /^domain\.verifyingContract is not an address/,
    ],
    ["a non-integer chainId", withDomain({ chainId: 1.5 }), /^domain\.chainId must be a whole number/],
    ["a chainId of text", withDomain({ chainId: "sepolia" }), /^domain\.chainId must be a whole number/],
    [
      "a chainId of another network",
      withDomain({ chainId: 1 }),
      /^domain\.chainId is 1, but this wallet is on Ethereum Sepolia \(chain id 11155111\)\. .+ set chainId to 11155111\.$/,
    ],
    ["a short salt", withDomain({ salt: "0x12" }), /^domain\.salt must be 32 bytes of hex/],
    ["a domain name that is not text", withDomain({ name: 7 }), /^domain\.name must be text/],
    [
      "an unknown field type",
      { ...mailData, types: { ...mailData.types, Mail: [{ name: "x", type: "Letter" }] }, message: { x: 1 } },
      /^types\.Mail\.x has type "Letter", which is neither a built-in type/,
    ],
    [
      "uint without a size",
      { ...mailData, types: { Mail: [{ name: "x", type: "uint" }] }, message: { x: 1 } },
      /^types\.Mail\.x has type "uint"/,
    ],
    [
      "a field that is not { name, type }",
      { ...mailData, types: { ...mailData.types, Mail: [{ name: "x" }] } },
      /^types\.Mail\[0\]\.type is missing/,
    ],
    [
      "two fields of one name",
      { ...mailData, types: { ...mailData.types, Mail: [...mailData.types.Mail, { name: "to", type: "string" }] } },
      /^types\.Mail has two fields named "to"/,
    ],
    [
      "an EIP712Domain that does not match the domain",
      { ...mailData, types: { ...mailData.types, EIP712Domain: [{ name: "name", type: "string" }] } },
      /^types\.EIP712Domain must list the domain's fields in this order: name \(string\), version \(string\), chainId \(uint256\), verifyingContract \(address\)/,
    ],
    [
      "a primary type that refers to itself",
      { ...mailData, types: { Node: [{ name: "next", type: "Node[]" }] }, primaryType: "Node", message: { next: [] } },
      /^primaryType "Node" refers to itself/,
    ],
    [
      "a missing message field",
      withMessage({ contents: undefined }),
      /^message\.contents is missing: the type says it is a string\.$/,
    ],
    ["a missing nested field", withMessage({ to: { name: "Bob" } }), /^message\.to\.wallet is missing/],
    [
      "a message field the types don't declare",
      withMessage({ cc: "Alice" }),
      /^message\.cc is not a field of Mail, so it would not be signed/,
    ],
    [
      "a bad address in the message",
      withMessage({ to: { name: "Bob", wallet: "nope" } }),
      /^message\.to\.wallet is not an address/,
    ],
    ["a struct given as text", withMessage({ to: "Bob" }), /^message\.to must be an object \(Person\)/],
    ["a number for a string", withMessage({ contents: 5 }), /^message\.contents must be text/],
  ])("refuses %s, naming what is wrong", (_, input, expected) => {
    expect(problemWith(input)).toMatch(expected);
  });

  it.each([
    [
      "an unsafe JSON number",
      { value: 2 ** 60 },
      /^message\.value must be a whole number; above 9007199254740991 write it as a string/,
    ],
    ["a negative uint", { value: "-1" }, /^message\.value is out of range for uint256 \(0 to /],
    ["an int8 overflow", { small: 128 }, /^message\.small is out of range for int8 \(-128 to 127\)/],
    ["a bool as text", { flag: "yes" }, /^message\.flag must be true or false/],
    [
      "a fixed array of the wrong length",
      { tags: ["a"] },
      /^message\.tags has 1 items, but string\[2\] takes exactly 2/,
    ],
    ["bytes that are not hex", { blob: "hello" }, /^message\.blob must be 0x and an even number of hex digits/],
    ["bytes32 of the wrong size", { id: "0x12" }, /^message\.id must be 0x and 64 hex digits \(bytes32\)/],
  ])("refuses %s in a value", (_, patch, expected) => {
    const types = {
      Thing: [
        { name: "value", type: "uint256" },
        { name: "small", type: "int8" },
        { name: "flag", type: "bool" },
        { name: "tags", type: "string[2]" },
        { name: "blob", type: "bytes" },
        { name: "id", type: "bytes32" },
      ],
    };
    const valid = { value: "1", small: -128, flag: false, tags: ["a", "b"], blob: "0x", id: `0x${"00".repeat(32)}` };
    const input: Record<string, unknown> = { types, primaryType: "Thing", domain: { name: "T" }, message: valid };
    expect(checkTypedData(JSON.stringify(input), SEPOLIA).ok).toBe(true); // only the patch is wrong
    input.message = { ...valid, ...patch };
    expect(problemWith(input)).toMatch(expected);
  });

  it("refuses typed data longer than the limit before parsing it", () => {
    expect(problemWith("x".repeat(20_001))).toMatch(/^The typed data is too long: at most 20,000 characters/);
  });
});
