import { completeRegistration } from "@/lib/dfns/registration";
import { completeRegistrationSchema } from "@/lib/dfns/registration-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Completes the registration with the passkey and the recovery key; Dfns creates the wallets.
export const POST = handler(
  { body: completeRegistrationSchema, dfnsAction: "complete the registration" },
  ({ user, body }) => completeRegistration(user, body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
