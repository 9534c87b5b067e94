import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Hex, type TypedDataDomain, verifyTypedData } from "viem";
import { dfnsError, registerUser, startSandbox, type Harness, type RegisteredUser } from "./harness";

// `Eip712` signature requests through the official SDK: whatever the sandbox signs must verify
// with viem's verifyTypedData (what the app and most EVM tools check with), for every shape of
// domain and message EIP-712 allows; what EIP-712 does not allow is a 400, never a signature
// over something else.

let h: Harness;
let alice: RegisteredUser;
let wallet: { id: string; address: Hex };
beforeAll(async () => {
  h = await startSandbox();
  alice = await registerUser(h, ["EthereumSepolia"]);
  const evm = alice.wallets[0]!;
  wallet = { id: evm.id, address: evm.address as Hex };
});
afterAll(async () => h.close());

type Types = Record<string, { name: string; type: string }[]>;
interface Typed {
  types: Types;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

/** Signs through the SDK (Dfns's body has no primaryType) and returns the encoded signature. */
async function sign({ types, domain, message }: Typed): Promise<Hex> {
  const result = await alice.client.wallets.generateSignature({
    walletId: wallet.id,
    body: { kind: "Eip712", types, domain: domain as never, message },
  });
  expect(result.status).toBe("Signed");
  return result.signature!.encoded as Hex;
}

/** viem's check, with the domain's chainId as viem takes it (a bigint or number). */
function verify(typed: Typed, signature: Hex): Promise<boolean> {
  const { chainId, ...rest } = typed.domain;
  const domain = {
    ...rest,
    ...(chainId === undefined ? {} : { chainId: BigInt(chainId as string | number) }),
  } as TypedDataDomain;
  return verifyTypedData({
    address: wallet.address,
    types: typed.types,
    primaryType: typed.primaryType,
    domain,
    message: typed.message,
    signature,
  });
}

const PERSON = [
  { name: "name", type: "string" },
  { name: "wallet", type: "address" },
];
const mail = (domain: Record<string, unknown>): Typed => ({
  types: {
    Person: PERSON,
    Mail: [
      { name: "from", type: "Person" },
      { name: "to", type: "Person" },
      { name: "contents", type: "string" },
    ],
  },
  primaryType: "Mail",
  domain,
  message: {
    from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
    to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
    contents: "Hello, Bob!",
  },
});

const FULL_DOMAIN = {
  name: "Ether Mail",
  version: "1",
  chainId: 11155111,
  verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC",
  salt: "0xf2d857f4a3edcb9b78b4d503bfe733db1e3f6cdc2b7971ee739626c97e86a558",
};

describe("Eip712 through the SDK, checked with viem verifyTypedData", () => {
  it.each([
    ["an empty domain", {}],
    ["a domain with a name only", { name: "Ether Mail" }],
    ["a domain with name and version", { name: "Ether Mail", version: "1" }],
    ["a domain with a chainId only", { chainId: 11155111 }],
    ["a domain with a verifyingContract only", { verifyingContract: FULL_DOMAIN.verifyingContract }],
    ["a domain with a salt only", { salt: FULL_DOMAIN.salt }],
    ["a domain with all five fields", FULL_DOMAIN],
    ["a chainId as a decimal string", { ...FULL_DOMAIN, chainId: "11155111" }],
    ["a chainId as a hex string", { ...FULL_DOMAIN, chainId: "0xaa36a7" }],
  ])("signs nested structs under %s", async (_, domain) => {
    const typed = mail(domain);
    const signature = await sign(typed);
    expect(await verify(typed, signature)).toBe(true);
    // The domain is part of what is signed: another domain does not verify.
    expect(await verify({ ...typed, domain: { ...domain, name: "Other Mail" } }, signature)).toBe(false);
  });

  it("signs arrays: of structs, fixed-size, nested, of bytes, with negative ints and big uints as strings", async () => {
    const typed: Typed = {
      types: {
        Person: PERSON,
        Group: [
          { name: "members", type: "Person[]" },
          { name: "tags", type: "string[3]" },
          { name: "matrix", type: "uint256[][]" },
          { name: "blobs", type: "bytes[]" },
          { name: "id", type: "bytes32" },
          { name: "delta", type: "int64" },
          { name: "active", type: "bool" },
          { name: "amount", type: "uint256" },
        ],
      },
      primaryType: "Group",
      domain: { name: "Groups", chainId: 11155111 },
      message: {
        members: [
          { name: "A", wallet: "0x00e3495cf6af59008f22ffaf32d4c92ac33dac47" },
          { name: "B", wallet: "0xcc0ee1a1c5e788b61916c8f1c96c960f9a9d3db7" },
        ],
        tags: ["x", "y", "z"],
        matrix: [[1, 2], [], ["3"]],
        blobs: ["0x", "0xdeadbeef"],
        id: `0x${"ab".repeat(32)}`,
        delta: -42,
        active: true,
        amount: "115792089237316195423570985008687907853269984665640564039457584007913129639935",
      },
    };
    const signature = await sign(typed);
    expect(await verify(typed, signature)).toBe(true);
    expect(await verify({ ...typed, message: { ...typed.message, matrix: [[1, 2], ["3"]] } }, signature)).toBe(false);
  });

  it("signs a struct that refers to itself through an array (EIP-712 allows recursion)", async () => {
    const typed: Typed = {
      types: {
        Node: [
          { name: "label", type: "string" },
          { name: "children", type: "Node[]" },
        ],
        Tree: [{ name: "root", type: "Node" }],
      },
      primaryType: "Tree",
      domain: { name: "Trees" },
      message: { root: { label: "a", children: [{ label: "b", children: [] }] } },
    };
    expect(await verify(typed, await sign(typed))).toBe(true);
  });

  it.each([
    ["a fixed-size array of the wrong length", { tags: ["x", "y"] }, /tags/],
    ["bytes that are not hex", { blob: "hello" }, /blob/],
  ])("refuses %s with a 400 instead of signing something else", async (_, patch, field) => {
    const typed: Typed = {
      types: {
        Note: [
          { name: "tags", type: "string[3]" },
          { name: "blob", type: "bytes" },
        ],
      },
      primaryType: "Note",
      domain: { name: "Notes" },
      message: { tags: ["x", "y", "z"], blob: "0x00", ...patch },
    };
    const error = await dfnsError(() => sign(typed));
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(field);
  });
});
