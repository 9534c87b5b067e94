// The browser's side of the app's registration routes (app/api/registration/*). The server keeps
// the Dfns temporary token; the browser only sees what WebAuthn needs and sends back credentials.

import type { ErrorBody } from "@/lib/http/errors";
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

/** A route answered with an error (`status` > 0), or could not be reached (`status` 0). */
export class RegistrationApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The server's machine-readable reason, e.g. `registration_expired`, when it gives one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "RegistrationApiError";
  }
}

export const startRegistration = () => post<StartResponse>("/api/registration/start");

export const completeRegistration = (body: CompleteRequest) => post<CompleteResponse>("/api/registration/complete", body);

async function post<T extends { status: string }>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new RegistrationApiError(0, "We couldn't reach the server. Check your connection and try again.");
  }
  const json = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (!response.ok) {
    const details = json?.error?.details as { code?: unknown } | undefined;
    throw new RegistrationApiError(
      response.status,
      json?.error?.message ?? `The server answered with an error (HTTP ${response.status}). Try again in a moment.`,
      typeof details?.code === "string" ? details.code : undefined,
    );
  }
  if (!json || typeof json.status !== "string") {
    throw new RegistrationApiError(response.status, "The server sent an answer we didn't understand. Try again in a moment.");
  }
  return json;
}
