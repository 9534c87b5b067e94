import { hexToBytes } from "@noble/hashes/utils.js";
import { hashTypedData, type TypedDataDomain, validateTypedData } from "viem";

import { badRequest } from "@/lib/sandbox/errors";

import type { Eip712Body } from "./request-schema";

type Types = Eip712Body["types"];

/**
 * Dfns's Eip712 body has no `primaryType` (ethers-style): the primary type is the one struct no
 * other struct refers to. Zero or several candidates is ambiguous, so the request is refused.
 */
export function inferPrimaryType(types: Types): string {
  const structs = Object.keys(types).filter((name) => name !== "EIP712Domain");
  const referenced = new Set<string>();
  for (const name of structs) {
    for (const field of types[name] ?? []) referenced.add(field.type.replace(/(\[[0-9]*\])+$/, ""));
  }
  const roots = structs.filter((name) => !referenced.has(name));
  if (roots.length !== 1) {
    const found = roots.length === 0 ? "none" : roots.join(", ");
    throw badRequest(`Invalid types: expected exactly one primary type (a type no other type uses), found ${found}`, {
      field: "types",
    });
  }
  return roots[0]!;
}

/**
 * The first thing in the message that EIP-712 does not allow but viem would hash anyway, in words
 * (`message.from.wallet is missing`), or undefined. viem says only "Cannot convert undefined to a
 * BigInt" for a missing field, and silently hashes a fixed-size array of the wrong length or
 * `bytes` that are not hex, where other EIP-712 implementations (ethers, and so Dfns) refuse.
 */
export function findMessageProblem(types: Types, type: string, value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return `${path} is missing`;
  const array = /^(.*)\[([0-9]*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return undefined; // wrong shape: viem reports it
    if (array[2] !== "" && value.length !== Number(array[2])) {
      return `${path} has ${value.length} items, but ${type} takes exactly ${array[2]}`;
    }
    for (const [i, item] of value.entries()) {
      const problem = findMessageProblem(types, array[1]!, item, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (type === "bytes" && !(typeof value === "string" && /^0x(?:[0-9a-fA-F]{2})*$/.test(value))) {
    return `${path} must be 0x-prefixed hex with an even number of digits`;
  }
  const fields = types[type];
  if (!fields || typeof value !== "object") return undefined; // an atomic value: viem checks it
  for (const field of fields) {
    const problem = findMessageProblem(
      types,
      field.type,
      (value as Record<string, unknown>)[field.name],
      `${path}.${field.name}`,
    );
    if (problem) return problem;
  }
  return undefined;
}

const reason = (error: unknown): string =>
  (error as { shortMessage?: string }).shortMessage ?? (error instanceof Error ? error.message : String(error));

/** Runs `fn`, turning whatever viem throws into a 400 that names `field`. */
function attempt<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw badRequest(`Invalid ${field}: ${reason(error)}`, { field });
  }
}

/**
 * The EIP-712 digest to sign, computed by viem so that viem's `verifyTypedData` agrees with it.
 * Checked in three steps (types, then domain, then message) only so the 400 names the right field.
 */
export function eip712Digest(body: Eip712Body): Uint8Array {
  const primaryType = inferPrimaryType(body.types);
  const { chainId, ...rest } = body.domain;
  const domain: TypedDataDomain = {
    ...(rest as Omit<TypedDataDomain, "chainId">),
    ...(chainId === undefined ? {} : { chainId: BigInt(chainId) }),
  };
  const types = body.types as Record<string, { name: string; type: string }[]>;

  attempt("types", () => validateTypedData({ types, primaryType: "EIP712Domain" } as never));
  attempt("domain", () => hashTypedData({ domain, types, primaryType: "EIP712Domain" } as never));
  const problem = findMessageProblem(body.types, primaryType, body.message, "message");
  if (problem) throw badRequest(`Invalid message: ${problem}`, { field: "message" });
  const digest = attempt("message", () =>
    hashTypedData({ domain, types, primaryType, message: body.message } as never),
  );
  return hexToBytes(digest.slice(2));
}
