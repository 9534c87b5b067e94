import { z } from "zod";

// Shapes only: the base64url / JSON / CBOR inside is decoded (with its own 400s) by the verifiers.
const encoded = z.string().min(1);

export const credentialInfoSchema = z.object({
  credId: encoded,
  clientData: encoded,
  attestationData: encoded,
});

const fido2AssertionSchema = z.object({
  kind: z.literal("Fido2"),
  credentialAssertion: z.object({
    credId: encoded,
    clientData: encoded,
    authenticatorData: encoded,
    signature: encoded,
    userHandle: z.string().optional(),
    algorithm: z.string().optional(),
  }),
});

const keyAssertionSchema = z.object({
  kind: z.enum(["Key", "PasswordProtectedKey", "RecoveryKey"]),
  credentialAssertion: z.object({
    credId: encoded,
    clientData: encoded,
    signature: encoded,
    algorithm: z.string().optional(),
  }),
});

/** A Fido2, Key, PasswordProtectedKey or RecoveryKey assertion (`firstFactor`, `secondFactor`, `recovery`). */
export const assertionSchema = z.discriminatedUnion("kind", [fido2AssertionSchema, keyAssertionSchema]);

export const newCredentialKindSchema = z.enum(["Fido2", "Key", "PasswordProtectedKey", "RecoveryKey"]);
