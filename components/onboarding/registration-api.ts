// The browser's side of the app's registration routes (app/api/registration/*). The server keeps
// the Dfns temporary token; the browser only sees what WebAuthn needs and sends back credentials.

import { apiPost } from "@/lib/api/client";
import type { DfnsRegistrationChallenge, Fido2CredentialInfo } from "@/lib/passkeys";

export type StartResponse =
  | { status: "registered" }
  | { status: "started"; username: string; expiresAt: string; challenge: DfnsRegistrationChallenge };

export interface CompleteRequest {
  firstFactorCredential: { credentialInfo: Fido2CredentialInfo };
  /** The recovery key's public half and its wrapped private key; never the recovery code. */
  recoveryCredential: { credentialInfo: Fido2CredentialInfo; encryptedPrivateKey: string };
}

export interface CreatedWallet {
  id: string;
  network: string;
  address?: string;
}

export interface CompleteResponse {
  status: "registered";
  wallets: CreatedWallet[];
}

export const startRegistration = () => apiPost<StartResponse>("/api/registration/start");

export const completeRegistration = (body: CompleteRequest) =>
  apiPost<CompleteResponse>("/api/registration/complete", body);
