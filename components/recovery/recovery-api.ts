// The browser's side of the app's recovery routes (app/api/recovery/*). The server keeps Dfns's
// temporary token; the browser gets the WebAuthn options and the encrypted recovery key, which
// only the user's recovery code opens, here.

import { apiPost } from "@/lib/api/client";
import type { CompleteRecoveryRequest } from "@/lib/dfns/recovery-request";
import type { DfnsRegistrationChallenge } from "@/lib/passkeys";

export interface StartRecoveryResponse {
  status: "started";
  username: string;
  expiresAt: string;
  challenge: DfnsRegistrationChallenge;
  recoveryCredential: { id: string; encryptedRecoveryKey: string };
}

export const startRecovery = () => apiPost<StartRecoveryResponse>("/api/recovery/start");

export const completeRecovery = (body: CompleteRecoveryRequest) =>
  apiPost<{ status: "recovered" }>("/api/recovery/complete", body);
