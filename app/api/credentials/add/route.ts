import { beginAddPasskey } from "@/lib/dfns/credentials";
import { addPasskeySchema } from "@/lib/dfns/credentials-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Begins adding the new passkey: a user action that one of the user's passkeys must approve.
export const POST = handler({ body: addPasskeySchema, dfnsAction: "add the passkey" }, ({ user, body }) =>
  beginAddPasskey(user, body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
