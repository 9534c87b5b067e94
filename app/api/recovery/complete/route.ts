import { completeRecovery } from "@/lib/dfns/recovery";
import { completeRecoverySchema } from "@/lib/dfns/recovery-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Completes the recovery: the new passkey and recovery key, signed by the old recovery key.
export const POST = handler(
  { body: completeRecoverySchema, dfnsAction: "complete the recovery" },
  ({ user, body }) => completeRecovery(user, body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
