import { completeAddPasskey } from "@/lib/dfns/credentials";
import { completeUserActionSchema } from "@/lib/dfns/user-action-schema";
import { handler } from "@/lib/http";

export const dynamic = "force-dynamic";

// Adds the passkey, with an existing passkey's approval.
export const POST = handler({ body: completeUserActionSchema, dfnsAction: "add the passkey" }, ({ user, body }) =>
  completeAddPasskey(user, body),
);
