import { getTypesForEIP712Domain, hashTypedData, isAddress, validateTypedData, type Hex } from "viem";
import { z } from "zod";

// One check of EIP-712 typed data (as `eth_signTypedData_v4` takes it: { types, primaryType,
// domain, message }), run by the browser before the passkey prompt and by the server before it
// asks Dfns. It refuses in words, naming the field, whatever Dfns could not sign as the user
// meant it, and returns the typed data in the form Dfns's `Eip712` request takes:
// - Dfns's request has no `primaryType` (it takes the one type no other type uses, as ethers
//   does) and no `EIP712Domain` type (it derives it from the domain's fields). So types are cut
//   down to those the primary type uses, and an `EIP712Domain` type is accepted only when it is
//   exactly what the domain implies.
// - viem's own validation and hash run last: what passes verifies with viem's verifyTypedData.

/** Enough for any real permit or order; a page of JSON a person can still read before signing. */
export const TYPED_DATA_MAX_LENGTH = 20_000;

export type TypedDataTypes = Record<string, { name: string; type: string }[]>;

export type TypedDataDomainJson = {
  name?: string;
  version?: string;
  chainId?: number;
  verifyingContract?: string;
  salt?: string;
};

/** Checked typed data: only the types the primary type uses, chainId as a number. */
export interface CheckedTypedData {
  types: TypedDataTypes;
  primaryType: string;
  domain: TypedDataDomainJson;
  message: Record<string, unknown>;
}

export type TypedDataCheck = { ok: true; typedData: CheckedTypedData; digest: Hex } | { ok: false; problem: string };

/** The wallet that will sign: its chain (a domain for another chain is refused) and its name for messages. */
export interface SigningChain {
  chainId: number;
  networkName: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ATOMIC =
  /^(?:address|bool|string|bytes|bytes([1-9]|[12][0-9]|3[0-2])|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256))$/;
const ARRAY = /^(.+)\[([0-9]*)\]$/;

const identifier = (what: string) =>
  z
    .string({ error: `must be a ${what} (text)` })
    .regex(IDENTIFIER, { error: `must be a ${what} made of letters, digits and _` });
const chainIdSchema = z.union([z.number(), z.string()], { error: "must be a number, e.g. 11155111" });

const typedDataSchema = z.strictObject(
  {
    types: z.record(
      identifier("type name"),
      z.array(
        z.strictObject({
          name: identifier("field name"),
          type: z.string({ error: "must be a type, e.g. uint256" }).min(1, "must be a type, e.g. uint256"),
        }),
        {
          error: "must be a list of { name, type } fields",
        },
      ),
      { error: 'must be an object of struct types, e.g. { "Mail": [{ "name": "contents", "type": "string" }] }' },
    ),
    primaryType: z
      .string({ error: 'must name the type of the message, e.g. "Mail"' })
      .min(1, 'must name the type of the message, e.g. "Mail"'),
    domain: z.strictObject(
      {
        name: z.string({ error: "must be text" }).optional(),
        version: z.string({ error: "must be text" }).optional(),
        chainId: chainIdSchema.optional(),
        verifyingContract: z.string({ error: "must be an address (text)" }).optional(),
        salt: z.string({ error: "must be 32 bytes of hex (text)" }).optional(),
      },
      { error: "must be an object with some of name, version, chainId, verifyingContract, salt" },
    ),
    message: z.record(z.string(), z.unknown(), { error: "must be an object with the primary type's fields" }),
  },
  { error: "must be an object { types, primaryType, domain, message }" },
);

/** Checks typed data pasted as JSON text for a wallet on `chain`. */
export function checkTypedData(text: string, chain: SigningChain): TypedDataCheck {
  try {
    return { ok: true, ...checkOrThrow(text, chain) };
  } catch (error) {
    if (error instanceof TypedDataProblem) return { ok: false, problem: error.message };
    throw error;
  }
}

/**
 * The primary type Dfns will use for `types`: the one struct no other struct uses.
 * Undefined when there is none or more than one.
 */
export function rootTypeOf(types: TypedDataTypes): string | undefined {
  const structs = Object.keys(types).filter((name) => name !== "EIP712Domain");
  const used = new Set(structs.flatMap((name) => types[name]!.map((field) => baseType(field.type))));
  const roots = structs.filter((name) => !used.has(name));
  return roots.length === 1 ? roots[0] : undefined;
}

class TypedDataProblem extends Error {}
const fail = (problem: string): never => {
  throw new TypedDataProblem(problem);
};

