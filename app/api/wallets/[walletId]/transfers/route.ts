import { beginTransfer } from "@/lib/dfns/transfers";
import { sendSchema } from "@/lib/dfns/transfer-schema";
import { handler } from "@/lib/http";

export const dynamic = "force-dynamic";

// Starts a transfer: checks it, stores it, and answers the passkey challenge with what will be sent.
export const POST = handler({ body: sendSchema, dfnsAction: "prepare the transfer" }, async ({ user, body, params }) =>
  beginTransfer(user, String(params.walletId), body),
);
