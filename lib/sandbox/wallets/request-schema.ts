import { z } from "zod";

import { badRequest, type SandboxError } from "@/lib/sandbox/errors";

/**
 * Request bodies of POST /wallets/:id/signatures for the kinds the sandbox signs, shaped after
 * `GenerateSignatureBody` in @dfns/sdk. Unknown extra keys (`network`, `blockchainKind`, ...) are
 * ignored, as they don't change what gets signed.
 */

// Dfns documents `message` as 0x-prefixed hex; an odd digit count is not bytes.
const hexMessage = z
  .string({ error: "must be a string" })
  .regex(/^0x(?:[0-9a-fA-F]{2})*$/, { error: "must be 0x-prefixed hex with an even number of digits" });

// Dfns's own examples show `hash` both with and without 0x, so both are accepted.
const hash32 = z
  .string({ error: "must be a string" })
  .regex(/^(?:0x)?[0-9a-fA-F]{64}$/, { error: "must be a 32-byte hex string" });

const externalId = z.string({ error: "must be a string" }).optional();

export const messageBodySchema = z.object({ kind: z.literal("Message"), message: hexMessage, externalId });

export const hashBodySchema = z.object({ kind: z.literal("Hash"), hash: hash32, externalId });

const typedDataField = z.object({
  name: z.string({ error: "must be a string" }),
  type: z.string({ error: "must be a string" }),
});

// The SDK types chainId as number | string (JSON cannot carry a bigint); both mean the same uint256.
const chainIdError = { error: "must be a non-negative integer or an integer string" };
const chainId = z.union(
  [
    z.number(chainIdError).int(chainIdError).nonnegative(chainIdError),
    z.string(chainIdError).regex(/^(?:0x[0-9a-fA-F]+|[0-9]+)$/, chainIdError),
  ],
  chainIdError,
);

export const eip712BodySchema = z.object({
  kind: z.literal("Eip712"),
  types: z.record(z.string(), z.array(typedDataField, { error: "must be an array of {name, type}" }), {
    error: "must be an object of type definitions",
  }),
  domain: z.object(
    {
      name: z.string({ error: "must be a string" }).optional(),
      version: z.string({ error: "must be a string" }).optional(),
      chainId: chainId.optional(),
      verifyingContract: z.string({ error: "must be a string" }).optional(),
      salt: z.string({ error: "must be a string" }).optional(),
    },
    { error: "must be an object" },
  ),
  message: z.record(z.string(), z.unknown(), { error: "must be an object" }),
  externalId,
});

export type Eip712Body = z.infer<typeof eip712BodySchema>;

/** First zod issue → 400 naming the field by its path (`domain.chainId`, `message`, ...). */
function toBadRequest(error: z.ZodError): SandboxError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || "body";
  return badRequest(`Invalid ${field}: ${issue?.message ?? "malformed"}`, { field });
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw toBadRequest(result.error);
  return result.data;
}

/** The body must be a JSON object with a string `kind` before we can pick a schema for it. */
export function readKind(body: unknown): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("Invalid body: must be a JSON object", { field: "body" });
  }
  const kind = (body as { kind?: unknown }).kind;
  if (typeof kind !== "string" || kind === "") {
    throw badRequest("Invalid kind: must be a non-empty string", { field: "kind" });
  }
  return kind;
}
