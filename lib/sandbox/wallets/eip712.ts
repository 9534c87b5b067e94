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
 * Path of the first field the message leaves out (`message.from.wallet`), or undefined. viem would
 * only say "Cannot convert undefined to a BigInt"; this lets the 400 say which field is missing.
 */
export function findMissingField(types: Types, type: string, value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return path;
  const array = /^(.*)\[[0-9]*\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return undefined; // wrong shape, not missing: viem reports it
    for (const [i, item] of value.entries()) {
      const missing = findMissingField(types, array[1]!, item, `${path}[${i}]`);
      if (missing) return missing;
    }
    return undefined;
  }
  const fields = types[type];
  if (!fields || typeof value !== "object") return undefined; // an atomic value: viem checks it
  for (const field of fields) {
    const missing = findMissingField(types, field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
    if (missing) return missing;
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
  const missing = findMissingField(body.types, primaryType, body.message, "message");
  if (missing) throw badRequest(`Invalid message: ${missing} is missing`, { field: "message" });
  const digest = attempt("message", () => hashTypedData({ domain, types, primaryType, message: body.message } as never));
  return hexToBytes(digest.slice(2));
}
