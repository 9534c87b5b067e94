import { z } from "zod";
import { assertionSchema, credentialInfoSchema } from "./credentials";

// Request bodies the sandbox accepts, in the shapes of `@dfns/sdk`'s generated types.

const credentialName = z.string().min(1).max(200).optional();

export const firstFactorCredentialSchema = z.discriminatedUnion("credentialKind", [
  z.object({ credentialKind: z.literal("Fido2"), credentialInfo: credentialInfoSchema, credentialName }),
  z.object({ credentialKind: z.literal("Key"), credentialInfo: credentialInfoSchema, credentialName }),
  z.object({
    credentialKind: z.literal("PasswordProtectedKey"),
    credentialInfo: credentialInfoSchema,
    encryptedPrivateKey: z.string().min(1),
    credentialName,
  }),
]);

export const recoveryCredentialSchema = z.object({
  credentialKind: z.literal("RecoveryKey"),
  credentialInfo: credentialInfoSchema,
  encryptedPrivateKey: z.string().min(1).optional(),
  credentialName,
});

export const newCredentialsSchema = z.object({
  firstFactorCredential: firstFactorCredentialSchema,
  secondFactorCredential: firstFactorCredentialSchema.optional(),
  recoveryCredential: recoveryCredentialSchema.optional(),
});

export type NewCredentialInput = z.infer<typeof firstFactorCredentialSchema> | z.infer<typeof recoveryCredentialSchema>;

export const walletSpecSchema = z.object({ network: z.string().min(1), name: z.string().max(200).optional() });

export const registerEndUserSchema = newCredentialsSchema.extend({ wallets: z.array(walletSpecSchema).max(20) });

export const delegatedRegistrationSchema = z.object({
  email: z.string().min(1).max(320),
  kind: z.literal("EndUser"),
  externalId: z.string().min(1).max(200).optional(),
});

export const usernameSchema = z.object({ username: z.string().min(1).max(320) });

export const delegatedRecoverySchema = z.object({ username: z.string().min(1), credentialId: z.string().min(1) });

export const recoverSchema = z.object({
  recovery: z.object({
    kind: z.literal("RecoveryKey"),
    credentialAssertion: z.object({
      credId: z.string().min(1),
      clientData: z.string().min(1),
      signature: z.string().min(1),
      algorithm: z.string().optional(),
    }),
  }),
  newCredentials: newCredentialsSchema,
});

export const userActionInitSchema = z.object({
  userActionPayload: z.string(),
  userActionHttpMethod: z.enum(["POST", "PUT", "DELETE", "GET"]),
  userActionHttpPath: z.string().startsWith("/"),
  userActionServerKind: z.enum(["Api", "Staff"]).optional(),
});

export const userActionSignSchema = z.object({
  challengeIdentifier: z.string().min(1),
  firstFactor: assertionSchema,
  secondFactor: assertionSchema.optional(),
});

export const credentialKindSchema = z.enum(["Fido2", "Key", "PasswordProtectedKey", "RecoveryKey"]);

export const createCredentialChallengeSchema = z.object({ kind: credentialKindSchema });

export const createCredentialSchema = z.object({
  credentialKind: credentialKindSchema,
  credentialInfo: credentialInfoSchema,
  credentialName: z.string().min(1).max(200),
  challengeIdentifier: z.string().min(1),
  encryptedPrivateKey: z.string().min(1).optional(),
});

export const credentialUuidSchema = z.object({ credentialUuid: z.string().min(1) });

export const createWalletSchema = z.object({
  network: z.string().min(1),
  name: z.string().max(200).optional(),
  externalId: z.string().min(1).max(200).optional(),
  tags: z.array(z.string().max(100)).max(20).optional(),
  delegateTo: z.string().optional(),
});
