import { completeAddPasskey } from "@/lib/dfns/credentials";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Adds the passkey, with an existing passkey's approval.
export const POST = handler({ body: completeUserActionSchema, dfnsAction: "add the passkey" }, ({ user, body }) =>
  completeAddPasskey(user, body),
);

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
