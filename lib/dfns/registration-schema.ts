import { z } from "zod";

// What the browser sends to complete a registration. Only the credential material: the server
// rebuilds the Dfns request around it (kinds, names, wallets), never trusting more than this.

export const base64url = z
  .string()
  .min(1)
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url");

export const credentialInfoSchema = z.object({
  credId: base64url,
  clientData: base64url,
  attestationData: base64url,
});

export const completeRegistrationSchema = z.object({
  firstFactorCredential: z.object({ credentialInfo: credentialInfoSchema }),
  recoveryCredential: z.object({
    credentialInfo: credentialInfoSchema,
    encryptedPrivateKey: z.string().min(1).max(4_096),
  }),
});

export type CompleteRegistrationInput = z.infer<typeof completeRegistrationSchema>;
