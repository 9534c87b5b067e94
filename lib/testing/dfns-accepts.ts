// For route tests: asks Dfns itself (the sandbox) whether a passkey can still approve the user's
// requests, by signing a user-action challenge with it, rather than trusting what the app says.
import { DfnsApiClient } from "@dfns/sdk";
import { serviceAccountClient } from "@/lib/dfns/clients";
import { isDfnsError } from "@/lib/http";
import type { AppHarness } from "./app-harness";
import type { SoftwarePasskey } from "./software-passkey";

export async function dfnsAcceptsPasskey(
  app: AppHarness,
  username: string,
  passkey: SoftwarePasskey,
): Promise<boolean> {
  const { token } = await (await serviceAccountClient()).auth.delegatedLogin({ body: { username } });
  const dfns = new DfnsApiClient({ baseUrl: app.sandboxUrl, authToken: token });
  const { challenge, challengeIdentifier } = await dfns.auth.createUserActionChallenge({
    body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
  });
  try {
    await dfns.auth.createUserActionSignature({
      body: { challengeIdentifier, firstFactor: passkey.assert(challenge) },
    });
    return true;
  } catch (error) {
    if (isDfnsError(error) && error.httpStatus === 401) return false;
    throw error;
  }
}
