import { beginDeactivateCredential } from "@/lib/dfns/credentials";
import { deactivateCredentialSchema } from "@/lib/dfns/credentials-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Begins deactivating one of the user's passkeys (never the last active one).
export const POST = handler(
  { body: deactivateCredentialSchema, dfnsAction: "deactivate the passkey" },
  ({ user, body }) => beginDeactivateCredential(user, body.credentialId),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
