import { z } from "zod";
import { base64url, completeRegistrationSchema } from "./registration-schema";

// What the browser sends to complete a recovery: the new credentials (as at registration) and the
// old recovery key's signature over them. The server rebuilds Dfns's `newCredentials` from these
// fields (lib/dfns/recovery-request.ts), so nothing else the browser sends reaches Dfns.

export const completeRecoverySchema = completeRegistrationSchema.extend({
  recovery: z.object({
    kind: z.literal("RecoveryKey"),
    credentialAssertion: z.object({ credId: base64url, clientData: base64url, signature: base64url }),
  }),
});

export type CompleteRecoveryInput = z.infer<typeof completeRecoverySchema>;
