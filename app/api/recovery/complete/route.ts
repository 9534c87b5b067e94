import { setSessionCookie } from "@/lib/auth/session-cookie";
import { completeRecovery } from "@/lib/dfns/recovery";
import { completeRecoverySchema } from "@/lib/dfns/recovery-schema";
import { getEnv } from "@/lib/env";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Completes the recovery: the new passkey and recovery key, signed by the old recovery key. It
// ends every session of the user; this browser gets a new one.
export const POST = handler(
  { body: completeRecoverySchema, dfnsAction: "complete the recovery" },
  async ({ user, body }) => {
    const { sessionVersion, ...answer } = await completeRecovery(user, body);
    const cookie = await setSessionCookie({ ...user, sessionVersion }, getEnv().auth);
    return Response.json(answer, { headers: { "set-cookie": cookie, "cache-control": "no-store" } });
  },
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
