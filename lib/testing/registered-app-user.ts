// An app user with a Dfns user, registered through the app's own registration flow (what
// /onboarding does), for route tests of what comes after.
import { completeRegistration, startRegistration } from "@/lib/dfns/registration";
import { getEnv } from "@/lib/env";
import type { AppHarness, AppUser } from "./app-harness";
import { newCredentials } from "./browser-credentials";

export async function registerAppUser(app: AppHarness, user?: AppUser) {
  const appUser = user ?? (await app.createUser());
  const sessionUser = { ...appUser, image: null };
  const started = await startRegistration(sessionUser);
  if (started.status !== "started") throw new Error(`${appUser.email} is registered already`);
  const credentials = await newCredentials(started, getEnv().appOrigin);
  const { wallets } = await completeRegistration(sessionUser, credentials.body);
  return { user: appUser, username: started.username, wallets, ...credentials };
}
