import { z } from "zod";
import { credentialInfoSchema } from "./registration-schema";

// What the browser sends to manage its credentials. Ids are the app's credential ids; the Dfns
// requests are built on the server.

export const credentialNameSchema = z
  .string()
  .trim()
  .min(1, "Give the passkey a name")
  .max(64, "Use at most 64 characters")
  .regex(/^[^\p{C}]+$/u, "Use letters, numbers, spaces and punctuation only");

export const addPasskeySchema = z.object({
  /** The sealed Dfns credential challenge from POST /api/credentials/challenge. */
  challengeToken: z.string().min(1).max(4_096),
  name: credentialNameSchema,
  credentialInfo: credentialInfoSchema,
});

export const deactivateCredentialSchema = z.object({
  credentialId: z.string().min(1).max(64),
});

export type AddPasskeyInput = z.infer<typeof addPasskeySchema>;
