// For route tests: a browser's side of delegated registration (a software passkey and a recovery
// key over the challenge), and a whole registration through the app's routes.
import { expect } from "vitest";
import { POST as complete } from "@/app/api/registration/complete/route";
import { POST as start } from "@/app/api/registration/start/route";
import { getEnv } from "@/lib/env";
import type { AppHarness, AppUser } from "./app-harness";
import { registrationCredentials, type StartedRegistration } from "./registration-credentials";

export type { StartedRegistration };

export async function startRegistrationFor(app: AppHarness, user: AppUser): Promise<StartedRegistration> {
  const response = await app.call(start, user);
  expect(response.status).toBe(200);
  return (await response.json()) as StartedRegistration;
}

/** The browser's part: a passkey and a recovery key over the challenge (or over `challenge`). */
export const browserCredentials = (
  started: StartedRegistration,
  challenge = started.challenge.challenge,
  origin = getEnv().appOrigin,
) => registrationCredentials(started, origin, challenge);

/** A signed-in app user with a Dfns user, its passkey and its recovery code, made through the routes. */
export async function registeredUser(app: AppHarness, email?: string) {
  const user = await app.createUser(email);
  const started = await startRegistrationFor(app, user);
  const { passkey, recoveryCode, body } = await browserCredentials(started);
  const response = await app.call(complete, user, { body });
  expect(response.status).toBe(200);
  const { wallets } = (await response.json()) as { wallets: { id: string; network: string; address?: string }[] };
  return {
    user,
    username: started.username,
    passkey,
    recoveryCode,
    recoveryCredId: body.recoveryCredential.credentialInfo.credId,
    wallets,
  };
}
