import { completeDeactivateCredential } from "@/lib/dfns/credentials";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Deactivates the passkey, with a passkey's approval.
export const POST = handler(
  { body: completeUserActionSchema, dfnsAction: "deactivate the passkey" },
  ({ user, body }) => completeDeactivateCredential(user, body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