function checkOrThrow(text: string, chain: SigningChain): { typedData: CheckedTypedData; digest: Hex } {
  if (text.trim() === "") fail("Paste the typed data first: a JSON object { types, primaryType, domain, message }.");
  if (text.length > TYPED_DATA_MAX_LENGTH)
    fail(`The typed data is too long: at most ${TYPED_DATA_MAX_LENGTH.toLocaleString("en")} characters.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`This isn't valid JSON (${(error as Error).message}). Check for a missing quote, comma or brace.`);
  }
  const parsed = typedDataSchema.safeParse(json);
  if (!parsed.success) fail(describeIssue(parsed.error.issues[0]!, json));
  const { types: allTypes, primaryType, domain: rawDomain, message } = parsed.data!;

  const domain = checkDomain(rawDomain, chain);
  if (primaryType === "EIP712Domain")
    fail('primaryType can\'t be EIP712Domain: name the type of the message, e.g. "Mail".');
  if (!allTypes[primaryType]) {
    fail(
      `primaryType "${primaryType}" is not one of the types (${
        Object.keys(allTypes)
          .filter((t) => t !== "EIP712Domain")
          .join(", ") || "none given"
      }).`,
    );
  }
  checkTypeDefinitions(allTypes);
  checkDomainType(allTypes.EIP712Domain, domain);
  const types = typesUsedBy(primaryType, allTypes);
  if (rootTypeOf(types) !== primaryType) {
    fail(
      `primaryType "${primaryType}" refers to itself. Dfns takes the primary type to be the one no other type uses, so it can't sign this.`,
    );
  }
  checkValue(types, primaryType, message, "message");

  // viem's own validation and hash: what passes here verifies with viem's verifyTypedData.
  try {
    const definition = { types, primaryType, domain, message } as Parameters<typeof hashTypedData>[0];
    validateTypedData(definition);
    return { typedData: { types, primaryType, domain, message }, digest: hashTypedData(definition) };
  } catch (error) {
    return fail(
      `The typed data can't be hashed: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`,
    );
  }
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join("");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    if (path === "domain")
      return `domain has a field EIP-712 doesn't define: ${keys}. A domain takes only name, version, chainId, verifyingContract and salt.`;
    if (path === "")
      return `The typed data has a field it shouldn't: ${keys}. It takes only types, primaryType, domain and message.`;
    return `${path} has a field it shouldn't: ${keys}.`;
  }
  if (issue.code === "invalid_key")
    return `types has a bad type name: type names must be letters, digits and _ (e.g. "Mail").`;
  if (path === "") return `The typed data ${issue.message}.`;
  const missing =
    issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], json) ===
    undefined;
  return `${path} ${missing ? "is missing: it " : ""}${issue.message}.`;
}

function checkDomain(raw: z.infer<typeof typedDataSchema>["domain"], chain: SigningChain): TypedDataDomainJson {
  const domain: TypedDataDomainJson = {};
  if (raw.name !== undefined) domain.name = raw.name;
  if (raw.version !== undefined) domain.version = raw.version;
  if (raw.chainId !== undefined) {
    const chainId = parseChainId(raw.chainId);
    // Refused, not warned: a signature for another chain's domain is valid there, and a user
    // looking at their testnet wallet would be approving something on, say, mainnet.
    if (chainId !== chain.chainId) {
      fail(
        `domain.chainId is ${chainId}, but this wallet is on ${chain.networkName} (chain id ${chain.chainId}). ` +
          `Signing it would approve something on another chain, so the app refuses: set chainId to ${chain.chainId}.`,
      );
    }
    domain.chainId = chainId;
  }
  if (raw.verifyingContract !== undefined) {
    if (!isAddress(raw.verifyingContract)) {
      fail(
        "domain.verifyingContract is not an address: 0x and 40 hex digits (with a valid checksum if it mixes upper and lower case).",
      );
    }
    domain.verifyingContract = raw.verifyingContract;
  }
  if (raw.salt !== undefined) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(raw.salt)) fail("domain.salt must be 32 bytes of hex: 0x and 64 hex digits.");
    domain.salt = raw.salt;
  }
  return domain;
}

function parseChainId(value: number | string): number {
  const chainId = typeof value === "number" ? value : /^(?:0x[0-9a-fA-F]+|[0-9]+)$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(chainId) || chainId < 1)
    fail("domain.chainId must be a whole number, e.g. 11155111 (as a number, or as a decimal or 0x string).");
  return chainId;
}

function checkTypeDefinitions(types: TypedDataTypes): void {
  for (const [name, fields] of Object.entries(types)) {
    if (ATOMIC.test(name)) fail(`types.${name}: a struct can't be named like a built-in type.`);
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field.name)) fail(`types.${name} has two fields named "${field.name}".`);
      seen.add(field.name);
      const base = baseType(field.type);
      if (!ATOMIC.test(base) && (!types[base] || base === "EIP712Domain")) {
        fail(
          `types.${name}.${field.name} has type "${field.type}", which is neither a built-in type (e.g. address, uint256, string, bytes32) nor one of the types.`,
        );
      }
    }
  }
}

