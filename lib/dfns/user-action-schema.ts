import { z } from "zod";

// What the browser sends to complete a user action: which pending action, and the passkey's
// assertion over its challenge. Nothing else: the request Dfns runs is the one the server stored.

const base64url = z
  .string()
  .min(1)
  .max(8192)
  .regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

export const fido2AssertionSchema = z.object({
  credId: base64url,
  clientData: base64url,
  authenticatorData: base64url,
  signature: base64url,
  userHandle: base64url.optional(),
});

export const completeUserActionSchema = z.object({
  actionId: z.string().min(1).max(64),
  assertion: fido2AssertionSchema,
});

export type Fido2AssertionInput = z.infer<typeof fido2AssertionSchema>;
export type CompleteUserActionInput = z.infer<typeof completeUserActionSchema>;