/** An `EIP712Domain` type must be exactly what the domain implies: Dfns builds it from the domain. */
function checkDomainType(given: TypedDataTypes[string] | undefined, domain: TypedDataDomainJson): void {
  if (!given) return;
  const implied = getTypesForEIP712Domain({
    domain: domain as Parameters<typeof getTypesForEIP712Domain>[0]["domain"],
  });
  const same =
    given.length === implied.length &&
    given.every((field, i) => field.name === implied[i]!.name && field.type === implied[i]!.type);
  if (!same) {
    const expected = implied.map((f) => `${f.name} (${f.type})`).join(", ") || "no fields";
    fail(
      `types.EIP712Domain must list the domain's fields in this order: ${expected}. Or leave it out: it follows from the domain.`,
    );
  }
}

/** `primaryType` and the structs it uses, in the order given. */
function typesUsedBy(primaryType: string, types: TypedDataTypes): TypedDataTypes {
  const used = new Set<string>([primaryType]);
  const queue = [primaryType];
  while (queue.length > 0) {
    for (const field of types[queue.pop()!]!) {
      const base = baseType(field.type);
      if (types[base] && !used.has(base)) {
        used.add(base);
        queue.push(base);
      }
    }
  }
  return Object.fromEntries(Object.entries(types).filter(([name]) => used.has(name)));
}

/** Names the first value of the message that does not fit its type. */
function checkValue(types: TypedDataTypes, type: string, value: unknown, path: string): void {
  if (value === undefined || value === null) fail(`${path} is missing: the type says it is a ${type}.`);
  const array = ARRAY.exec(type);
  if (array) {
    if (!Array.isArray(value)) return fail(`${path} must be a list (${type}).`);
    if (array[2] !== "" && value.length !== Number(array[2]))
      fail(`${path} has ${value.length} items, but ${type} takes exactly ${array[2]}.`);
    value.forEach((item, i) => checkValue(types, array[1]!, item, `${path}[${i}]`));
    return;
  }
  const fields = types[type];
  if (fields) {
    if (typeof value !== "object" || Array.isArray(value)) return fail(`${path} must be an object (${type}).`);
    const record = value as Record<string, unknown>;
    const extra = Object.keys(record).find((key) => !fields.some((field) => field.name === key));
    if (extra !== undefined)
      fail(
        `${path}.${extra} is not a field of ${type}, so it would not be signed. Remove it, or add it to types.${type}.`,
      );
    for (const field of fields) checkValue(types, field.type, record[field.name], `${path}.${field.name}`);
    return;
  }
  checkAtomic(type, value, path);
}

function checkAtomic(type: string, value: unknown, path: string): void {
  if (type === "string") {
    if (typeof value !== "string") fail(`${path} must be text (string).`);
  } else if (type === "bool") {
    if (typeof value !== "boolean") fail(`${path} must be true or false (bool).`);
  } else if (type === "address") {
    if (typeof value !== "string" || !isAddress(value))
      fail(`${path} is not an address: 0x and 40 hex digits (with a valid checksum if it mixes upper and lower case).`);
  } else if (type.startsWith("bytes")) {
    const size = type === "bytes" ? null : Number(type.slice(5));
    const hexDigits = size === null ? "an even number of hex digits" : `${size * 2} hex digits`;
    if (
      typeof value !== "string" ||
      !/^0x(?:[0-9a-fA-F]{2})*$/.test(value) ||
      (size !== null && value.length !== 2 + size * 2)
    ) {
      fail(`${path} must be 0x and ${hexDigits} (${type}).`);
    }
  } else {
    checkInteger(type, value, path);
  }
}

function checkInteger(type: string, value: unknown, path: string): void {
  const signed = type.startsWith("int");
  const bits = BigInt(type.replace(/^u?int/, ""));
  let n: bigint | undefined;
  if (typeof value === "number") {
    // JSON numbers past 2^53 have already lost digits: the user must see what is signed.
    if (!Number.isSafeInteger(value))
      fail(`${path} must be a whole number; above 9007199254740991 write it as a string, e.g. "1000000000000000000".`);
    n = BigInt(value);
  } else if (typeof value === "string" && /^(?:-?[0-9]+|0x[0-9a-fA-F]+)$/.test(value)) {
    n = BigInt(value);
  }
  if (n === undefined) return fail(`${path} must be a whole number (${type}), as a number or a string of digits.`);
  const [min, max] = signed ? [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n] : [0n, 2n ** bits - 1n];
  if (n < min || n > max) fail(`${path} is out of range for ${type} (${min} to ${max}).`);
}

const baseType = (type: string): string => type.replace(/(\[[0-9]*\])+$/, "");
